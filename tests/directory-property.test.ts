import fc from 'fast-check';
import Papa from 'papaparse';
import { checkAsset, normaliseAsset } from '../lib/asset-rules';
import { CSV_COLUMNS, type DirectoryFormat, parseDirectory } from '../lib/directory';
import { exportCsv, exportJson } from '../lib/directory-export';
import type { ParseResult } from '../lib/types';
import { arbitraryAsset, hostileText } from './fixtures/arbitraries';

/** The contract every parse result keeps, whatever it was given. */
function expectWellFormed(result: ParseResult, text: string): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const asset of result.assets) {
    expect(checkAsset(asset)).toEqual([]);
    expect(asset.id).toMatch(/\S/);
  }
  expect(new Set(result.assets.map((a) => a.id)).size).toBe(result.assets.length);
  for (const issue of [...result.errors, ...result.warnings]) {
    expect(issue.message).toMatch(/\S/);
    expect(issue.message.length).toBeLessThan(2000);
    if (issue.line !== undefined) {
      expect(Number.isInteger(issue.line)).toBe(true);
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.line).toBeLessThanOrEqual(lineCount);
    }
  }
}

const formats: (DirectoryFormat | undefined)[] = [undefined, 'csv', 'json', 'oruk'];

const headerish = fc.constantFrom(...CSV_COLUMNS, 'Name', ' Opening Times ', 'colour', '', 'E-mail');
const csvSoup = fc
  .array(
    fc.oneof(
      headerish,
      hostileText(),
      fc.constantFrom(
        ',',
        '"',
        '\n',
        '\r\n',
        'money',
        'Loneliness and isolation',
        'bob@',
        'x@y.org',
        '18',
        '2026-01-01',
      ),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));
const csvWithHeader = fc
  .tuple(fc.shuffledSubarray([...CSV_COLUMNS, 'colour', 'Opening Times']), csvSoup)
  .map(([cols, body]) => `${cols.join(',')}\n${body}`);

describe('parseDirectory never throws and never lets a bad asset through', () => {
  it.each(formats)('arbitrary text, format %s', (format) => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        expectWellFormed(parseDirectory(text, format), text);
      }),
      { numRuns: 200 },
    );
  });

  it.each(formats)('CSV-like soup, format %s', (format) => {
    fc.assert(
      fc.property(fc.oneof(csvSoup, csvWithHeader), (text) => {
        expectWellFormed(parseDirectory(text, format), text);
      }),
      { numRuns: 300 },
    );
  });

  it.each(formats)('arbitrary JSON, format %s', (format) => {
    const entry = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          id: fc.oneof(fc.string(), fc.integer()),
          name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
          categories: fc.oneof(fc.array(fc.string()), fc.string(), fc.constant(['money'])),
          phone: fc.oneof(fc.string(), fc.integer()),
          email: fc.string(),
          minAge: fc.oneof(fc.integer(), fc.string(), fc.double()),
          maxAge: fc.oneof(fc.integer(), fc.string(), fc.double()),
          cost: fc.string(),
          delivery: fc.oneof(fc.string(), fc.array(fc.string())),
          lastVerified: fc.string(),
          status: fc.string(),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(entry), fc.record({ assets: fc.array(entry) }), fc.jsonValue()), (value) => {
        const text = JSON.stringify(value) ?? 'undefined';
        expectWellFormed(parseDirectory(text, format), text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseDirectory never loses valid rows', () => {
  const JUNK = '~junk';
  const junkRow = fc
    .array(fc.oneof(hostileText(), fc.constantFrom('money', 'bob@', '-1', 'cheap', '31/02/2026')), {
      minLength: 1,
      maxLength: CSV_COLUMNS.length - 1,
    })
    .map((cells) => cells.map((c) => c.replace(/^\s*~/, '')));

  it('valid assets mixed with junk rows: every valid asset imported, every error points at a junk row', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryAsset(), { selector: (a) => a.id, minLength: 1, maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), junkRow), { maxLength: 8 }),
        (generated, junk) => {
          const assets = generated.map((a) => normaliseAsset(a));
          const csv = exportCsv(assets).replace(/^\uFEFF/, '');
          const [header, ...rows] = Papa.parse<string[]>(csv, { newline: '\r\n', skipEmptyLines: true }).data;
          junk.forEach(([at, cells], i) => {
            rows.splice(at % (rows.length + 1), 0, [`${JUNK}${i}`, ...cells]);
          });
          const text = Papa.unparse({ fields: header, data: rows }, { newline: '\r\n' });
          const result = parseDirectory(text);
          expectWellFormed(result, text);
          const imported = new Map(result.assets.map((a) => [a.id, a]));
          for (const asset of assets) expect(imported.get(asset.id)).toEqual({ ...asset, source: 'csv' });
          const lines = text.split(/\r\n|\r|\n/);
          for (const error of result.errors) {
            expect(error.line).toBeDefined();
            expect(lines[(error.line ?? 0) - 1].replace(/^"/, '').startsWith(JUNK)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('valid assets mixed with junk JSON entries: every valid asset imported', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryAsset(), { selector: (a) => a.id, minLength: 1, maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), fc.jsonValue()), { maxLength: 8 }),
        (generated, junk) => {
          const assets = generated.map((a) => normaliseAsset(a));
          const entries: unknown[] = JSON.parse(exportJson(assets)).assets;
          for (const [at, value] of junk) {
            const safe =
              value && typeof value === 'object' && !Array.isArray(value) ? { ...value, id: '~junk' } : value;
            entries.splice(at % (entries.length + 1), 0, safe);
          }
          const text = JSON.stringify(entries);
          const result = parseDirectory(text);
          expectWellFormed(result, text);
          const imported = new Map(result.assets.map((a) => [a.id, a]));
          for (const asset of assets) expect(imported.get(asset.id)).toEqual({ ...asset, source: 'json' });
        },
      ),
      { numRuns: 150 },
    );
  });
});
