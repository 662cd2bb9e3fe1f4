// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Conversation, type ConversationProps, UNDO_MS } from '@/components/Conversation';
import bundled from '@/data/script.json';
import type { EventInput } from '@/lib/log';
import { scriptHash, scriptVersionLabel, validateScript } from '@/lib/script';
import type { LoadedScript } from '@/lib/script-store';
import { type AssetSearch, createAssetSearch } from '@/lib/search';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { Asset, SignpostEvent } from '@/lib/types';

const valid = validateScript(bundled);
if (!valid.ok) throw new Error('bundled script invalid');
const SCRIPT = valid.script;

function loadedScript(overrides: Partial<LoadedScript> = {}): LoadedScript {
  return {
    script: SCRIPT,
    hash: scriptHash(SCRIPT),
    scriptVersion: scriptVersionLabel(SCRIPT),
    origin: 'bundled',
    signOff: null,
    problems: [],
    ...overrides,
  };
}

const asset = (id: string, name: string, categories: string[], extra: Partial<Asset> = {}): Asset => ({
  id,
  name,
  categories,
  phone: '01632 960100',
  status: 'active',
  lastVerified: '2026-10-01',
  ...extra,
});

const ASSETS: Asset[] = [
  asset('befriend', 'Ashbridge Befriending Service', ['loneliness'], { cost: 'free', referral: 'self' }),
  asset('shed', "Ashbridge Men's Shed", ['loneliness', 'activity'], { cost: 'low' }),
  asset('debt', 'Clearway Debt Advice', ['money'], { cost: 'free' }),
];

function fakeSearch(): AssetSearch {
  const real = createAssetSearch(ASSETS, { today: '2026-11-25' });
  return {
    ...real,
    // Deterministic suggestions, independent of the search engineer's vocabulary.
    suggestCategories: (q) => (/lonely/i.test(q) ? [{ category: 'loneliness', because: ['lonely'] }] : []),
  };
}

interface Harness {
  recorded: EventInput[];
  undone: string[];
  props: ConversationProps;
  clock: { ms: number };
}

function setup(overrides: Partial<ConversationProps> = {}): Harness {
  const recorded: EventInput[] = [];
  const undone: string[] = [];
  const clock = { ms: Date.parse('2026-11-25T10:00:00Z') };
  const props: ConversationProps = {
    script: loadedScript(),
    search: fakeSearch(),
    assetsById: new Map(ASSETS.map((a) => [a.id, a])),
    settings: { ...DEFAULT_SETTINGS, practiceName: 'Riverside Surgery', deskLabel: 'Front desk' },
    today: '2026-11-25',
    now: () => new Date(clock.ms),
    onRecord: async (input) => {
      recorded.push(input);
      return { ...input, id: `evt-${recorded.length}`, at: new Date(clock.ms).toISOString() } as SignpostEvent;
    },
    onUndo: async (id) => {
      undone.push(id);
    },
    ...overrides,
  };
  render(<Conversation {...props} />);
  return { recorded, undone, props, clock };
}

let keystrokes = 0;
/** One key press on whatever has focus, as a receptionist would type it. */
async function press(key: string, init: KeyboardEventInit = {}) {
  keystrokes++;
  const target = document.activeElement ?? document.body;
  await act(async () => {
    fireEvent.keyDown(target, { key, code: key.length === 1 ? `Key${key.toUpperCase()}` : key, ...init });
  });
  await act(async () => {
    await Promise.resolve();
  });
}

const heading = () => screen.getByRole('heading', { level: 2 });
const focusedHeading = () => (document.activeElement as HTMLElement).textContent;

