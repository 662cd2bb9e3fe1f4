import { parseDirectory } from '../lib/directory';
import { changedFields, diffDirectory } from '../lib/directory-diff';
import { exportCsv } from '../lib/directory-export';
import type { Asset, ParseResult } from '../lib/types';

const asset = (id: string, extra: Partial<Asset> = {}): Asset => ({
  id,
  name: `Asset ${id}`,
  categories: ['money'],
  phone: '01234 567890',
  status: 'active',
  source: 'csv',
  ...extra,
});
const result = (assets: Asset[], extra: Partial<ParseResult> = {}): ParseResult => ({
  assets,
  errors: [],
  warnings: [],
  ...extra,
});
const ids = (list: Asset[]) => list.map((a) => a.id);

describe('diffDirectory', () => {
  it('sorts incoming assets into added, changed and unchanged, and lists the current ones missing', () => {
    const current = [asset('keep'), asset('edit'), asset('gone')];
    const incoming = result(
      [asset('keep'), asset('edit', { phone: '999', categories: ['money', 'food'] }), asset('new')],
      { errors: [{ line: 7, field: 'email', message: 'bad' }], warnings: [{ line: 1, message: 'w' }] },
    );
    const diff = diffDirectory(current, incoming);
    expect(ids(diff.added)).toEqual(['new']);
    expect(ids(diff.unchanged)).toEqual(['keep']);
    expect(diff.changed).toEqual([{ before: current[1], after: incoming.assets[1], fields: ['categories', 'phone'] }]);
    expect(ids(diff.missing)).toEqual(['gone']);
    expect(diff.rejected).toEqual(incoming.errors);
    expect(diff.warnings).toEqual(incoming.warnings);
  });

  it.each<[string, Partial<Asset>, Partial<Asset>, (keyof Asset)[]]>([
    ['only the source differs', { source: 'csv' }, { source: 'https://feed.example.org' }, []],
    ['list order differs', { categories: ['money', 'food'] }, { categories: ['food', 'money'] }, []],
    ['an optional field is added', {}, { email: 'a@b.org' }, ['email']],
    ['an optional field is removed', { email: 'a@b.org' }, {}, ['email']],
    ['a number changes', { minAge: 16 }, { minAge: 18 }, ['minAge']],
    ['a list gains an item', { keywords: ['a'] }, { keywords: ['a', 'b'] }, ['keywords']],
    ['status changes', {}, { status: 'inactive' }, ['status']],
    ['verified date changes', { lastVerified: '2025-01-01' }, { lastVerified: '2026-01-01' }, ['lastVerified']],
  ])('%s', (_label, before, after, fields) => {
    expect(changedFields(asset('x', before), asset('x', after))).toEqual(fields);
  });

  it('an empty current directory makes everything added', () => {
    const diff = diffDirectory([], result([asset('a'), asset('b')]));
    expect(ids(diff.added)).toEqual(['a', 'b']);
    expect(diff.missing).toEqual([]);
  });

  it('a failed parse adds nothing and would remove everything on replace', () => {
    const diff = diffDirectory([asset('a')], parseDirectory(''));
    expect(diff.added).toEqual([]);
    expect(ids(diff.missing)).toEqual(['a']);
    expect(diff.rejected[0].message).toMatch(/empty/);
  });

  it('re-importing an export of the directory changes nothing', () => {
    const current = [asset('a', { description: 'x,\n"y"' }), asset('b', { keywords: ['k'] })];
    const diff = diffDirectory(current, parseDirectory(exportCsv(current)));
    expect(ids(diff.unchanged)).toEqual(['a', 'b']);
    expect(diff.changed).toEqual([]);
    expect(diff.added).toEqual([]);
    expect(diff.missing).toEqual([]);
  });
});
