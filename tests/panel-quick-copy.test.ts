import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DB_NAME, DB_VERSION, type Db, DIRECTORY_REVISION_KEY, openCareDb, PANEL_PACK_KEY } from '@/lib/db';
import { AssetNotFoundError, putAsset, replaceDirectory, setAssetStatus } from '@/lib/directory-store';
import { bootPanel, panelDb } from '@/lib/panel-boot';
import {
  decodeQuickCopy,
  encodeQuickCopy,
  QUICK_COPY_KEY,
  readQuickCopy,
  type TextStore,
  writeQuickCopy,
} from '@/lib/panel-quick-copy';
import { directoryRevision, type PanelPack, restorePanelPack, writePanelPack } from '@/lib/panel-snapshot';
import { REVISION_MIRROR_KEY } from '@/lib/revision-mirror';
import { createAssetSearch } from '@/lib/search';
import { SETTINGS_KEY } from '@/lib/settings';
import { asset } from './fixtures/panel-asset';

/** An in-memory `localStorage`, with a quota like the browser's. */
class MemoryStore implements TextStore {
  readonly items = new Map<string, string>();
  constructor(private readonly quota = Number.POSITIVE_INFINITY) {}
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (value.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const varied = Array.from({ length: 40 }, (_, i) =>
  asset(`x${i}`, `Group ${i}`, {
    categories: [i % 2 ? 'money' : 'loneliness', ...(i % 5 ? [] : ['housing'])],
    description: i % 3 ? 'debt advice and benefits checks' : 'befriending and a weekly lunch club',
    keywords: i % 5 ? undefined : ['bailiffs'],
    cost: i % 4 ? 'free' : 'paid',
    delivery: i % 2 ? ['in_person', 'phone'] : ['online'],
    minAge: i % 6 ? undefined : 18,
    maxAge: i % 6 ? undefined : 25,
    lastVerified: i % 3 ? '2026-10-01' : undefined,
    area: i % 4 ? 'Ashbridge' : undefined,
    status: i % 7 ? 'active' : 'inactive',
  }),
);

let db: Db;
let quick: MemoryStore;
beforeEach(async () => {
  fakeBrowser.reset();
  indexedDB.deleteDatabase('care-navigation');
  db = await openCareDb();
  quick = new MemoryStore();
});
afterEach(() => db.close());

/** The panel stores its pack and quick copy when idle after the first open; in Node that is a timer. */
const settle = () => new Promise((r) => setTimeout(r, 30));
const ids = (list: { id: string }[]) => list.map((a) => a.id).sort();

async function storedPack(): Promise<PanelPack> {
  const search = createAssetSearch(varied, { today: '2026-11-25' });
  const revision = await directoryRevision(db);
  await writePanelPack(
    db,
    { origin: 'stored', problems: ['row 3 skipped'], assets: varied, search, revision },
    new Date(),
    's1',
    quick,
  );
  return (await db.get('meta', PANEL_PACK_KEY)) as PanelPack;
}

describe('quick copy encoding', () => {
  it('gives back every field and typed array of the pack', async () => {
    const pack = await storedPack();
    const back = decodeQuickCopy(encodeQuickCopy(pack));
    expect(back).toEqual(pack);
    expect(back.index.postAsset).toBeInstanceOf(pack.index.postAsset.constructor);
    expect(back.index.filters.minAge).toBeInstanceOf(Float32Array);
    expect(back.index.filters.catMembers[0][1]).toBeInstanceOf(Int32Array);
  });

  it.each(['skint', 'bailifs', 'lonely', 'group 12', 'debt', 'lunch club'])(
    'searches "%s" exactly as the pack in IndexedDB does',
    async (query) => {
      const pack = await storedPack();
      const fromQuick = restorePanelPack(readQuickCopy(quick), { today: '2026-11-25' });
      const fromDb = restorePanelPack(pack, { today: '2026-11-25' });
      const shown = (o: typeof fromDb) => o?.search.search(query).map((h) => [h.asset.id, h.score.toFixed(6), h.why]);
      expect(fromQuick).not.toBeNull();
      expect(shown(fromQuick)).toEqual(shown(fromDb));
    },
  );

  it.each([
    ['nothing stored', null],
    ['a copy cut short', (s: string) => s.slice(0, s.indexOf('\n'))],
    ['damaged JSON', (s: string) => `{oops${s.slice(5)}`],
    ['damaged bytes', (s: string) => `${s.slice(0, s.lastIndexOf('\n'))}\n***not base64***`],
    ['a byte reference past the end', (s: string) => s.replace('"at":0', '"at":99999999')],
  ])('reads %s as no copy, never as a broken search', async (_label, damage) => {
    const pack = await storedPack();
    if (damage) quick.setItem(QUICK_COPY_KEY, damage(encodeQuickCopy(pack)));
    else quick.removeItem(QUICK_COPY_KEY);
    expect(restorePanelPack(readQuickCopy(quick), { today: '2026-11-25' })).toBeNull();
  });

  it('ignores a copy made by another version of the search code', async () => {
    const pack = await storedPack();
    writeQuickCopy(quick, { ...pack, build: 'older-build' });
    expect(readQuickCopy(quick)).not.toBeNull();
    expect(restorePanelPack(readQuickCopy(quick), { today: '2026-11-25' })).toBeNull();
  });

  it('leaves no copy, rather than an older one, when the directory is over the storage quota', async () => {
    const pack = await storedPack();
    const small = new MemoryStore(1000);
    small.items.set(QUICK_COPY_KEY, 'an older copy');
    expect(writeQuickCopy(small, pack)).toBe(false);
    expect(small.getItem(QUICK_COPY_KEY)).toBeNull();
    expect(writeQuickCopy(null, pack)).toBe(false);
  });
});

describe('opening the panel from its quick copy', () => {
  async function firstOpen() {
    const booted = await bootPanel('2026-11-25', undefined, quick);
    await settle();
    (await panelDb(booted))?.close();
  }

  it('is stored with the pack on the first open and used on the next, with IndexedDB only confirming it', async () => {
    await replaceDirectory(
      db,
      [asset('a', 'Alpha Club'), asset('b', 'Beta Group', { description: 'Bereavement café' })],
      {
        source: 'csv',
        at: '2026-11-01T00:00:00Z',
      },
    );
    db.close();
    await firstOpen();
    expect(quick.getItem(QUICK_COPY_KEY)).not.toBeNull();
    // Without the pack in IndexedDB, only the quick copy can open the panel with its full records to follow.
    db = await openCareDb();
    await db.delete('meta', PANEL_PACK_KEY);
    db.close();
    const booted = await bootPanel('2026-11-25', undefined, quick);
    expect(booted.complete).toBeDefined();
    const hit = booted.search.search('bereavement')[0];
    expect(hit.asset.id).toBe('b');
    await booted.complete?.();
    expect(hit.asset.phone).toBe('01632 960200');
    (await panelDb(booted))?.close();
  });

  it('is not used once the directory has changed: the panel shows the directory as it is now', async () => {
    await replaceDirectory(db, [asset('a', 'Alpha Club')], { source: 'csv', at: '2026-11-01T00:00:00Z' });
    db.close();
    await firstOpen();
    const before = quick.getItem(QUICK_COPY_KEY);
    db = await openCareDb();
    // As the feed refresh in the background does: it cannot reach the page's localStorage.
    await putAsset(db, asset('c', 'Gamma Walk'), '2026-11-25T10:00:00Z');
    db.close();
    const booted = await bootPanel('2026-11-25', undefined, quick);
    expect(ids(booted.directory.assets)).toEqual(['a', 'c']);
    expect(booted.search.search('gamma').map((h) => h.asset.id)).toEqual(['c']);
    await settle();
    // …and it stores a copy of the directory as it is now for the next open.
    expect(quick.getItem(QUICK_COPY_KEY)).not.toBe(before);
    const copy = readQuickCopy(quick);
    expect(copy?.revision).toBe(await directoryRevision((await panelDb(booted)) as Db));
    (await panelDb(booted))?.close();
  });

  it('opens the bundled demo directory, which has never been written, from its quick copy too', async () => {
    db.close();
    await firstOpen();
    expect((await fakeBrowser.storage.local.get(REVISION_MIRROR_KEY))[REVISION_MIRROR_KEY]).toBe('never-written');
    const marks: string[] = [];
    const booted = await bootPanel('2026-11-25', (m) => marks.push(m), quick);
    expect(marks).toEqual(expect.arrayContaining(['quick-copy-restored', 'revision-mirrored']));
    expect(booted.directory.origin).toBe('demo');
    expect(booted.search.search('mens shed')[0]?.asset.name).toMatch(/Men.s Shed/);
    expect((await booted.storage)?.changed).toBeUndefined();
    (await panelDb(booted))?.close();
    db = await openCareDb();
  });

  it.each([
    ['the mirror confirms it', true],
    ['there is no mirror', false],
  ])('gives way to the bundled directory when IndexedDB cannot be opened and %s', async (_label, mirrored) => {
    await replaceDirectory(db, [asset('a', 'Alpha Club')], { source: 'csv', at: '2026-11-01T00:00:00Z' });
    db.close();
    await firstOpen();
    if (!mirrored) await fakeBrowser.storage.local.remove(REVISION_MIRROR_KEY);
    const realOpen = indexedDB.open;
    indexedDB.open = () => {
      throw new Error('blocked');
    };
    try {
      const booted = await bootPanel('2026-11-25', undefined, quick);
      const arrival = await booted.storage;
      // Opened from the copy at first only when the mirror vouched for it; nothing can be logged either way.
      expect(!!arrival).toBe(mirrored);
      expect(await panelDb(booted)).toBeNull();
      expect((arrival?.changed ?? booted).directory.origin).toBe('demo');
      expect((arrival ?? booted).storageError).toMatch(/storage/i);
    } finally {
      indexedDB.open = realOpen;
    }
    db = await openCareDb();
  });
});

describe("the directory revision's mirror in extension storage", () => {
  const holder = globalThis as { careDbOpening?: Promise<unknown> };
  /** Holds IndexedDB's answer back, as a busy browser does, until `release` is called. */
  function slowDatabase() {
    let release = () => {};
    holder.careDbOpening = new Promise((resolve) => {
      release = () => {
        const request = indexedDB.open('care-navigation');
        request.onsuccess = () => resolve({ db: request.result });
      };
    });
    return () => release();
  }
  const mirror = async () => (await fakeBrowser.storage.local.get(REVISION_MIRROR_KEY))[REVISION_MIRROR_KEY];

  beforeEach(async () => {
    await replaceDirectory(db, [asset('a', 'Alpha Club')], { source: 'csv', at: '2026-11-01T00:00:00Z' });
    db.close();
    await firstOpen();
    db = await openCareDb();
  });
  afterEach(() => {
    holder.careDbOpening = undefined;
  });

  async function firstOpen() {
    const booted = await bootPanel('2026-11-25', undefined, quick);
    await settle();
    (await panelDb(booted))?.close();
  }

  it('is kept by every directory write, so the panel searches its quick copy before IndexedDB has opened', async () => {
    expect(await mirror()).toBe(await directoryRevision(db));
    const release = slowDatabase();
    const marks: string[] = [];
    const booted = await bootPanel('2026-11-25', (m) => marks.push(m), quick);
    expect(marks).toEqual(['quick-copy-restored', 'revision-mirrored']);
    expect(booted.db).toBeNull();
    expect(booted.search.search('alpha').map((h) => h.asset.id)).toEqual(['a']);
    release();
    const arrival = await booted.storage;
    expect(arrival?.changed).toBeUndefined();
    expect(await arrival?.db?.count('events')).toBe(0);
    arrival?.db?.close();
  });

  it('is checked against IndexedDB once it opens: a directory changed behind its back replaces the copy', async () => {
    // A change written straight to IndexedDB, as code that forgot the mirror would.
    await db.put('assets', asset('c', 'Gamma Walk'));
    await db.put('meta', 'a-revision-the-mirror-never-saw', DIRECTORY_REVISION_KEY);
    await db.delete('meta', PANEL_PACK_KEY);
    const release = slowDatabase();
    const booted = await bootPanel('2026-11-25', undefined, quick);
    expect(booted.search.search('gamma')).toEqual([]);
    release();
    const arrival = await booted.storage;
    expect(ids(arrival?.changed?.directory.assets ?? [])).toEqual(['a', 'c']);
    expect(arrival?.changed?.search.search('gamma').map((h) => h.asset.id)).toEqual(['c']);
    await settle();
    // …and the mirror and quick copy now match the directory as it is.
    expect(await mirror()).toBe('a-revision-the-mirror-never-saw');
    expect(readQuickCopy(quick)?.revision).toBe('a-revision-the-mirror-never-saw');
    arrival?.db?.close();
  });

  it('is removed before a write commits and set after, and a failed write leaves none', async () => {
    const before = await mirror();
    const seen: unknown[] = [];
    const watch = (changes: Record<string, { newValue?: unknown }>) => {
      if (REVISION_MIRROR_KEY in changes) seen.push(changes[REVISION_MIRROR_KEY].newValue ?? 'removed');
    };
    fakeBrowser.storage.onChanged.addListener(watch);
    await putAsset(db, asset('b', 'Beta Group'), '2026-11-25T10:00:00Z');
    const after = await directoryRevision(db);
    expect(seen).toEqual(['removed', after]);
    expect(after).not.toBe(before);
    seen.length = 0;
    await expect(setAssetStatus(db, 'no-such-asset', 'inactive')).rejects.toThrow(AssetNotFoundError);
    expect(seen).toEqual(['removed']);
    expect(await mirror()).toBeUndefined();
    expect(await directoryRevision(db)).toBe(after);
    fakeBrowser.storage.onChanged.removeListener(watch);
  });

  it('is put back by the next panel open after a failed write removed it', async () => {
    await fakeBrowser.storage.local.remove(REVISION_MIRROR_KEY);
    const marks: string[] = [];
    const booted = await bootPanel('2026-11-25', (m) => marks.push(m), quick);
    expect(marks).not.toContain('revision-mirrored');
    expect(booted.search.search('alpha').map((h) => h.asset.id)).toEqual(['a']);
    await settle();
    expect(await mirror()).toBe(await directoryRevision(db));
    (await panelDb(booted))?.close();
  });
});

async function firstOpenWith(store: TextStore) {
  const booted = await bootPanel('2026-11-25', undefined, store);
  await settle();
  (await panelDb(booted))?.close();
}

describe('opening IndexedDB early (public/panel-open-storage.js)', () => {
  const source = readFileSync(resolve('public/panel-open-storage.js'), 'utf8');
  const holder = globalThis as {
    careDbOpening?: Promise<{ db: IDBDatabase; revision?: { value: unknown } } | null>;
  };
  const runEarlyScript = () => new Function(source)();

  it('opens the database the panel uses, at the version it expects, and reads its directory revision', () => {
    expect(source).toContain(`indexedDB.open('${DB_NAME}', ${DB_VERSION})`);
    expect(source).toContain(`.transaction('meta').objectStore('meta').get('${DIRECTORY_REVISION_KEY}')`);
    expect(source).toContain(`.get(['${REVISION_MIRROR_KEY}', '${SETTINGS_KEY}'])`);
    expect(source).toContain(`stored.${REVISION_MIRROR_KEY}`);
    expect(source).toContain(`{ settings: stored.${SETTINGS_KEY} }`);
  });

  it('reads the practice settings with the mirror, so the panel needs no storage read of its own for them', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { version: 1, values: { practiceName: 'Ashbridge Surgery' } },
    });
    runEarlyScript();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const booted = await bootPanel('2026-11-25', undefined, quick);
    const asked = get.mock.calls.map(([keys]) => JSON.stringify(keys ?? null));
    get.mockRestore();
    (await panelDb(booted))?.close();
    expect(booted.settings.settings.practiceName).toBe('Ashbridge Surgery');
    expect(asked.filter((keys) => keys.includes(SETTINGS_KEY))).toEqual([]);
  });

