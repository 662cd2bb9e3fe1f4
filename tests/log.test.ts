import { fakeBrowser } from 'wxt/testing';
import { type Db, openCareDb } from '@/lib/db';
import {
  countsFor,
  deleteEvent,
  type EventInput,
  eventsBetween,
  logEvent,
  median,
  summariseDetail,
  summariseEvents,
  validateEvent,
} from '@/lib/log';
import { periodFor, trendBuckets } from '@/lib/periods';
import type { SignpostEvent } from '@/lib/types';

// Local-time rules (day, Monday week, clock changes) are asserted for a UK practice.
process.env.TZ = 'Europe/London';

let db: Db;
let n = 0;
const valid: EventInput = {
  outcome: 'signposted',
  categories: ['loneliness'],
  assetIds: ['a1'],
  handout: 'copied',
  channel: 'desk',
  durationSec: 95,
  desk: 'Front desk',
  scriptVersion: '1.0',
};

function ev(id: string, at: string, over: Partial<SignpostEvent> = {}): SignpostEvent {
  return { id, at, ...valid, ...over };
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openCareDb(`log-test-${n++}`);
});
afterEach(() => db.close());

it('runs in UK time', () => {
  expect(new Date('2025-07-01T12:00:00Z').getTimezoneOffset()).toBe(-60);
  expect(new Date('2025-01-01T12:00:00Z').getTimezoneOffset()).toBe(0);
});