let writes: string[] = [];
beforeEach(() => {
  keystrokes = 0;
  writes = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (t: string) => {
        writes.push(t);
      },
    },
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Conversation by keyboard', () => {
  it('focuses the first heading on open, ready for the next patient', () => {
    setup();
    expect(focusedHeading()).toBe('Explain and ask');
  });

  it('logs a common signposting conversation in 8 key presses, with the copied handout', async () => {
    const h = setup();
    await press('Enter'); // consent: yes
    expect(focusedHeading()).toBe('Check nothing is urgent');
    await press('Enter'); // no red flags
    expect(focusedHeading()).toBe('Find the need');
    await press('1'); // loneliness
    expect((screen.getByLabelText(/Loneliness and isolation/) as HTMLInputElement).checked).toBe(true);
    await press('Enter');
    expect(focusedHeading()).toBe('Choose support');
    await press('1'); // first result
    await press('Enter');
    expect(focusedHeading()).toBe('Hand over the details');
    h.clock.ms += 84_000;
    await press('Enter'); // copy
    expect(focusedHeading()).toBe('Record the outcome');
    await press('Enter'); // log
    await waitFor(() => expect(h.recorded).toHaveLength(1));

    expect(keystrokes).toBe(8);
    const first = h.recorded[0];
    expect(first).toEqual({
      outcome: 'signposted',
      categories: ['loneliness'],
      assetIds: [first.assetIds[0]],
      handout: 'copied',
      channel: 'desk',
      durationSec: 84,
      desk: 'Front desk',
      scriptVersion: scriptVersionLabel(SCRIPT),
    });
    expect(['befriend', 'shed']).toContain(first.assetIds[0]);
    const chosen = ASSETS.find((a) => a.id === first.assetIds[0]) as Asset;
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('Local support from Riverside Surgery');
    expect(writes[0]).toContain(chosen.name);
    expect(screen.getByText(/Logged:/).closest('p')?.textContent).toContain('Signposted');
    expect(focusedHeading()).toBe('Explain and ask');
  });

  it.each<[string, string[], Partial<EventInput>]>([
    ['declined', ['3', 'Enter'], { outcome: 'declined', categories: [] }],
    ['not now (logged as declined)', ['2', 'Enter'], { outcome: 'declined' }],
    ['urgent', ['Enter', '2', 'Enter'], { outcome: 'urgent', categories: [], assetIds: [], handout: 'none' }],
    ['clinical', ['Enter', 'Enter', 'm', 'Enter'], { outcome: 'clinical', categories: [] }],
    [
      'link worker from needs',
      ['Enter', 'Enter', '2', 'l', 'Enter'],
      { outcome: 'link_worker', categories: ['money'] },
    ],
    [
      'nothing suitable',
      ['Enter', 'Enter', '3', 'Enter', 'n', 'Enter'],
      { outcome: 'no_suitable', categories: ['housing'], assetIds: [] },
    ],
    [
      'printed slip, by phone',
      ['Enter', 'Enter', '2', 'Enter', '1', 'Enter', 'p', 'c', 'Enter'],
      { outcome: 'signposted', assetIds: ['debt'], handout: 'printed', channel: 'phone' },
    ],
  ])('logs %s by keyboard', async (_name, keys, expected) => {
    const print = vi.fn();
    Object.defineProperty(window, 'print', { configurable: true, value: print });
    const h = setup();
    for (const key of keys) await press(key);
    await waitFor(() => expect(h.recorded).toHaveLength(1));
    expect(h.recorded[0]).toMatchObject(expected);
    expect(print.mock.calls.length).toBe(expected.handout === 'printed' ? 1 : 0);
  });

  it('goes back with Escape, moving focus to the previous heading', async () => {
    setup();
    await press('Enter');
    await press('Enter');
    await press('1');
    await press('Enter');
    expect(focusedHeading()).toBe('Choose support');
    await press('Escape');
    expect(focusedHeading()).toBe('Find the need');
    expect((screen.getByLabelText(/Loneliness and isolation/) as HTMLInputElement).checked).toBe(true);
    await press('Escape');
    await press('Escape');
    expect(focusedHeading()).toBe('Explain and ask');
  });

  it('says what to do when Enter is pressed with no need chosen', async () => {
    setup();
    await press('Enter');
    await press('Enter');
    await press('Enter');
    expect(heading().textContent).toBe('Find the need');
    expect(screen.getByText(/Choose at least one need/)).toBeTruthy();
  });

  it('shows each urgent instruction and number next to its source, and logs "urgent" with no detail', async () => {
    const h = setup();
    await press('Enter');
    await press('2'); // mental health crisis
    expect(focusedHeading()).toMatch(/^Get urgent help: Mental health crisis/);
    const samaritans = screen.getByText('116 123').closest('li') as HTMLElement;
    const link = samaritans.querySelector('a') as HTMLAnchorElement;
    expect(link.href).toBe('https://www.samaritans.org/how-we-can-help/contact-samaritan/');
    expect(link.textContent).toContain('Samaritans');
    for (const li of Array.from(document.querySelectorAll('.urgent-actions > li'))) {
      expect(li.querySelector('.source a')).not.toBeNull();
    }
    await press('Enter');
    await waitFor(() => expect(h.recorded).toHaveLength(1));
    expect(h.recorded[0]).toMatchObject({ outcome: 'urgent', categories: [], assetIds: [] });
  });

  it('offers needs from what the patient said, and never logs or keeps the words', async () => {
    const h = setup();
    await press('Enter');
    await press('Enter');
    await press('/');
    const box = screen.getByLabelText('What the patient said') as HTMLInputElement;
    expect(document.activeElement).toBe(box);
    await act(async () => {
      fireEvent.input(box, { target: { value: 'I feel so lonely since Mum died' } });
    });
    expect(
      screen.getByRole('button', { name: /Loneliness and isolation \(suggested because of lonely\)/ }),
    ).toBeTruthy();
    await press('Enter'); // takes the top suggestion
    expect((screen.getByLabelText(/^1\s*Loneliness/) as HTMLInputElement).checked).toBe(true);
    await press('l', { altKey: true }); // link worker while typing
    expect(focusedHeading()).toBe('Record the outcome');
    await press('Enter');
    await waitFor(() => expect(h.recorded).toHaveLength(1));
    expect(JSON.stringify(h.recorded[0])).not.toMatch(/Mum|lonely since/);
    expect(h.recorded[0]).toMatchObject({ outcome: 'link_worker', categories: ['loneliness'] });
    // The next patient starts with an empty box.
    await press('Enter');
    await press('Enter');
    expect((screen.getByLabelText('What the patient said') as HTMLInputElement).value).toBe('');
  });

  it.each([
    [null, 'wait not known'],
    [4, 'current wait about 4 weeks'],
  ])('shows the link worker wait (%s) before escalating', async (weeks, text) => {
    setup({ settings: { ...DEFAULT_SETTINGS, linkWorkerWaitWeeks: weeks } });
    await press('Enter');
    await press('Enter');
    await press('1');
    await press('Enter');
    expect(screen.getByText(new RegExp(`link worker: ${text}`, 'i'))).toBeTruthy();
  });

  it('undoes the last log with U and puts the conversation back to correct it', async () => {
    const h = setup();
    await press('3');
    await press('Enter');
    await waitFor(() => expect(h.recorded).toHaveLength(1));
    await press('u');
    await waitFor(() => expect(h.undone).toEqual(['evt-1']));
    expect(focusedHeading()).toBe('Record the outcome');
    expect(screen.queryByText(/Logged:/)).toBeNull();
  });

  it('offers Undo for 10 seconds only', async () => {
    vi.useFakeTimers();
    const h = setup();
    await press('3');
    await press('Enter');
    expect(h.recorded).toHaveLength(1);
    expect(screen.getByRole('button', { name: /Undo/ })).toBeTruthy();
    await act(async () => {
      vi.advanceTimersByTime(UNDO_MS - 1);
    });
    expect(screen.queryByRole('button', { name: /Undo/ })).not.toBeNull();
    await act(async () => {
      vi.advanceTimersByTime(1);
    });
    expect(screen.queryByRole('button', { name: /Undo/ })).toBeNull();
  });

  it('keeps the conversation and says so when logging fails', async () => {
    setup({
      onRecord: async () => {
        throw new Error('Storage is not available, so nothing can be logged.');
      },
    });
    await press('3');
    await press('Enter');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Not logged'));
    expect(heading().textContent).toBe('Record the outcome');
    expect(screen.queryByText(/Logged:/)).toBeNull();
  });

  it('remembers the channel for the next patient', async () => {
    const h = setup();
    await press('3');
    await press('c');
    await press('Enter');
    await press('3');
    await press('Enter');
    await waitFor(() => expect(h.recorded).toHaveLength(2));
    expect(h.recorded.map((e) => e.channel)).toEqual(['phone', 'phone']);
  });

  it('ignores shortcut letters typed into a text box', async () => {
    setup();
    await press('Enter');
    await press('Enter');
    await press('/');
    await press('n');
    await press('m');
    await press('l');
    expect(heading().textContent).toBe('Find the need');
  });
});