  it('never creates the database: a first run leaves that, with its migrations, to openCareDb', async () => {
    db.close();
    await new Promise((r) => {
      indexedDB.deleteDatabase(DB_NAME).onsuccess = r;
    });
    runEarlyScript();
    expect(await holder.careDbOpening).toBeNull();
    const booted = await bootPanel('2026-11-25', undefined, quick);
    expect(booted.storageError).toBeNull();
    expect([...(booted.db?.objectStoreNames ?? [])].sort()).toEqual(['assets', 'events', 'meta', 'reports']);
    (await panelDb(booted))?.close();
    db = await openCareDb();
  });

  it('hands the panel its connection and the revision when the database is already there', async () => {
    await replaceDirectory(db, [asset('a', 'Alpha Club')], { source: 'csv', at: '2026-11-01T00:00:00Z' });
    const revision = await directoryRevision(db);
    db.close();
    runEarlyScript();
    const early = await holder.careDbOpening;
    expect(early?.db.version).toBe(DB_VERSION);
    expect(early?.revision).toEqual({ value: revision });
    early?.db.close();
    holder.careDbOpening = undefined;
    // The panel opens with the quick copy the revision confirms.
    await firstOpenWith(quick);
    runEarlyScript();
    const marks: string[] = [];
    const booted = await bootPanel('2026-11-25', (m) => marks.push(m), quick);
    expect(holder.careDbOpening).toBeUndefined();
    expect(marks).toContain('quick-copy-restored');
    expect(booted.complete).toBeDefined();
    expect(booted.search.search('alpha').map((h) => h.asset.id)).toEqual(['a']);
    expect(await (await panelDb(booted))?.count('events')).toBe(0);
    (await panelDb(booted))?.close();
    db = await openCareDb();
  });
});
