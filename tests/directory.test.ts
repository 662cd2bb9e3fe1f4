import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAsset, deriveAssetId } from '../lib/asset-rules';
import { detectFormat, headerKey, parseDateText, parseDirectory } from '../lib/directory';
import type { ParseResult } from '../lib/types';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const byId = (r: ParseResult, id: string) => r.assets.find((a) => a.id === id);

const HEADER = 'id,name,categories,phone,email';

describe('the Excel-style fixture', () => {
  const result = parseDirectory(fixture('excel-directory.csv'));

  it('imports every valid row, in file order, with the later duplicate replacing the earlier', () => {
    expect(result.assets.map((a) => a.id)).toEqual([
      'lunch-club',
      'debt-help',
      deriveAssetId('Knit and Natter'),
      'café-ü',
    ]);
    for (const asset of result.assets) expect(checkAsset(asset)).toEqual([]);
  });

  it('reads loosely written headers, quoted commas, doubled quotes, multi-line cells, UK dates and enum spellings', () => {
    expect(byId(result, 'debt-help')).toEqual({
      id: 'debt-help',
      name: 'Debt Help',
      description: 'Free, confidential debt advice — "no judgement"',
      categories: ['money'],
      email: 'help@example.org',
      website: 'https://debt.example.org',
      openingTimes: 'Mon–Fri 9–5',
      minAge: 18,
      cost: 'free',
      referral: 'self',
      delivery: ['phone', 'online'],
      lastVerified: '2026-01-15',
      status: 'active',
      source: 'csv',
    });
    expect(byId(result, 'café-ü')).toMatchObject({ name: 'Café Ünïcode ☕', description: 'Ça va? 😀' });
  });

  it('the later "lunch-club" row replaced the earlier one wholesale', () => {
    expect(byId(result, 'lunch-club')).toEqual({
      id: 'lunch-club',
      name: 'Lunch Club (new venue)',
      organisation: 'Age UK Sometown',
      categories: ['loneliness'],
      phone: '01234 222222',
      lastVerified: '2026-03-01',
      status: 'active',
      source: 'csv',
    });
  });

  it('rejects each bad row once, with its file line number (multi-line cells counted) and reason', () => {
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([
      [5, 'email'],
      [6, 'minAge'],
      [12, 'categories'],
      [14, 'cost'],
    ]);
    expect(result.errors[0].message).toBe('"Bad Email Group" not imported: email "bob@" is not a valid email address');
    expect(result.errors[1].message).toMatch(/"Youth Walk" not imported: min age 25 is greater than max age 18/);
    expect(result.errors[2].message).toMatch(/no known category \("Knitting" is not one of the categories\)/);
    expect(result.errors[3].message).toMatch(/cost "cheap" must be one of free, low, paid/);
  });

  it('warns once per unknown column, per dropped category and per replaced id', () => {
    expect(result.warnings).toEqual([
      { line: 1, message: 'column "Colour" is not a directory column and was ignored' },
      { line: 9, message: '"Knit and Natter": "knitting" is not a known category and was left out' },
      {
        line: 10,
        message: 'id "lunch-club" was already used by line 2; the later one (line 10) replaces it',
      },
    ]);
  });

  it('gives the same result with LF line ends and no BOM', () => {
    const lf = fixture('excel-directory.csv')
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n');
    expect(parseDirectory(lf, 'csv')).toEqual(result);
  });
});