describe('logEvent', () => {
  it('stores a valid event durably and returns it', async () => {
    const e = await logEvent(db, valid, new Date('2025-03-10T10:00:00Z'), 'id-1');
    expect(e).toEqual({ ...valid, id: 'id-1', at: '2025-03-10T10:00:00.000Z' });
    // A fresh connection sees it: the write had committed before logEvent resolved.
    const name = db.name;
    db.close();
    db = await openCareDb(name);
    expect(await db.get('events', 'id-1')).toEqual(e);
  });

  it('generates a uuid when no id is given', async () => {
    const e = await logEvent(db, valid, new Date());
    expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('strips every field that is not in the event contract', async () => {
    const sneaky = {
      ...valid,
      patientName: 'Jane Smith',
      nhsNumber: '943 476 5919',
      notes: 'lives alone at 1 High St',
      id: 'caller-id',
      at: '1999-01-01T00:00:00Z',
    } as unknown as EventInput;
    const e = await logEvent(db, sneaky, new Date('2025-03-10T10:00:00Z'), 'real-id');
    const stored = await db.get('events', 'real-id');
    expect(Object.keys(stored ?? {}).sort()).toEqual(
      [
        'assetIds',
        'at',
        'categories',
        'channel',
        'desk',
        'durationSec',
        'handout',
        'id',
        'outcome',
        'scriptVersion',
      ].sort(),
    );
    expect(stored).toEqual(e);
    expect(JSON.stringify(stored)).not.toMatch(/Jane|943|High St|1999|caller-id/);
  });

  it('stores a blank desk label as no desk', async () => {
    const e = await logEvent(db, { ...valid, desk: '  ' }, new Date(), 'x');
    expect('desk' in e).toBe(false);
  });

  it('drops repeated ids in a list so nothing is counted twice', async () => {
    const e = await logEvent(db, { ...valid, categories: ['money', 'money', 'housing'] }, new Date(), 'x');
    expect(e.categories).toEqual(['money', 'housing']);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['unknown outcome', { outcome: 'sorted' }, /"outcome" must be one of signposted/],
    ['missing outcome', { outcome: undefined }, /"outcome".*got nothing/],
    ['unknown handout', { handout: 'emailed' }, /"handout" must be one of copied, printed, none/],
    ['unknown channel', { channel: 'video' }, /"channel" must be one of desk, phone/],
    ['categories not a list', { categories: 'money' }, /"categories" must be a list/],
    ['category not text', { categories: ['money', 3] }, /"categories" must contain only non-empty text/],
    ['empty asset id', { assetIds: [''] }, /"assetIds" must contain only non-empty text/],
    ['asset id with a newline', { assetIds: ['a\nb'] }, /control characters/],
    ['negative duration', { durationSec: -1 }, /"durationSec" must be a number of seconds/],
    ['infinite duration', { durationSec: Number.POSITIVE_INFINITY }, /"durationSec"/],
    ['NaN duration', { durationSec: Number.NaN }, /"durationSec"/],
    ['text duration', { durationSec: '90' }, /"durationSec"/],
    ['desk too long', { desk: 'x'.repeat(41) }, /"desk" must be text of up to 40/],
    ['desk not text', { desk: 7 }, /"desk"/],
    ['script version missing', { scriptVersion: undefined }, /"scriptVersion"/],
  ])('rejects %s and writes nothing', async (_name, change, message) => {
    await expect(logEvent(db, { ...valid, ...change } as EventInput, new Date(), 'bad')).rejects.toThrow(message);
    expect(await db.count('events')).toBe(0);
  });

  it('rejects a non-object and an invalid time', async () => {
    await expect(logEvent(db, null as unknown as EventInput, new Date())).rejects.toThrow(/must be an object/);
    await expect(logEvent(db, valid, new Date('nope'))).rejects.toThrow(/time is not valid/);
  });

  it('refuses to overwrite an existing event with the same id', async () => {
    await logEvent(db, valid, new Date('2025-03-10T10:00:00Z'), 'same');
    await expect(logEvent(db, { ...valid, outcome: 'declined' }, new Date(), 'same')).rejects.toThrow();
    expect((await db.get('events', 'same'))?.outcome).toBe('signposted');
  });
});

describe('validateEvent (stored or imported events)', () => {
  it('normalises the timestamp to UTC ISO form', () => {
    expect(validateEvent(ev('a', '2025-06-01T10:00:00+01:00')).at).toBe('2025-06-01T09:00:00.000Z');
  });
  it.each([
    ['no id', { id: '' }, /"id"/],
    ['date only', { at: '2025-06-01' }, /"at" must be an ISO date and time/],
    ['impossible date', { at: '2025-13-45T10:00:00Z' }, /"at" is not a real date/],
  ])('rejects %s', (_n, over, message) => {
    expect(() => validateEvent({ ...ev('a', '2025-06-01T10:00:00Z'), ...over })).toThrow(message);
  });
});

describe('deleteEvent and eventsBetween', () => {
  it('undoes a logged event', async () => {
    await logEvent(db, valid, new Date(), 'undo-me');
    await deleteEvent(db, 'undo-me');
    expect(await db.get('events', 'undo-me')).toBeUndefined();
  });

  it('returns events with from <= at < to, oldest first', async () => {
    for (const [id, at] of [
      ['b', '2025-03-02T00:00:00.000Z'],
      ['a', '2025-03-01T00:00:00.000Z'],
      ['c', '2025-03-03T00:00:00.000Z'],
      ['before', '2025-02-28T23:59:59.999Z'],
    ])
      await db.put('events', ev(id, at));
    const got = await eventsBetween(db, '2025-03-01T00:00:00.000Z', '2025-03-03T00:00:00.000Z');
    expect(got.map((e) => e.id)).toEqual(['a', 'b']);
    expect(await eventsBetween(db, '2025-03-03T00:00:00Z', '2025-03-01T00:00:00Z')).toEqual([]);
    await expect(eventsBetween(db, 'soon', '2025-03-01T00:00:00Z')).rejects.toThrow(/"from" is not a valid date/);
  });
});

describe('countsFor', () => {
  it('counts local today and the week from Monday, across the October clock change', async () => {
    // Sunday 26 October 2025 is the day the UK clocks go back; the week began Monday 20 October.
    const events = [
      ev('mon-early', '2025-10-19T23:30:00.000Z'), // 00:30 BST Monday 20th: this week
      ev('sun-before', '2025-10-19T22:59:00.000Z'), // 23:59 BST Sunday 19th: last week
      ev('sun-1', '2025-10-26T00:30:00.000Z'), // 01:30 BST, before the change: today
      ev('sun-2', '2025-10-26T23:59:00.000Z'), // 23:59 GMT: still today (a 25-hour day)
      ev('mon-next', '2025-10-27T00:00:00.000Z'), // next Monday
    ];
    for (const e of events) await db.put('events', e);
    expect(await countsFor(db, new Date('2025-10-26T12:00:00Z'))).toEqual({ today: 2, week: 3 });
  });
});

describe('summariseEvents', () => {
  const events = [
    ev('1', '2025-03-03T09:00:00.000Z', {
      outcome: 'signposted',
      categories: ['money', 'housing'],
      assetIds: ['a1', 'a2'],
      durationSec: 60,
    }),
    ev('2', '2025-03-04T09:00:00.000Z', {
      outcome: 'signposted',
      categories: ['money'],
      assetIds: ['a1'],
      durationSec: 120,
    }),
    ev('3', '2025-03-05T09:00:00.000Z', {
      outcome: 'no_suitable',
      categories: ['transport'],
      assetIds: [],
      durationSec: 30,
    }),
    ev('4', '2025-03-06T09:00:00.000Z', { outcome: 'declined', categories: [], assetIds: [], durationSec: 200 }),
  ];

  it('has exactly the PRODUCT.md shape and counts', () => {
    expect(summariseEvents(events)).toEqual({
      total: 4,
      byOutcome: { signposted: 2, no_suitable: 1, declined: 1 },
      byCategory: { money: 2, housing: 1, transport: 1 },
      byAsset: { a1: 2, a2: 1 },
      medianDurationSec: 90,
    });
  });

  it('is empty but well formed for no events', () => {
    expect(summariseEvents([])).toEqual({
      total: 0,
      byOutcome: {},
      byCategory: {},
      byAsset: {},
      medianDurationSec: null,
    });
  });

  it.each([
    [{ from: '2025-03-04T09:00:00.000Z' }, 3],
    [{ to: '2025-03-04T09:00:00.000Z' }, 1],
    [{ from: '2025-03-04T00:00:00Z', to: '2025-03-06T00:00:00Z' }, 2],
    // Offsets in the bounds are honoured: 10:00+01:00 is 09:00Z, so event 2 is included.
    [{ from: '2025-03-04T10:00:00+01:00', to: '2025-03-05T10:00:00+01:00' }, 1],
    [{ from: '2026-01-01T00:00:00Z' }, 0],
  ])('filters by %j', (range, total) => {
    expect(summariseEvents(events, range).total).toBe(total);
  });

  it('rejects an invalid bound', () => {
    expect(() => summariseEvents(events, { from: 'last Tuesday' })).toThrow(/"from" is not a valid date/);
    expect(() => summariseEvents(events, { to: '2025-02-30T25:00:00Z' })).toThrow(/"to" is not a valid date/);
  });

  it('treats ids like __proto__ and constructor as ordinary keys', () => {
    const s = summariseEvents([
      ev('x', '2025-03-03T09:00:00.000Z', { categories: ['__proto__', 'constructor'], assetIds: ['toString'] }),
    ]);
    expect(s.byCategory.constructor).toBe(1);
    expect(Object.keys(s.byCategory)).toEqual(['__proto__', 'constructor']);
    expect(s.byAsset.toString).toBe(1);
  });

  it('counts events in the right month across the March clock change (local time)', () => {
    // 30 March 2025: clocks go forward at 01:00 GMT. The local month of April starts at 2025-03-31T23:00Z.
    const april = periodFor('month', new Date('2025-04-15T12:00:00Z'));
    expect(april.from.toISOString()).toBe('2025-03-31T23:00:00.000Z');
    const s = summariseEvents(
      [
        ev('m', '2025-03-31T22:59:59.999Z'),
        ev('a', '2025-03-31T23:00:00.000Z'),
        ev('z', '2025-04-30T22:59:59.999Z'),
        ev('may', '2025-04-30T23:00:00.000Z'),
      ],
      { from: april.from.toISOString(), to: april.to.toISOString() },
    );
    expect(s.total).toBe(2);
  });
});

describe('median', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[5], 5],
    [[3, 1], 2],
    [[9, 1, 5], 5],
    [[4, 4, 4, 4], 4],
    [[10, 1, 7, 3, 8, 2], 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6],
  ])('median of %j is %s', (values, expected) => {
    expect(median(Float64Array.from(values))).toBe(expected);
  });

  it('matches a sort-based median on random data', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const size of [2, 3, 10, 101, 1000, 1001]) {
      const values = Array.from({ length: size }, () => Math.floor(rand() * 50));
      const sorted = [...values].sort((a, b) => a - b);
      const mid = size >> 1;
      const expected = size % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      expect(median(Float64Array.from(values))).toBe(expected);
    }
  });
});

