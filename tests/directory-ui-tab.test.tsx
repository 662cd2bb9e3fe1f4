// @vitest-environment happy-dom

import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DashboardDirectory } from '@/components/DashboardDirectory';
import { type Db, openCareDb } from '@/lib/db';
import { loadDirectory, replaceDirectory } from '@/lib/directory-store';
import { type FetchLike, loadFeedState, recordFeedAttempt } from '@/lib/feed';
import type { PermissionsApi } from '@/lib/permissions';
import { listReports, reportProblem } from '@/lib/reports';
import { loadSettings, saveSettings } from '@/lib/settings';
import type { Asset } from '@/lib/types';

const NOW = new Date('2026-03-04T10:00:00Z');
const now = () => NOW;

const start: Asset[] = [
  {
    id: 'club',
    name: 'Lunch Club',
    categories: ['loneliness'],
    phone: '01632 960001',
    status: 'active',
    lastVerified: '2026-02-01',
  },
  {
    id: 'walk',
    name: 'Health Walks',
    categories: ['activity'],
    phone: '01632 960002',
    status: 'active',
    lastVerified: '2025-01-01',
  },
];

let db: Db;
let n = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  n += 1;
  db = await openCareDb(`directory-tab-${n}`);
  await replaceDirectory(db, start, { source: 'csv', at: '2026-03-01T09:00:00.000Z' });
});
afterEach(() => {
  cleanup();
  db.close();
});

const granting = (ok = true) => {
  const calls: string[][] = [];
  const api: PermissionsApi = {
    request: vi.fn(async ({ origins }) => {
      calls.push(origins);
      return ok;
    }),
    contains: async () => ok,
    remove: async () => true,
  };
  return { api, calls };
};

async function renderTab(props: { db?: Db; fetch?: FetchLike; permissions?: PermissionsApi } = {}) {
  render(<DashboardDirectory db={props.db ?? db} now={now} fetch={props.fetch} permissions={props.permissions} />);
  await screen.findByRole('heading', { name: /^Directory(Demo)?$/ });
}

