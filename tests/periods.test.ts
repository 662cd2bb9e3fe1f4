import {
  customPeriod,
  describePeriod,
  lastMonth,
  localDateKey,
  parseLocalDate,
  periodFor,
  trendBuckets,
  trendUnitFor,
} from '@/lib/periods';

// The practice's local time: every boundary below is a UK local midnight.
process.env.TZ = 'Europe/London';

const iso = (d: Date) => d.toISOString();

describe('periodFor', () => {
  it.each([
    // A Wednesday in winter: week runs Monday to Monday.
    ['week', '2025-01-15T12:00:00Z', '2025-01-13T00:00:00.000Z', '2025-01-20T00:00:00.000Z'],
    // Sunday belongs to the week that began the Monday before.
    ['week', '2025-01-19T23:30:00Z', '2025-01-13T00:00:00.000Z', '2025-01-20T00:00:00.000Z'],
    // The week containing the October clock change is 7 days and 1 hour long.
    ['week', '2025-10-26T12:00:00Z', '2025-10-19T23:00:00.000Z', '2025-10-27T00:00:00.000Z'],
    // The week containing the March change is 7 days less 1 hour.
    ['week', '2025-03-30T12:00:00Z', '2025-03-24T00:00:00.000Z', '2025-03-30T23:00:00.000Z'],
    // 00:30 BST on 1 July is still 30 June in UTC, but the local month is July.
    ['month', '2025-06-30T23:30:00Z', '2025-06-30T23:00:00.000Z', '2025-07-31T23:00:00.000Z'],
    ['month', '2025-10-10T12:00:00Z', '2025-09-30T23:00:00.000Z', '2025-11-01T00:00:00.000Z'],
    ['month', '2025-03-10T12:00:00Z', '2025-03-01T00:00:00.000Z', '2025-03-31T23:00:00.000Z'],
    ['quarter', '2025-02-14T12:00:00Z', '2025-01-01T00:00:00.000Z', '2025-03-31T23:00:00.000Z'],
    ['quarter', '2025-11-30T12:00:00Z', '2025-09-30T23:00:00.000Z', '2026-01-01T00:00:00.000Z'],
  ] as const)('%s containing %s is %s to %s', (kind, now, from, to) => {
    const p = periodFor(kind, new Date(now));
    expect([iso(p.from), iso(p.to)]).toEqual([from, to]);
  });
});

it('last month runs from the first of the previous local month, across the year end', () => {
  const p = lastMonth(new Date('2025-01-01T00:30:00Z'));
  expect([iso(p.from), iso(p.to)]).toEqual(['2024-12-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z']);
  const apr = lastMonth(new Date('2025-05-02T12:00:00Z'));
  expect([iso(apr.from), iso(apr.to)]).toEqual(['2025-03-31T23:00:00.000Z', '2025-04-30T23:00:00.000Z']);
});

describe('customPeriod', () => {
  it('includes both dates, in local time', () => {
    const r = customPeriod('2025-10-01', '2025-10-31');
    expect(r.ok && [iso(r.period.from), iso(r.period.to)]).toEqual([
      '2025-09-30T23:00:00.000Z',
      '2025-11-01T00:00:00.000Z',
    ]);
  });
  it('allows a single day', () => {
    const r = customPeriod('2025-03-30', '2025-03-30');
    // The day the clocks go forward is 23 hours long.
    expect(r.ok && r.period.to.getTime() - r.period.from.getTime()).toBe(23 * 3600_000);
  });
  it.each([
    ['', '2025-01-01', /real "from" date/],
    ['2025-02-30', '2025-03-01', /real "from" date/],
    ['2025-01-01', '31/01/2025', /real "to" date/],
    ['2025-02-01', '2025-01-31', /same as or after/],
  ])('rejects %s to %s', (from, to, message) => {
    const r = customPeriod(from, to);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });
});

it.each([
  ['2024-02-29', true],
  ['2025-02-29', false],
  ['2025-1-01', false],
])('parseLocalDate(%s) valid: %s', (text, ok) => {
  expect(parseLocalDate(text) !== null).toBe(ok);
});

it('formats local dates', () => {
  expect(localDateKey(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
  const r = customPeriod('2025-03-01', '2025-03-31');
  expect(r.ok && describePeriod(r.period)).toBe('1 March 2025 to 31 March 2025');
});

describe('trendBuckets', () => {
  it('uses days for a month and weeks for a quarter', () => {
    expect(trendUnitFor(periodFor('month', new Date('2025-03-10T12:00:00Z')))).toBe('day');
    expect(trendUnitFor(periodFor('quarter', new Date('2025-03-10T12:00:00Z')))).toBe('week');
  });

  it('gives one bucket per local day across the March change', () => {
    const march = periodFor('month', new Date('2025-03-10T12:00:00Z'));
    const days = trendBuckets(march, 'day');
    expect(days).toHaveLength(31);
    expect(days[29].label).toBe('30 Mar');
    expect(iso(days[29].from)).toBe('2025-03-30T00:00:00.000Z');
    expect(iso(days[30].from)).toBe('2025-03-30T23:00:00.000Z');
    expect(days[30].to).toEqual(march.to);
  });

  it('splits a quarter into Monday weeks, partial at the edges', () => {
    const q = periodFor('quarter', new Date('2025-11-10T12:00:00Z'));
    const weeks = trendBuckets(q, 'week');
    expect(weeks[0].from).toEqual(q.from); // Wednesday 1 October
    expect(weeks[0].label).toBe('w/c 29 Sept');
    expect(localDateKey(weeks[1].from)).toBe('2025-10-06');
    expect(weeks.at(-1)?.to).toEqual(q.to);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i].from).toEqual(weeks[i - 1].to);
  });
});
