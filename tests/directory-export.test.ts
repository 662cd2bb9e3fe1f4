import fc from 'fast-check';
import Papa from 'papaparse';
import { checkAsset, normaliseAsset } from '../lib/asset-rules';
import { CSV_COLUMNS, parseDirectory } from '../lib/directory';
import { exportCsv, exportJson } from '../lib/directory-export';
import { type Asset, CATEGORY_IDS, COSTS, DELIVERIES, REFERRALS, STATUSES, UNCATEGORISED } from '../lib/types';
import { arbitraryAsset } from './fixtures/arbitraries';

const base: Asset = { id: 'a', name: 'A', categories: ['money'], phone: '01234 567890', status: 'active' };

describe('exportCsv', () => {
  it('writes a BOM, the documented header, CRLF line ends and empty cells for missing fields', () => {
    const csv = exportCsv([base]);
    expect(csv.startsWith('\uFEFFid,name,organisation,description,categories,keywords,phone,')).toBe(true);
    expect(csv).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\na,A,,,money,,01234 567890,,,,,,,,,,,,,,,,,active\r\n`);
  });

  it('writes an empty directory as a header only', () => {
    expect(exportCsv([])).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });

  it.each<[string, Partial<Asset>, string]>([
    ['commas', { name: 'Tea, cake' }, '"Tea, cake"'],
    ['quotes', { name: 'The "Hub"' }, '"The ""Hub"""'],
    ['newlines', { description: 'one\ntwo' }, '"one\ntwo"'],
    ['lists', { categories: ['money', 'food'], delivery: ['phone', 'online'] }, 'money; food'],
    ['a formula', { name: '=HYPERLINK("http://x")' }, `"'=HYPERLINK(""http://x"")"`],
    ['a phone starting +', { phone: '+44 1234' }, `'+44 1234`],
    ['an at-sign', { description: '@home' }, `'@home`],
    ['a leading apostrophe', { description: "'tis" }, `''tis`],
    ['numbers', { minAge: 16, maxAge: 25, waitingWeeks: 2.5 }, '16,25'],
  ])('quotes and protects %s', (_label, change, expected) => {
    expect(exportCsv([{ ...base, ...change }])).toContain(expected);
  });

  it('is readable by papaparse as a rectangular table', () => {
    const csv = exportCsv([
      { ...base, description: 'a,b\n"c"' },
      { ...base, id: 'b' },
    ]);
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.slice(0, 3).map((r) => r.length)).toEqual([24, 24, 24]);
  });
});

describe('round trips: export → parseDirectory gives the same assets', () => {
  const rich: Asset = {
    id: 'rich-1',
    name: 'Café "Chat", Tuesdays',
    organisation: 'Age UK — Sometown',
    description: 'Line one,\nline "two"\n\nline four 😀',
    categories: ['loneliness', 'food', UNCATEGORISED],
    keywords: ['tea', 'cake, biscuits', '=sum'],
    phone: '+44 1234 567890',
    email: 'hello@café.example.org',
    website: 'https://example.org/a?b=c,d',
    address: '1 High St,\nSometown',
    postcode: 'ST1 1AA',
    area: 'North; South',
    openingTimes: 'Tue 10:00–12:00',
    cost: 'low',
    referral: 'link_worker',
    minAge: 0,
    maxAge: 120,
    eligibility: "'Over 60s'",
    accessibility: '@ ground floor',
    languages: ['English', 'Polski', 'اردو'],
    delivery: ['in_person', 'phone', 'online'],
    waitingWeeks: 0.5,
    lastVerified: '2024-02-29',
    status: 'inactive',
  };

  it.each<[string, Asset[]]>([
    ['a minimal asset', [base]],
    ['every field with awkward text', [rich]],
    ['several assets', [base, rich, { ...base, id: 'c', name: 'Ç' }]],
  ])('CSV: %s', (_label, assets) => {
    const parsed = parseDirectory(exportCsv(assets));
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.assets).toEqual(assets.map((a) => ({ ...a, source: 'csv' })));
  });

  it.each<[string, Asset[]]>([
    ['a minimal asset', [base]],
    ['every field with awkward text', [rich]],
  ])('JSON: %s', (_label, assets) => {
    const parsed = parseDirectory(exportJson(assets));
    expect(parsed.errors).toEqual([]);
    expect(parsed.assets).toEqual(assets.map((a) => ({ ...a, source: 'json' })));
  });

  it('CSV: an export of an empty directory is refused on import rather than emptying the directory', () => {
    expect(parseDirectory(exportCsv([])).errors).toEqual([
      { line: 1, message: 'The file has a header row but no rows of data.' },
    ]);
  });

  it('CSV: a list item containing ";" cannot survive, so it becomes ","', () => {
    const parsed = parseDirectory(exportCsv([{ ...base, keywords: ['a;b'] }]));
    expect(parsed.assets[0].keywords).toEqual(['a,b']);
  });

  it('property: any valid directory survives CSV and JSON export unchanged', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryAsset(), { selector: (a) => a.id, minLength: 1, maxLength: 12 }),
        (generated) => {
          const assets = generated.map((a) => normaliseAsset(a));
          for (const a of assets) expect(checkAsset(a)).toEqual([]);
          const csv = parseDirectory(exportCsv(assets));
          expect(csv.errors).toEqual([]);
          expect(csv.assets).toEqual(assets.map((a) => ({ ...a, source: 'csv' })));
          const json = parseDirectory(exportJson(assets));
          expect(json.errors).toEqual([]);
          expect(json.assets).toEqual(assets.map((a) => ({ ...a, source: 'json' })));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the enums used by the generator are the real ones', () => {
    expect([COSTS, REFERRALS, DELIVERIES, STATUSES, CATEGORY_IDS].every((l) => l.length > 0)).toBe(true);
  });
});
