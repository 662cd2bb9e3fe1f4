// @vitest-environment happy-dom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { DashboardLogs } from '@/components/DashboardLogs';
import { type Db, openCareDb } from '@/lib/db';
import { DESK_FILE_FORMAT } from '@/lib/event-merge';
import { loadSettings, saveSettings } from '@/lib/settings';
import type { SignpostEvent } from '@/lib/types';

process.env.TZ = 'Europe/London';

let n = 0;
let name: string;
let db: Db;
// Wednesday 12 March 2025, mid-morning.
const NOW = new Date('2025-03-12T10:30:00Z');
const now = () => NOW;

const ev = (id: string, at: string, over: Partial<SignpostEvent> = {}): SignpostEvent => ({
  id,
  at,
  outcome: 'signposted',
  categories: ['money'],
  assetIds: ['a1'],
  handout: 'copied',
  channel: 'desk',
  durationSec: 90,
  desk: 'Front desk',
  scriptVersion: '1',
  ...over,
});

const downloads: { name: string; bytes: Uint8Array }[] = [];

// The machine is shared: allow slow IndexedDB round trips without making the tests timing-dependent.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(async () => {
  fakeBrowser.reset();
  downloads.length = 0;
  name = `dash-logs-${n++}`;
  db = await openCareDb(name);
  await db.put('assets', {
    id: 'a1',
    name: 'Clearway Debt Advice',
    categories: ['money'],
    phone: '01632 960100',
    status: 'active',
  });
  const march = [
    ...Array.from({ length: 6 }, (_, i) => ev(`m${i}`, `2025-03-0${i + 3}T10:00:00.000Z`)),
    ev('lw', '2025-03-10T10:00:00.000Z', { outcome: 'link_worker', assetIds: [], channel: 'phone' }),
    ev('gap', '2025-03-11T10:00:00.000Z', { outcome: 'no_suitable', categories: ['transport'], assetIds: [] }),
    ev('gone', '2025-03-11T11:00:00.000Z', { assetIds: ['removed-asset'] }),
  ];
  for (const e of march) await db.put('events', e);
  // February: outside "this month".
  await db.put('events', ev('feb', '2025-02-20T10:00:00.000Z', { outcome: 'declined' }));
  // Stand-ins for the browser's download: record each file's name and exact bytes.
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = ((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = () => {};
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    const fileName = this.download;
    if (blob) void blob.arrayBuffer().then((b) => downloads.push({ name: fileName, bytes: new Uint8Array(b) }));
  };
});
afterEach(() => {
  cleanup();
  db.close();
});

function renderLogs() {
  return render(<DashboardLogs openDb={() => openCareDb(name)} now={now} />);
}

const headline = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;

it('shows this month by default with headline figures, charts and tables', async () => {
  renderLogs();
  await screen.findByText('Conversations', { selector: 'dt' });
  expect(screen.getByRole('radio', { name: 'This month' })).toHaveProperty('checked', true);
  expect(screen.getByText('1 March 2025 to 31 March 2025')).toBeTruthy();
  expect(headline('Conversations')).toBe('9');
  expect(headline('Referred to the link worker')).toBe('1');
  expect(headline('No suitable support found')).toBe('1');
  expect(headline('Median conversation time')).toBe('1 min 30 s');

  const outcomes = screen.getByRole('table', { name: 'Outcomes' });
  const signposted = within(outcomes).getByRole('rowheader', { name: 'Signposted to local support' }).closest('tr');
  expect(signposted?.textContent).toContain('7');
  expect(signposted?.textContent).toContain('78%');

  // Asset names come from the directory; an asset no longer there is shown by its id.
  const assets = screen.getByRole('table', { name: 'Support most signposted' });
  expect(await within(assets).findByRole('rowheader', { name: 'Clearway Debt Advice' })).toBeTruthy();
  expect(within(assets).getByRole('rowheader', { name: 'removed-asset' })).toBeTruthy();

  const gaps = screen.getByRole('table', { name: /Gaps in the directory/ });
  expect(within(gaps).getByRole('rowheader', { name: 'Transport and getting about' })).toBeTruthy();

  const charts = screen.getAllByRole('img');
  expect(charts.length).toBeGreaterThanOrEqual(7);
  expect(charts[0].getAttribute('aria-label')).toMatch(/^Bar chart, Outcomes: Signposted to local support 7;/);
  const trend = charts.find((c) => c.getAttribute('aria-label')?.startsWith('Column chart'));
  expect(trend?.getAttribute('aria-label')).toMatch(/31 days from 1 Mar to 31 Mar: 9 in total/);
});

it('changes period with the keyboard-operable radios, and says so plainly when a period is empty', async () => {
  renderLogs();
  await screen.findByText('Conversations', { selector: 'dt' });
  fireEvent.click(screen.getByRole('radio', { name: 'Last month' }));
  await waitFor(() => expect(headline('Conversations')).toBe('1'));
  expect(headline('Declined')).toBe('1');

  fireEvent.click(screen.getByRole('radio', { name: 'Choose dates' }));
  fireEvent.input(screen.getByLabelText('From'), { target: { value: '2024-01-01' } });
  fireEvent.input(screen.getByLabelText('To (included)'), { target: { value: '2024-01-31' } });
  fireEvent.click(screen.getByRole('button', { name: 'Show these dates' }));
  expect(await screen.findByText('No conversations were logged in this period.')).toBeTruthy();
  expect(screen.queryByRole('img')).toBeNull();

  fireEvent.input(screen.getByLabelText('To (included)'), { target: { value: '2023-12-01' } });
  fireEvent.click(screen.getByRole('button', { name: 'Show these dates' }));
  expect((await screen.findByRole('alert')).textContent).toMatch(/"to" date must be the same as or after/);
});

