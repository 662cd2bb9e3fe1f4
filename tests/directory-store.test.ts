import { deleteDB } from 'idb';
import { type Db, openCareDb } from '../lib/db';
import {
  AssetNotFoundError,
  DIRECTORY_META_KEY,
  DirectoryInputError,
  DirectoryWriteError,
  deleteAsset,
  loadDirectory,
  markVerified,
  mergeDirectory,
  putAsset,
  replaceDirectory,
  setAssetStatus,
  sortValid,
} from '../lib/directory-store';
import type { Asset } from '../lib/types';

const asset = (id: string, extra: Partial<Asset> = {}): Asset => ({
  id,
  name: `Asset ${id}`,
  categories: ['loneliness'],
  phone: '01234 567890',
  status: 'active',
  ...extra,
});

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openCareDb(`store-test-${++n}`);
});
afterEach(async () => {
  db.close();
  await deleteDB(`store-test-${n}`);
});

const ids = (assets: Asset[]) => assets.map((a) => a.id).sort();

describe('loadDirectory', () => {
  it('falls back to the bundled demo directory when nothing has been stored', async () => {
    const dir = await loadDirectory(db);
    expect(dir.origin).toBe('demo');
    expect(dir.source).toBe('bundled');
    expect(Array.isArray(dir.assets)).toBe(true);
    // The shipped demo must pass the same rules as any import.
    expect(dir.problems).toEqual([]);
    for (const a of dir.assets) expect(a.source).toBe('bundled');
  });

  it('returns the stored directory with its meta once one is stored', async () => {
    await replaceDirectory(db, [asset('a'), asset('b')], { source: 'csv', at: '2026-01-02T10:00:00.000Z' });
    const dir = await loadDirectory(db);
    expect(dir).toMatchObject({ origin: 'stored', source: 'csv', updatedAt: '2026-01-02T10:00:00.000Z' });
    expect(ids(dir.assets)).toEqual(['a', 'b']);
    expect(await db.get('meta', DIRECTORY_META_KEY)).toEqual({
      origin: 'stored',
      source: 'csv',
      updatedAt: '2026-01-02T10:00:00.000Z',
    });
  });

  it('keeps an emptied directory empty rather than bringing the demo back', async () => {
    await replaceDirectory(db, [], { source: 'csv', at: '2026-01-02T10:00:00.000Z' });
    const dir = await loadDirectory(db);
    expect(dir.origin).toBe('stored');
    expect(dir.assets).toEqual([]);
  });

  it('skips stored entries that break the rules and says why', async () => {
    await replaceDirectory(db, [asset('a')], { source: 'csv', at: '2026-01-02' });
    await db.put('assets', { id: 'bad', name: 'Broken', categories: [], status: 'active' } as Asset);
    const dir = await loadDirectory(db);
    expect(ids(dir.assets)).toEqual(['a']);
    expect(dir.problems).toHaveLength(1);
    expect(dir.problems[0]).toMatch(/"Broken".*no category/);
  });
});

describe('sortValid (used for bundled entries)', () => {
  it('keeps good entries and explains each bad one', () => {
    const { assets, problems } = sortValid(
      [asset('ok'), { name: 'No contact', categories: ['money'] }, 'junk', { ...asset('e'), email: 'bob@' }],
      'demo entry',
    );
    expect(ids(assets)).toEqual(['ok']);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/demo entry "No contact" was skipped: no contact route/);
    expect(problems[1]).toMatch(/demo entry number 3 was skipped/);
    expect(problems[2]).toMatch(/email "bob@" is not a valid email address/);
  });
});