describe('CSV details', () => {
  it.each([['opening_times'], ['Opening Times'], ['  OPENING-TIMES '], ['openingTimes'], ['opening__times']])(
    'header %j means opening times',
    (header) => {
      const r = parseDirectory(`name,categories,phone,${header}\nA,money,1,Mon 9-5\n`, 'csv');
      expect(r.warnings).toEqual([]);
      expect(r.assets[0].openingTimes).toBe('Mon 9-5');
    },
  );

  it.each([
    [
      'an unterminated quote',
      `${HEADER}\na,A,money,1,x@y.org\nb,"B,money,1,x@y.org\nc,C,money,1,x@y.org\n`,
      3,
      /never closed/,
    ],
    [
      'too many values',
      `${HEADER}\na,A,money,1,x@y.org\nb,B,money,1,x@y.org,extra\n`,
      3,
      /has 6 values but the header has 5/,
    ],
    [
      'a bad date',
      `${HEADER},last_verified\na,A,money,1,x@y.org,31/02/2026\n`,
      2,
      /last verified "31\/02\/2026" is not a date/,
    ],
    ['a text age', `${HEADER},min_age\na,A,money,1,x@y.org,18+\n`, 2, /min age "18\+" is not a number/],
    ['a bad delivery', `${HEADER},delivery\na,A,money,1,x@y.org,by post\n`, 2, /delivery "by_post" must be one of/],
    ['a missing name', `${HEADER}\na,,money,1,x@y.org\n`, 2, /row on line 2 not imported: name is missing/],
    ['no contact route', `${HEADER}\na,A,money,,\n`, 2, /no contact route/],
    ['a javascript: website', `${HEADER},website\na,A,money,,,javascript:alert(1)\n`, 2, /not a valid web address/],
  ])('rejects %s with the right line', (_label, text, line, message) => {
    const r = parseDirectory(text, 'csv');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].line).toBe(line);
    expect(r.errors[0].message).toMatch(message);
    for (const a of r.assets) expect(checkAsset(a)).toEqual([]);
  });

  it('still imports the valid rows before and after a rejected one', () => {
    const r = parseDirectory(`${HEADER}\na,A,money,1,\nb,B,money,1,bad\nc,C,money,1,\n`, 'csv');
    expect(r.assets.map((a) => a.id)).toEqual(['a', 'c']);
    expect(r.errors.map((e) => e.line)).toEqual([3]);
  });

  it('counts lines correctly after several multi-line cells, blank lines and CRLF', () => {
    const text = `${HEADER}\r\n"a","A\r\nx\r\ny",money,1,\r\n\r\n"b","B\nz",money,1,bad@\r\n`;
    const r = parseDirectory(text, 'csv');
    expect(r.errors.map((e) => e.line)).toEqual([6]);
    expect(r.assets[0].name).toBe('A\nx\ny');
  });

  it.each([
    ['date', '2026-03-04', '2026-03-04'],
    ['day-first', '4/3/2026', '2026-03-04'],
    ['dotted', '04.03.2026', '2026-03-04'],
    ['timestamp', '2026-03-04T10:00:00Z', '2026-03-04'],
    ['month name', '4 Mar 2026', '2026-03-04'],
    ['Excel month', '04-March-2026', '2026-03-04'],
    ['impossible', '29/02/2025', undefined],
    ['american', '03/30/2026', undefined],
    ['words', 'last week', undefined],
  ])('parseDateText reads a %s', (_label, text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it('accepts category labels and ids case-insensitively, and removes the spreadsheet text marker', () => {
    const r = parseDirectory(
      `name,categories,phone\nA,"MONEY; Food and essentials ;  housing",'+44 1234 567890\n`,
      'csv',
    );
    expect(r.assets[0].categories).toEqual(['money', 'food', 'housing']);
    expect(r.assets[0].phone).toBe('+44 1234 567890');
  });

  it('says nothing about dropped categories of a row it rejects anyway', () => {
    const r = parseDirectory(`${HEADER}\na,A,money; knitting,,\n`, 'csv');
    expect(r.errors[0].message).toMatch(/no contact route/);
    expect(r.warnings).toEqual([]);
  });

  it('keeps the first of two columns with the same meaning, with a warning', () => {
    const r = parseDirectory('name,categories,phone,Phone\nA,money,1,2\n', 'csv');
    expect(r.assets[0].phone).toBe('1');
    expect(r.warnings[0].message).toMatch(/column "Phone" repeats "phone"/);
  });
});