async function chooseFile(text: string | Uint8Array<ArrayBuffer>, name = 'practice.csv') {
  const input = screen.getByLabelText('Choose a directory file') as HTMLInputElement;
  const file = new File([text], name, { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const ids = async (d = db) => (await loadDirectory(d)).assets.map((a) => a.id).sort();

const csv = 'id,name,categories,phone\nclub,Lunch Club,loneliness,01632 960001\ncafe,Carers Café,carers,01632 960004\n';

describe('file import', () => {
  it('previews, then Replace writes exactly the file', async () => {
    await renderTab();
    await chooseFile(csv);
    await screen.findByRole('heading', { name: 'Check before importing' });
    expect(await ids()).toEqual(['club', 'walk']);
    fireEvent.click(screen.getByRole('button', { name: 'Replace the directory' }));
    await screen.findByText(/Replaced the directory: it now has 2 assets \(1 old asset removed\)/);
    expect(await ids()).toEqual(['cafe', 'club']);
    const list = screen.getByRole('region', { name: 'All assets' });
    expect(within(list).getByRole('heading', { name: 'Carers Café' })).toBeTruthy();
    expect(within(list).queryByRole('heading', { name: 'Health Walks' })).toBeNull();
    expect((await loadDirectory(db)).source).toBe('csv');
  });

  it('Merge adds and keeps the rest', async () => {
    await renderTab();
    await chooseFile(csv);
    fireEvent.click(await screen.findByRole('button', { name: 'Merge into the directory' }));
    // The file has no last_verified for Lunch Club, so merging updates it too.
    await screen.findByText(/Merged: 1 new asset added and 1 asset updated/);
    expect(await ids()).toEqual(['cafe', 'club', 'walk']);
  });

  it('Cancel leaves the directory as it was', async () => {
    await renderTab();
    await chooseFile(csv);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await screen.findByText(/Import cancelled. The directory has not changed/);
    expect(await ids()).toEqual(['club', 'walk']);
  });

  it('a failed write says so plainly and the previous directory stays intact', async () => {
    let failWrites = false;
    const flaky = new Proxy(db, {
      get(target, prop) {
        if (prop === 'transaction')
          return (stores: never, mode?: IDBTransactionMode) => {
            if (failWrites && mode === 'readwrite') throw new DOMException('The disk is full', 'QuotaExceededError');
            return target.transaction(stores, mode);
          };
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    await renderTab({ db: flaky });
    await chooseFile(csv);
    await screen.findByRole('heading', { name: 'Check before importing' });
    failWrites = true;
    fireEvent.click(screen.getByRole('button', { name: 'Replace the directory' }));
    const alert = await screen.findByText(/The import was not applied: .*disk is full.* The directory has not changed/);
    expect(alert.getAttribute('role')).toBe('alert');
    expect(await ids()).toEqual(['club', 'walk']);
    const list = screen.getByRole('region', { name: 'All assets' });
    expect(within(list).getByRole('heading', { name: 'Health Walks' })).toBeTruthy();
  });

  it.each([
    ['a spreadsheet', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'practice.xlsx', /spreadsheet or zip file/],
    ['an empty file', '', 'practice.csv', /is empty/],
  ])('%s gets a clear error and no preview', async (_what, content, name, message) => {
    await renderTab();
    await chooseFile(content, name);
    const error = await screen.findByText(message);
    expect(error.closest('[role="alert"]')).toBeTruthy();
    expect(error.textContent).toMatch(/The directory has not changed/);
    expect(screen.queryByRole('heading', { name: 'Check before importing' })).toBeNull();
  });

  it('a CSV saved by Excel as Windows text is read, with a note in the preview', async () => {
    await renderTab();
    const latin1 = new Uint8Array([...new TextEncoder().encode('name,categories,phone\nCaf'), 0xe9, 0x0a]);
    await chooseFile(latin1);
    await screen.findByRole('heading', { name: 'Check before importing' });
    expect(screen.getByText(/not UTF-8, so it was read as Windows/)).toBeTruthy();
  });
});

describe('formats', () => {
  const hsds3 = readFileSync('tests/fixtures/hsds3-service_list.json', 'utf8');
  const nativeJson = JSON.stringify({
    assets: [{ id: 'j1', name: 'JSON Group', categories: ['digital'], email: 'j@example.org', status: 'active' }],
  });
  const oruk1 = JSON.stringify({
    totalElements: 1,
    totalPages: 1,
    number: 1,
    first: true,
    last: true,
    content: [{ id: 'o1', name: 'Befriending Line', description: 'Telephone befriending', email: 'o@example.org' }],
  });
  it.each([
    ['CSV', csv, 'practice.csv', /\(CSV\)/, 'Carers Café'],
    ['native JSON', nativeJson, 'practice.json', /\(JSON\)/, 'JSON Group'],
    ['ORUK v1', oruk1, 'council.json', /\(Open Referral \(ORUK or HSDS\)\)/, 'Befriending Line'],
    ['HSDS 3', hsds3, 'hsds.json', /\(Open Referral \(ORUK or HSDS\)\)/, 'Community Counselling'],
  ])('detects %s and previews its assets', async (_what, text, name, formatLabel, newName) => {
    await renderTab();
    await chooseFile(text, name);
    await screen.findByRole('heading', { name: 'Check before importing' });
    expect(screen.getByText(formatLabel, { exact: false })).toBeTruthy();
    expect(document.getElementById('preview-added')?.textContent).toContain(newName);
  });
});

describe('export', () => {
  it('downloads the whole directory as CSV and JSON', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await renderTab();
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    expect(names).toEqual(['care-navigation-directory-2026-03-04.csv', 'care-navigation-directory-2026-03-04.json']);
    const csvText = await blobs[0].text();
    expect(csvText).toMatch(/^\uFEFF?id,name,organisation/);
    expect(csvText).toContain('Lunch Club');
    expect(
      JSON.parse(await blobs[1].text())
        .assets.map((a: Asset) => a.id)
        .sort(),
    ).toEqual(['club', 'walk']);
    click.mockRestore();
  });
});

describe('editing', () => {
  it('adds an asset through the form', async () => {
    await renderTab();
    fireEvent.click(screen.getByRole('button', { name: 'Add an asset' }));
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Food Bank' } });
    fireEvent.click(screen.getByLabelText('Food and essentials'));
    fireEvent.input(screen.getByLabelText('Website'), { target: { value: 'https://food.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add asset' }));
    await screen.findByText('Added Food Bank.');
    const stored = (await loadDirectory(db)).assets.find((a) => a.name === 'Food Bank');
    expect(stored).toMatchObject({ categories: ['food'], website: 'https://food.example.org', status: 'active' });
  });

  it('deactivates from the list and can reactivate', async () => {
    await renderTab();
    const list = screen.getByRole('region', { name: 'All assets' });
    fireEvent.click(within(list).getByRole('button', { name: 'Deactivate Lunch Club' }));
    await screen.findByText(/Lunch Club is now inactive/);
    expect((await loadDirectory(db)).assets.find((a) => a.id === 'club')?.status).toBe('inactive');
    fireEvent.click(within(list).getByRole('button', { name: 'Reactivate Lunch Club' }));
    await screen.findByText('Lunch Club is active again.');
  });

  it('is locked when policy turns local edits off', async () => {
    await fakeBrowser.storage.managed.set({ allowLocalEdits: false });
    await renderTab();
    expect(screen.getByText(/Local changes are turned off/).closest('p')?.textContent).toMatch(
      /by your organisation's policy/,
    );
    expect((screen.getByLabelText('Choose a directory file') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Add an asset' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Edit Lunch Club' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Download CSV' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('review queue', () => {
  it('lists reported, stale and uncategorised assets with quick actions', async () => {
    await replaceDirectory(
      db,
      [
        ...start,
        {
          id: 'feedy',
          name: 'Mystery Service',
          categories: ['uncategorised'],
          phone: '0',
          status: 'active',
          lastVerified: '2026-03-01',
        },
      ],
      { source: 'csv', at: '2026-03-01T09:00:00.000Z' },
    );
    await reportProblem(db, 'club', 'wrong_times', '2026-03-03T09:00:00.000Z', 'r1');
    await reportProblem(db, 'club', 'closed', '2026-03-03T10:00:00.000Z', 'r2');
    await renderTab();
    const queue = screen.getByRole('region', { name: 'Review queue' });
    const reported = within(queue).getByRole('region', { name: /Reported as wrong/ });
    expect(reported.textContent).toMatch(/Lunch Club/);
    expect(reported.textContent).toMatch(/Opening times are wrong; Closed or no longer running\. Reported 2 times/);
    const stale = within(queue).getByRole('region', { name: /Not checked for more than 6 months/ });
    expect(stale.textContent).toMatch(/Health Walks/);
    expect(stale.textContent).not.toMatch(/Lunch Club/);
    const uncategorised = within(queue).getByRole('region', { name: /Uncategorised/ });
    expect(uncategorised.textContent).toMatch(/Mystery Service/);

    fireEvent.click(within(reported).getByRole('button', { name: /Dismiss reports/ }));
    await screen.findByText('Dismissed 2 reports about Lunch Club.');
    expect(await listReports(db)).toEqual([]);

    fireEvent.click(within(stale).getByRole('button', { name: 'Mark verified today: Health Walks' }));
    await screen.findByText('Health Walks is marked as verified today.');
    expect((await loadDirectory(db)).assets.find((a) => a.id === 'walk')?.lastVerified).toBe('2026-03-04');
  });
});

function feedPages(total: number, failPage?: number): { fetch: FetchLike; requested: string[] } {
  const requested: string[] = [];
  const fetch: FetchLike = async (url) => {
    requested.push(url);
    const u = new URL(url);
    const page = Number(u.searchParams.get('page'));
    const per = Number(u.searchParams.get('per_page'));
    if (page === failPage) return new Response('oops', { status: 500, statusText: 'Internal Server Error' });
    const content = [];
    for (let i = (page - 1) * per; i < Math.min(total, page * per); i++)
      content.push({
        id: `svc-${i}`,
        name: `Befriending ${i}`,
        email: `b${i}@example.org`,
        description: 'befriending',
      });
    const totalPages = Math.ceil(total / per);
    return new Response(
      JSON.stringify({ totalElements: total, totalPages, number: page, last: page >= totalPages, content }),
    );
  };
  return { fetch, requested };
}

describe('feed connection', () => {
  it('asks for the feed origin only, fetches, previews and replaces', async () => {
    const perms = granting(true);
    const feed = feedPages(150);
    await renderTab({ permissions: perms.api, fetch: feed.fetch });
    fireEvent.input(screen.getByLabelText('Feed address (API base)'), {
      target: { value: 'https://council.example.org/oruk/' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Connect and fetch' }));
    expect(perms.calls).toEqual([['https://council.example.org/*']]);
    await screen.findByRole('heading', { name: 'Check before importing' });
    expect(screen.getByText(/the feed https:\/\/council\.example\.org\/oruk \(2 pages\)/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Merge/ })).toBeNull();
    expect(await ids()).toEqual(['club', 'walk']);
    fireEvent.click(screen.getByRole('button', { name: 'Replace the directory' }));
    await screen.findByText(/Replaced the directory: it now has 150 assets/);
    expect((await loadDirectory(db)).assets).toHaveLength(150);
    expect((await loadSettings()).settings.feedUrl).toBe('https://council.example.org/oruk');
    expect(await loadFeedState(db)).toMatchObject({ lastSuccessAt: NOW.toISOString(), lastCount: 150 });
    expect(screen.getByText(/Last fetched .* \(150 services\)/)).toBeTruthy();
  });

  it('shows page progress and Cancel stops the fetch without changing anything', async () => {
    const requested: string[] = [];
    const fetch: FetchLike = async (url, init) => {
      requested.push(url);
      const page = Number(new URL(url).searchParams.get('page'));
      if (page === 2)
        return new Promise((_ok, fail) =>
          init?.signal?.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))),
        );
      const content = [{ id: 's1', name: 'Befriending', email: 'b@example.org' }];
      return new Response(JSON.stringify({ totalPages: 120, number: page, last: false, content }));
    };
    await renderTab({ permissions: granting(true).api, fetch });
    fireEvent.input(screen.getByLabelText('Feed address (API base)'), { target: { value: 'https://big.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect and fetch' }));
    const bar = await screen.findByLabelText(/Fetched page 1 of 120/);
    expect(bar.tagName).toBe('PROGRESS');
    expect((bar as HTMLProgressElement).max).toBe(120);
    expect((bar as HTMLProgressElement).value).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel fetching' }));
    await screen.findByText('Fetching was cancelled. The directory has not changed.');
    expect(requested).toHaveLength(2);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(await ids()).toEqual(['club', 'walk']);
  });

  it('does not fetch when the browser refuses access', async () => {
    const feed = feedPages(10);
    await renderTab({ permissions: granting(false).api, fetch: feed.fetch });
    fireEvent.input(screen.getByLabelText('Feed address (API base)'), { target: { value: 'https://x.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect and fetch' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not allow access to x\.example\.org/);
    expect(feed.requested).toEqual([]);
  });

  it.each([
    ['http://x.example.org', /must start with https/],
    ['not a url', /not a web address/],
  ])('rejects the address %j next to the field', async (value, message) => {
    const perms = granting(true);
    await renderTab({ permissions: perms.api, fetch: feedPages(1).fetch });
    fireEvent.input(screen.getByLabelText('Feed address (API base)'), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect and fetch' }));
    expect(document.getElementById('feed-url-error')?.textContent).toMatch(message);
    expect(perms.calls).toEqual([]);
  });

  it('a failed refresh keeps the last good copy and says when and why', async () => {
    await saveSettings({ feedUrl: 'https://council.example.org/oruk' });
    await recordFeedAttempt(db, 'https://council.example.org/oruk', '2026-03-01T06:00:00.000Z', { ok: true, count: 2 });
    const feed = feedPages(300, 2);
    await renderTab({ permissions: granting(true).api, fetch: feed.fetch });
    expect(screen.getByText(/Last fetched 1 March 2026 at \d\d:00 \(2 services\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fetch now' }));
    const alert = await screen.findByText(/page 2 of 3: the feed server had an error \(500 Internal Server Error\)/);
    expect(alert.textContent).toMatch(/The directory has not changed/);
    expect(await ids()).toEqual(['club', 'walk']);
    await screen.findByText(/The latest refresh, 4 March 2026 at \d\d:00, failed:/);
    expect(screen.getByText(/still holds the last good copy/)).toBeTruthy();
    expect(screen.getByText(/The latest feed refresh failed, so the directory may be out of date/)).toBeTruthy();
  });

  it('shows a policy-set feed address as locked', async () => {
    await fakeBrowser.storage.managed.set({ feedUrl: 'https://policy.example.org/api' });
    await renderTab({ permissions: granting(false).api });
    const input = screen.getByLabelText('Feed address (API base)') as HTMLInputElement;
    expect(input.value).toBe('https://policy.example.org/api');
    expect(input.readOnly).toBe(true);
    expect(screen.getAllByText(/Set by your organisation's policy/).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Disconnect feed' })).toBeNull();
    await screen.findByText(/has not given the extension access to policy\.example\.org/);
  });
});