it('downloads the events and the summary as Excel-ready CSV', async () => {
  await saveSettings({ practiceName: 'Riverside Surgery' });
  renderLogs();
  await screen.findByText('Conversations', { selector: 'dt' });
  fireEvent.click(screen.getByRole('button', { name: 'Download events (CSV)' }));
  fireEvent.click(screen.getByRole('button', { name: 'Download summary (CSV)' }));
  await waitFor(() => expect(downloads).toHaveLength(2));
  const [events, summary] = downloads;
  expect(events.name).toBe('care-navigation-events-2025-03-01-to-2025-03-31.csv');
  expect([...events.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(summary.bytes);
  expect(text).toContain('report,practice,Practice,Riverside Surgery\r\n');
  expect(text).toContain('outcome,signposted,Signposted to local support,7\r\n');
  expect(new TextDecoder().decode(events.bytes).split('\r\n')).toHaveLength(11);
});

it('for sharing outside the practice, shows <5 and allows only the summary', async () => {
  renderLogs();
  await screen.findByText('Conversations', { selector: 'dt' });
  fireEvent.click(screen.getByRole('checkbox', { name: 'To share outside the practice' }));
  expect(screen.queryByRole('button', { name: 'Download events (CSV)' })).toBeNull();
  expect(headline('Conversations')).toBe('9');
  expect(headline('Referred to the link worker')).toBe('<5');
  const outcomes = screen.getByRole('table', { name: 'Outcomes' });
  for (const cell of within(outcomes).getAllByRole('cell')) expect(cell.textContent).not.toMatch(/^[1-4]$/);
  fireEvent.click(screen.getByRole('button', { name: 'Download summary (CSV)' }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  expect(downloads[0].name).toBe('care-navigation-summary-shareable-2025-03-01-to-2025-03-31.csv');
  expect(new TextDecoder().decode(downloads[0].bytes)).not.toMatch(/,[1-4]\r\n/);
});

it('imports desk files, reports added and duplicates, and names a bad file without changing anything', async () => {
  renderLogs();
  await screen.findByText('Conversations', { selector: 'dt' });
  const good = JSON.stringify({
    format: DESK_FILE_FORMAT,
    version: 1,
    desk: 'Phone room',
    events: [ev('p1', '2025-03-12T09:00:00.000Z', { desk: 'Phone room' }), ev('m0', '2025-03-03T10:00:00.000Z')],
  });
  const bad = JSON.stringify({
    format: DESK_FILE_FORMAT,
    version: 1,
    desk: 'X',
    events: [{ ...ev('b1', '2025-03-12T09:00:00.000Z'), outcome: 'lost' }],
  });
  const input = screen.getByLabelText('Import desk log files') as HTMLInputElement;
  const files = [new File([good], 'phone.json', { type: 'application/json' }), new File([bad], 'broken.json')];
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
  const phone = await screen.findByText(/^"phone.json" \(Phone room\)/, {}, { timeout: 10_000 });
  expect(phone.textContent).toMatch(/1 event added, 1 duplicate skipped/);
  expect(phone.closest('div')?.textContent).toMatch(/^1 event added, 1 duplicate skipped, 1 file not imported\./);
  expect(screen.getByText(/"broken.json" was not imported.*event 1 \(id "b1"\): "outcome"/)).toBeTruthy();
  await waitFor(() => expect(headline('Conversations')).toBe('10'));
  expect(await db.get('events', 'b1')).toBeUndefined();
});

it('shows what the next clean-up will delete and saves a new retention period', async () => {
  await db.put('events', ev('ancient', '2022-01-05T10:00:00.000Z'));
  await db.put('events', ev('january', '2025-01-15T10:00:00.000Z'));
  renderLogs();
  expect(
    await screen.findByText(/next clean-up will delete 1 event logged from 5 January 2022 to 5 January 2022/),
  ).toBeTruthy();
  const days = screen.getByLabelText('Keep events for (days)');
  fireEvent.input(days, { target: { value: '30' } });
  expect(
    await screen.findByText(
      /With this setting, the next clean-up will delete 2 events logged from 5 January 2022 to 15 January 2025/,
    ),
  ).toBeTruthy();
  fireEvent.submit(days.closest('form')!);
  expect(await screen.findByText('Saved. Events are now kept for 30 days.')).toBeTruthy();
  expect((await loadSettings()).settings.retentionDays).toBe(30);

  fireEvent.input(days, { target: { value: '5' } });
  fireEvent.submit(days.closest('form')!);
  expect((await screen.findByRole('alert')).textContent).toMatch(/whole number of days from 30 to 3650/);
  expect((await loadSettings()).settings.retentionDays).toBe(30);
});