describe('writes are all-or-nothing', () => {
  const before = [asset('old-1'), asset('old-2')];
  beforeEach(async () => {
    await replaceDirectory(db, before, { source: 'csv', at: '2026-01-01T00:00:00.000Z' });
  });

  const uncloneable = () => ({ ...asset('poison'), extra: () => 'functions cannot be stored' }) as unknown as Asset;

  it.each([
    [
      'replaceDirectory',
      () => replaceDirectory(db, [asset('new-1'), uncloneable(), asset('new-2')], { source: 'json', at: 'x' }),
    ],
    ['mergeDirectory', () => mergeDirectory(db, [asset('new-1'), uncloneable()], { source: 'json', at: 'x' })],
    ['putAsset', () => putAsset(db, uncloneable(), '2026-02-01T00:00:00.000Z')],
  ])('%s failing part-way leaves the previous directory and meta intact', async (_name, run) => {
    await expect(run()).rejects.toBeInstanceOf(DirectoryWriteError);
    const dir = await loadDirectory(db);
    expect(ids(dir.assets)).toEqual(['old-1', 'old-2']);
    expect(dir.source).toBe('csv');
    expect(dir.updatedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it.each([
    ['an invalid asset', [asset('n1'), { ...asset('n2'), email: 'bob@' }], /email "bob@"/],
    ['a duplicate id', [asset('n1'), asset('n1')], /id "n1" appears more than once/],
    ['a missing id', [{ ...asset('x'), id: '' }], /id/],
  ])('rejects %s before writing anything', async (_name, assets, message) => {
    const err = await replaceDirectory(db, assets as Asset[], { source: 'json', at: 'x' }).catch((e) => e);
    expect(err).toBeInstanceOf(DirectoryInputError);
    expect(err.message).toMatch(message);
    expect(ids((await loadDirectory(db)).assets)).toEqual(['old-1', 'old-2']);
  });
});

describe('editing', () => {
  it('merge upserts by id and keeps the rest', async () => {
    await replaceDirectory(db, [asset('a'), asset('b')], { source: 'csv', at: 't1' });
    await mergeDirectory(db, [asset('b', { name: 'Renamed' }), asset('c')], { source: 'json', at: 't2' });
    const dir = await loadDirectory(db);
    expect(ids(dir.assets)).toEqual(['a', 'b', 'c']);
    expect(dir.assets.find((a) => a.id === 'b')?.name).toBe('Renamed');
    expect(dir).toMatchObject({ source: 'json', updatedAt: 't2' });
  });

  it('putAsset, setAssetStatus, markVerified and deleteAsset change only their asset', async () => {
    await replaceDirectory(db, [asset('a'), asset('b')], { source: 'csv', at: 't1' });
    await putAsset(db, asset('c', { email: 'hello@example.org' }), 't2');
    expect(await setAssetStatus(db, 'a', 'inactive')).toMatchObject({ id: 'a', status: 'inactive' });
    expect(await markVerified(db, 'b', '2026-03-04')).toMatchObject({ id: 'b', lastVerified: '2026-03-04' });
    expect(await deleteAsset(db, 'c')).toBe(true);
    expect(await deleteAsset(db, 'c')).toBe(false);
    const dir = await loadDirectory(db);
    expect(dir.assets).toEqual([asset('a', { status: 'inactive' }), asset('b', { lastVerified: '2026-03-04' })]);
    expect(dir.source).toBe('csv');
  });

  it.each([
    ['setAssetStatus', () => setAssetStatus(db, 'nope', 'inactive')],
    ['markVerified', () => markVerified(db, 'nope', '2026-03-04')],
  ])('%s on an unknown id says so', async (_name, run) => {
    await replaceDirectory(db, [asset('a')], { source: 'csv', at: 't1' });
    await expect(run()).rejects.toBeInstanceOf(AssetNotFoundError);
  });

  it.each([['2026-13-01'], ['yesterday'], ['']])('markVerified rejects the date %j', async (day) => {
    await replaceDirectory(db, [asset('a')], { source: 'csv', at: 't1' });
    await expect(markVerified(db, 'a', day)).rejects.toBeInstanceOf(DirectoryInputError);
    expect((await loadDirectory(db)).assets[0].lastVerified).toBeUndefined();
  });

  it('the first edit of the demo directory keeps the demo entries', async () => {
    const demo = await loadDirectory(db);
    await putAsset(db, asset('mine'), 't1');
    const dir = await loadDirectory(db);
    expect(dir.origin).toBe('stored');
    expect(ids(dir.assets)).toEqual(ids([...demo.assets, asset('mine')]));
  });
});

describe('a broken bundled demo directory', () => {
  afterEach(() => {
    vi.doUnmock('../data/demo-directory.json');
    vi.resetModules();
  });

  it('skips bad demo entries, lists them, and still returns the good ones', async () => {
    vi.resetModules();
    vi.doMock('../data/demo-directory.json', () => ({
      default: [
        { id: 'good', name: 'Good', categories: ['money'], phone: '1', status: 'active' },
        { id: 'bad', name: 'Bad', categories: ['money'], email: 'bob@', status: 'active' },
        { name: 'No id but fine', categories: ['food'], website: 'www.example.org' },
        { id: 'good', name: 'Good again', categories: ['money'], phone: '1' },
        42,
      ],
    }));
    const store = await import('../lib/directory-store');
    const dir = await store.loadDirectory(db);
    expect(dir.origin).toBe('demo');
    expect(dir.assets.map((a) => a.name)).toEqual(['Good', 'No id but fine']);
    expect(dir.assets.every((a) => a.source === 'bundled')).toBe(true);
    expect(dir.problems).toEqual([
      expect.stringMatching(/^demo entry "Bad" was skipped: .*email "bob@" is not a valid email address/),
      expect.stringMatching(/^demo entry number 5 was skipped/),
      'demo entry "Good again" was skipped: id "good" is used by an earlier entry',
    ]);
  });

  it('a demo file that is not a list gives a problem, not a blank panel crash', async () => {
    vi.resetModules();
    vi.doMock('../data/demo-directory.json', () => ({ default: { hello: 'world' } }));
    const store = await import('../lib/directory-store');
    const dir = await store.loadDirectory(db);
    expect(dir.assets).toEqual([]);
    expect(dir.problems).toEqual(['The demo directory is not a list of assets.']);
  });
});