describe('summariseDetail', () => {
  it('breaks down channel, desk, handout, gaps and a local-day trend across the October change', () => {
    const period = { kind: 'custom' as const, from: new Date(2025, 9, 25), to: new Date(2025, 9, 28) };
    const buckets = trendBuckets(period, 'day');
    const events = [
      ev('1', '2025-10-25T22:59:00.000Z', { channel: 'phone', desk: undefined }), // 23:59 BST Sat 25th
      ev('2', '2025-10-25T23:00:00.000Z', { outcome: 'no_suitable', categories: ['transport', 'food'] }), // 00:00 Sun
      ev('3', '2025-10-26T23:30:00.000Z', { outcome: 'no_suitable', categories: ['transport'] }), // 23:30 GMT Sun
      ev('4', '2025-10-27T00:00:00.000Z', { handout: 'printed' }), // Mon
    ];
    const d = summariseDetail(events, {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      buckets,
    });
    expect(d.byChannel).toEqual({ phone: 1, desk: 3 });
    expect(d.byDesk).toEqual({ '(no desk label)': 1, 'Front desk': 3 });
    expect(d.byHandout).toEqual({ copied: 3, printed: 1 });
    expect(d.noSuitableByCategory).toEqual({ transport: 2, food: 1 });
    expect(d.trend.map((t) => t.count)).toEqual([1, 2, 1]);
    // Sunday 26 October is 25 hours long in the UK.
    expect(Date.parse(d.trend[1].to) - Date.parse(d.trend[1].from)).toBe(25 * 3600_000);
  });
});