describe('files that cannot be read give one clear error and never throw', () => {
  const oneMbLine = 'x'.repeat(1_000_000);
  it.each<[string, string, RegExp, ('csv' | 'json' | 'oruk')?]>([
    ['an empty file', '', /empty/],
    ['whitespace', '  \n\r\n ', /empty/],
    ['just a BOM', '\uFEFF', /empty/],
    ['a header only', 'name,categories,phone\r\n', /no rows of data/],
    ['no name column', 'title,categories,phone\nA,money,1\n', /missing the "name" column, so no rows/],
    ['no categories column', 'name,phone\nA,1\n', /missing the "categories" column,/],
    ['no contact column', 'name,categories\nA,money\n', /missing a contact column \("phone", "email"/],
    ['tab-separated', 'name\tcategories\tphone\nA\tmoney\t1\n', /separated by tabs/],
    ['semicolon-separated', 'name;categories;phone\nA;money;1\n', /separated by semicolons/],
    ['binary junk', '\u0000\u0001PK\u0003\u0004\u0000\u0000binary', /not look like a text file/],
    ['a 1 MB single line', oneMbLine, /missing the "name" column, the "categories" column and a contact column/],
    ['invalid JSON', '{"assets": [ {"name": "A",}\n]}', /not valid JSON \(the problem is on line 1\)/],
    ['JSON with a stray word', '[\n  {"name": "A"},\n  oops\n]', /not valid JSON/],
    ['JSON cut off on line 3', '[\n  {"name": "A"},\n  {"name": "B"', /the problem is on line 3/],
    ['a JSON string', '"hello"', /not a directory/],
    ['JSON of the wrong shape', '{"people": []}', /not a directory/],
    ['a JSON number', '42', /not a directory/],
    ['JSON null', 'null', /not a directory/],
    ['CSV read as JSON', 'name,categories\nA,money', /not valid JSON/, 'json'],
    ['CSV read as ORUK', 'name,categories\nA,money', /not valid JSON/, 'oruk'],
    ['our JSON read as ORUK', '{"assets": []}', /not an Open Referral feed/, 'oruk'],
  ])('%s', (_label, text, message, format) => {
    const r = parseDirectory(text, format);
    expect(r.assets).toEqual([]);
    expect(r.errors.length).toBeGreaterThanOrEqual(1);
    expect(r.errors[0].message).toMatch(message);
    for (const w of r.warnings) expect(w.message.length).toBeLessThan(300);
  });

  it('a UTF-16 ("Unicode Text") export says how to re-save it', () => {
    const utf16AsUtf8 = `\uFFFD\uFFFD${'name,categories,phone\nA,money,1\n'.split('').join('\u0000')}`;
    expect(parseDirectory(utf16AsUtf8).errors[0].message).toMatch(/UTF-16.*CSV UTF-8/);
  });

  it('a Windows-1252 file still imports, with a warning pointing at the first damaged line', () => {
    const r = parseDirectory('name,categories,phone\nTea,money,1\nCaf\uFFFD,money,2\n');
    expect(r.assets.map((a) => a.name)).toEqual(['Tea', 'Caf\uFFFD']);
    expect(r.warnings[0]).toEqual({ line: 3, message: expect.stringMatching(/not saved as UTF-8/) });
  });

  it('a 1 MB line with a real header still gives short messages', () => {
    const r = parseDirectory(`name,categories,phone,${'y'.repeat(1_000_000)}\nA,money,1,x\n`);
    expect(r.assets).toHaveLength(1);
    expect(r.warnings[0].message.length).toBeLessThan(120);
  });

  it('does not throw for a value that is not a string', () => {
    expect(parseDirectory(undefined as unknown as string).errors[0].message).toMatch(/could not be opened as text/);
  });

  it('caps a flood of unknown columns at a readable number of warnings', () => {
    const cols = Array.from({ length: 500 }, (_, i) => `extra${i}`).join(',');
    const r = parseDirectory(`name,categories,phone,${cols}\nA,money,1\n`);
    expect(r.assets).toHaveLength(1);
    expect(r.warnings).toHaveLength(21);
    expect(r.warnings[20].message).toMatch(/480 more columns/);
  });
});

describe('native JSON', () => {
  const asset = { id: 'a', name: 'A', categories: ['money'], phone: '1', status: 'active' };

  it.each([
    ['a list', JSON.stringify([asset])],
    ['an object with assets', JSON.stringify({ assets: [asset], exportedAt: 'whenever' })],
    ['with a BOM', `\uFEFF${JSON.stringify([asset])}`],
  ])('reads %s', (_label, text) => {
    const r = parseDirectory(text);
    expect(r).toEqual({ assets: [{ ...asset, source: 'json' }], errors: [], warnings: [] });
  });

  it('rejects bad entries by position and name, keeps good ones, and warns about unknown fields once each', () => {
    const r = parseDirectory(
      JSON.stringify([
        { ...asset, colour: 'red' },
        'junk',
        { ...asset, id: 'b', name: 'Bee', email: 'nope', colour: 'blue' },
        { ...asset, id: 'c', Opening_Times: 'Mon', categories: 'Money, debt and benefits; knitting' },
      ]),
    );
    expect(r.assets.map((a) => a.id)).toEqual(['a', 'c']);
    expect(r.assets[1]).toMatchObject({ openingTimes: 'Mon', categories: ['money'] });
    expect(r.errors.map((e) => e.message)).toEqual([
      'entry 2 not imported: it is not an object with named fields',
      'entry 3 ("Bee") not imported: email "nope" is not a valid email address',
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'entry 4 ("A"): "knitting" is not a known category and was left out',
      'field "colour" is not a directory field and was ignored (2 entries)',
    ]);
  });

  it('derives missing ids, and ignores a source claimed by the file', () => {
    const r = parseDirectory(
      JSON.stringify([
        { name: 'Lunch', organisation: 'Org', categories: ['food'], phone: '1', source: 'https://evil' },
      ]),
    );
    expect(r.assets[0]).toMatchObject({ id: deriveAssetId('Lunch', 'Org'), source: 'json', status: 'active' });
  });

  it('an empty list is a warning, not an error', () => {
    expect(parseDirectory('[]')).toEqual({
      assets: [],
      errors: [],
      warnings: [{ message: 'The file contains no assets.' }],
    });
  });
});

describe('detectFormat', () => {
  it.each([
    ['name,categories\nA,money', 'csv'],
    ['\uFEFFname,categories', 'csv'],
    ['[{"name":"A","categories":["money"]}]', 'json'],
    ['{"assets":[]}', 'json'],
    ['  {"content": [], "totalPages": 1}', 'oruk'],
    ['{"contents": []}', 'oruk'],
    ['{"name": "X", "organization": {"name": "Y"}}', 'oruk'],
    ['[{"name": "X", "service_taxonomys": []}]', 'oruk'],
    ['{not json', 'json'],
  ])('%j → %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('the fixtures are detected as what they are', () => {
    expect(detectFormat(fixture('excel-directory.csv'))).toBe('csv');
    expect(detectFormat(fixture('oruk-v1-page.json'))).toBe('oruk');
    expect(detectFormat(fixture('hsds3-service_full.json'))).toBe('oruk');
  });

  it('headerKey ignores case, spaces, dashes and underscores', () => {
    expect(headerKey(' Last-Verified ')).toBe(headerKey('last_verified'));
    expect(headerKey('\uFEFFid')).toBe('id');
  });
});
