import Papa from 'papaparse';
import {
  csvCell,
  eventsCsv,
  exportFileName,
  type FigureTable,
  figureTables,
  SUPPRESSED,
  shownCount,
  summaryCsv,
  suppressTable,
  toCsv,
} from '@/lib/event-export';
import { summariseDetail, summariseEvents } from '@/lib/log';
import type { SignpostEvent } from '@/lib/types';

process.env.TZ = 'Europe/London';

const base: SignpostEvent = {
  id: 'e',
  at: '2025-03-03T09:00:00.000Z',
  outcome: 'signposted',
  categories: ['money'],
  assetIds: ['a1'],
  handout: 'copied',
  channel: 'desk',
  durationSec: 60,
  desk: 'Front desk',
  scriptVersion: '1.0',
};
const labels = { asset: (id: string) => ({ a1: 'Citizens Advice, Riverside', a2: '"Chatty" café' })[id] ?? id };

/** Parses CSV text the way a spreadsheet would (after the BOM). */
function parse(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
}

describe('csvCell', () => {
  it.each<[string | number | null | undefined, string]>([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hello"', '"say ""hello"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    [' padded ', '" padded "'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-1+2', "'-1+2"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['£12 café', '£12 café'],
    [42, '42'],
    [0, '0'],
    [Number.NaN, ''],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

it('writes a BOM, CRLF line ends and a final CRLF', () => {
  expect(
    toCsv([
      ['a', 'b'],
      ['1', 'x,y'],
    ]),
  ).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
});

describe('eventsCsv', () => {
  it('round-trips through a CSV parser with ISO timestamps and local dates', () => {
    const events: SignpostEvent[] = [
      {
        ...base,
        id: 'e1',
        at: '2025-06-30T23:30:00.000Z',
        assetIds: ['a1', 'a2', 'gone'],
        categories: ['money', 'housing'],
      },
      { ...base, id: 'e2', desk: '=cmd|" /C calc"!A0', outcome: 'declined', assetIds: [] },
      { ...base, id: 'e3', desk: undefined, durationSec: 12.5 },
    ];
    const rows = parse(eventsCsv(events, labels));
    expect(rows[0]).toEqual([
      'id',
      'at',
      'local_date',
      'local_time',
      'outcome',
      'categories',
      'asset_ids',
      'asset_names',
      'handout',
      'channel',
      'duration_sec',
      'desk',
      'script_version',
    ]);
    expect(rows[1]).toEqual([
      'e1',
      '2025-06-30T23:30:00.000Z',
      '2025-07-01',
      '00:30',
      'signposted',
      'money;housing',
      'a1;a2;gone',
      'Citizens Advice, Riverside; "Chatty" café; gone',
      'copied',
      'desk',
      '60',
      'Front desk',
      '1.0',
    ]);
    expect(rows[2][11]).toBe(`'=cmd|" /C calc"!A0`);
    expect(rows[3][10]).toBe('12.5');
    expect(rows[3][11]).toBe('');
    expect(rows).toHaveLength(4);
  });

  it('has only the header for no events', () => {
    expect(parse(eventsCsv([], labels))).toHaveLength(1);
  });
});

describe('suppression', () => {
  it.each([
    [0, SUPPRESSED],
    [1, SUPPRESSED],
    [4, SUPPRESSED],
    [5, '5'],
    [120, '120'],
  ])('shares %i as %s', (count, shown) => {
    expect(shownCount(count, true)).toBe(shown);
    expect(shownCount(count, false)).toBe(String(count));
  });

  const table = (counts: number[], partition: boolean): FigureTable => ({
    id: 'outcome',
    title: 't',
    itemHeading: 'i',
    partition,
    rows: counts.map((count, i) => ({ key: `k${i}`, label: `k${i}`, count })),
  });

  it.each<[number[], boolean, string[]]>([
    // One small count in a partition could be found by subtraction: the next smallest goes too.
    [[20, 3, 9], true, ['20', SUPPRESSED, SUPPRESSED]],
    [[20, 3, 2], true, ['20', SUPPRESSED, SUPPRESSED]],
    [[20, 30, 9], true, ['20', '30', '9']],
    // Needs overlap (one conversation, several needs): subtraction reveals nothing.
    [[20, 3, 9], false, ['20', SUPPRESSED, '9']],
  ])('%j (partition %s) shared as %j', (counts, partition, shown) => {
    expect(suppressTable(table(counts, partition), true)).toEqual(shown);
    expect(suppressTable(table(counts, partition), false)).toEqual(counts.map(String));
  });
});

describe('summaryCsv', () => {
  const events: SignpostEvent[] = [
    ...Array.from({ length: 7 }, (_, i) => ({ ...base, id: `s${i}`, durationSec: 100 })),
    ...Array.from({ length: 2 }, (_, i) => ({
      ...base,
      id: `n${i}`,
      outcome: 'no_suitable' as const,
      categories: ['transport'],
      assetIds: [],
    })),
    { ...base, id: 'p', channel: 'phone' as const, outcome: 'link_worker' as const, assetIds: [] },
  ];
  const summary = summariseEvents(events);
  const tables = figureTables(summary, summariseDetail(events), labels);
  const options = {
    practiceName: 'Riverside, "Old" Surgery',
    firstDay: '2025-03-01',
    lastDay: '2025-03-31',
    generatedAt: new Date('2025-04-01T08:00:00Z'),
  };

  it('lists every figure for use inside the practice', () => {
    const rows = parse(summaryCsv(summary, tables, { ...options, share: false }));
    const find = (section: string, id: string) => rows.find((r) => r[0] === section && r[1] === id)?.[3];
    expect(rows[0]).toEqual(['section', 'item_id', 'item', 'count']);
    expect(rows[1]).toEqual(['report', 'practice', 'Practice', 'Riverside, "Old" Surgery']);
    expect(find('report', 'period_start')).toBe('2025-03-01');
    expect(find('report', 'generated')).toBe('2025-04-01T08:00:00.000Z');
    expect(find('headline', 'total')).toBe('10');
    expect(find('headline', 'median_duration_sec')).toBe('100');
    expect(find('outcome', 'signposted')).toBe('7');
    expect(find('outcome', 'urgent')).toBe('0');
    expect(find('gap', 'transport')).toBe('2');
    expect(find('asset', 'a1')).toBe('7');
    expect(rows.find((r) => r[1] === 'a1')?.[2]).toBe('Citizens Advice, Riverside');
    expect(find('channel', 'phone')).toBe('1');
    expect(rows.some((r) => r[1] === 'suppression')).toBe(false);
  });

  it('suppresses every count below 5 when shared outside the practice', () => {
    const text = summaryCsv(summary, tables, { ...options, share: true });
    const rows = parse(text);
    const counts = rows
      .slice(1)
      .filter((r) => r[0] !== 'report' && r[1] !== 'median_duration_sec')
      .map((r) => r[3]);
    for (const c of counts) expect(c === SUPPRESSED || Number(c) >= 5).toBe(true);
    const find = (section: string, id: string) => rows.find((r) => r[0] === section && r[1] === id)?.[3];
    expect(find('outcome', 'signposted')).toBe('7');
    expect(find('outcome', 'no_suitable')).toBe(SUPPRESSED);
    expect(find('channel', 'desk')).toBe(SUPPRESSED); // secondary: phone alone was below 5
    expect(find('report', 'suppression')).toBe(SUPPRESSED);
    expect(text).not.toMatch(/,[1-4]\r\n/);
  });

  it('hides the median when fewer than 5 conversations are shared', () => {
    const few = events.slice(0, 3);
    const s = summariseEvents(few);
    const rows = parse(summaryCsv(s, figureTables(s, summariseDetail(few), labels), { ...options, share: true }));
    expect(rows.find((r) => r[1] === 'median_duration_sec')?.[3]).toBe('');
    expect(rows.find((r) => r[1] === 'total')?.[3]).toBe(SUPPRESSED);
  });
});

it('names files by period', () => {
  expect(exportFileName('summary', '2025-03-01', '2025-03-31')).toBe(
    'care-navigation-summary-2025-03-01-to-2025-03-31.csv',
  );
});