describe('sign-off and script problems', () => {
  const walk = ['Enter', 'Enter', '1', 'Enter', '1', 'Enter', 'Enter'];

  it('shows "awaiting sign-off" on every step until signed off', async () => {
    setup();
    const seen: string[] = [];
    for (const key of walk) {
      expect(screen.getByText(/Script awaiting local clinical sign-off/)).toBeTruthy();
      seen.push(heading().textContent ?? '');
      await press(key);
    }
    expect(screen.getByText(/Script awaiting local clinical sign-off/)).toBeTruthy();
    expect(new Set(seen).size).toBe(5);
  });

  it('hides the banner once signed off', async () => {
    setup({
      script: loadedScript({ signOff: { name: 'Dr Lead', date: '2026-11-01', scriptHash: scriptHash(SCRIPT) } }),
    });
    for (const key of walk) {
      expect(screen.queryByText(/awaiting local clinical sign-off/)).toBeNull();
      await press(key);
    }
  });

  it('shows why the stored script was not used, and still works', async () => {
    setup({ script: loadedScript({ problems: ["The practice's edited script has problems: steps[1] is missing."] }) });
    expect(screen.getByRole('alert').textContent).toContain('steps[1] is missing');
    await press('Enter');
    expect(heading().textContent).toBe('Check nothing is urgent');
  });
});
