import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { type Db, DIRECTORY_REVISION_KEY, openCareDb, PANEL_PACK_KEY, PANEL_SNAPSHOT_KEY } from '@/lib/db';
import { loadDirectory, putAsset, replaceDirectory } from '@/lib/directory-store';
import { bootPanel } from '@/lib/panel-boot';
import {
  directoryRevision,
  ensurePanelPack,
  openPanelPack,
  readFullSnapshot,
  SNAPSHOT_PART,
  writePanelPack,
} from '@/lib/panel-snapshot';
import { createAssetSearch } from '@/lib/search';
import type { Asset } from '@/lib/types';
import { asset } from './fixtures/panel-asset';

let db: Db;
beforeEach(async () => {
  fakeBrowser.reset();
  indexedDB.deleteDatabase('care-navigation');
  db = await openCareDb();
});
// An open connection would block the next test's deleteDatabase.
afterEach(() => db.close());

/** The pack is written when the page is idle after the first open; in Node that is a timer. */
const settle = () => new Promise((r) => setTimeout(r, 30));
/** Opens the panel once and lets it store its pack, as the first open after a directory change does. */
async function firstOpen() {
  const booted = await bootPanel('2026-11-25');
  await settle();
  booted.db?.close();
}
const ids = (list: { id: string }[]) => list.map((a) => a.id).sort();

describe('panel pack', () => {
  it('is written on the first open and used on the next: trimmed at once, completed in full afterwards', async () => {
    await replaceDirectory(
      db,
      [asset('a', 'Alpha Club'), asset('b', 'Beta Group', { description: 'Bereavement café' })],
      { source: 'csv', at: '2026-11-01T00:00:00Z' },
    );
    db.close();
    const first = await bootPanel('2026-11-25');
    expect(first.complete).toBeUndefined();
    await settle();
    expect(await first.db?.get('meta', PANEL_PACK_KEY)).toBeDefined();
    first.db?.close();

    const second = await bootPanel('2026-11-25');
    expect(second.directory.origin).toBe('stored');
    // The stored index answers a query on description words it never re-read.
    const hit = second.search.search('bereavement')[0];
    expect(hit.asset.id).toBe('b');
    expect(hit.asset.phone).toBeUndefined();
    const full = await second.complete?.();
    expect(ids(full?.assets ?? [])).toEqual(['a', 'b']);
    // Completed in place: the hit already on screen now has its contact details.
    expect(hit.asset.phone).toBe('01632 960200');
    expect(hit.asset.description).toBe('Bereavement café');
    second.db?.close();
  });

  it('ranks exactly as a freshly built search does', async () => {
    const assets = Array.from({ length: 60 }, (_, i) =>
      asset(`x${i}`, `Group ${i}`, {
        categories: [i % 2 ? 'money' : 'loneliness'],
        description: i % 3 ? 'debt advice and benefits checks' : 'befriending and a weekly lunch club',
        keywords: i % 5 ? undefined : ['bailiffs'],
        cost: i % 4 ? 'free' : 'paid',
        referral: i % 3 ? 'self' : 'professional',
        delivery: i % 2 ? ['in_person', 'phone'] : ['online'],
        minAge: i % 6 ? undefined : 18,
        maxAge: i % 6 ? undefined : 25,
        status: i % 7 ? 'active' : 'inactive',
      }),
    );
    const fresh = createAssetSearch(assets, { today: '2026-11-25' });
    await writePanelPack(
      db,
      { origin: 'stored', problems: [], assets, search: fresh, revision: await directoryRevision(db) },
      new Date(),
      'stamp-1',
    );
    const opened = await openPanelPack(db, { today: '2026-11-25' });
    expect(opened).not.toBeNull();
    // What the results list shows before the full records arrive is already right.
    const shown = (a: Asset) => [a.id, a.name, a.cost, a.referral, a.delivery, a.minAge, a.maxAge, a.lastVerified];
    expect(opened?.assets().map(shown)).toEqual(assets.filter((a) => a.status === 'active').map(shown));
    for (const q of ['skint', 'bailifs', 'lonely', 'group 12', 'debt', 'lunch']) {
      const restored = opened?.search.search(q).map((h) => [h.asset.id, h.score.toFixed(6), h.why.join('; ')]);
      expect(restored).toEqual(fresh.search(q).map((h) => [h.asset.id, h.score.toFixed(6), h.why.join('; ')]));
    }
  });

  it('reads the full records in parts, pausing before each', async () => {
    const assets = Array.from({ length: SNAPSHOT_PART * 2 + 3 }, (_, i) => asset(`p${i}`, `Place ${i}`));
    const search = createAssetSearch(assets, { today: '2026-11-25' });
    await writePanelPack(db, { origin: 'stored', problems: [], assets, search, revision: undefined }, new Date(), 's');
    const opened = await openPanelPack(db, { today: '2026-11-25' });
    let pauses = 0;
    const full = await readFullSnapshot(db, opened as NonNullable<typeof opened>, async () => {
      pauses++;
    });
    expect(pauses).toBe(3);
    expect(full).toHaveLength(assets.length);
  });

  it('is discarded by any directory write, so the panel never shows an older directory', async () => {
    await replaceDirectory(db, [asset('a', 'Alpha Club')], { source: 'csv', at: '2026-11-01T00:00:00Z' });
    db.close();
    await firstOpen();
    db = await openCareDb();
    expect(await db.get('meta', PANEL_PACK_KEY)).toBeDefined();
    expect(await db.get('meta', `${PANEL_SNAPSHOT_KEY}:0`)).toBeDefined();
    await putAsset(db, asset('c', 'Gamma Walk'), '2026-11-25T10:00:00Z');
    expect(await db.get('meta', PANEL_PACK_KEY)).toBeUndefined();
    expect(await db.get('meta', `${PANEL_SNAPSHOT_KEY}:0`)).toBeUndefined();
    db.close();
    const next = await bootPanel('2026-11-25');
    expect(ids(next.directory.assets)).toEqual(['a', 'c']);
    next.db?.close();
  });

  it('is not written when the directory changed after the panel read it', async () => {
    await replaceDirectory(db, [asset('a', 'Alpha Club')], { source: 'csv', at: '2026-11-01T00:00:00Z' });
    const revision = await directoryRevision(db);
    const loaded = await loadDirectory(db);
    // A practice lead saves an edit in the dashboard before the panel stores its copy.
    await putAsset(db, asset('c', 'Gamma Walk'), '2026-11-25T10:00:00Z');
    const search = createAssetSearch(loaded.assets);
    const written = await writePanelPack(
      db,
      { origin: 'stored', problems: [], assets: loaded.assets, search, revision },
      new Date(),
      'late',
    );
    expect(written).toBe(false);
    expect(await db.get('meta', PANEL_PACK_KEY)).toBeUndefined();
  });

  it.each([
    ['a pack from another version of the search code', { build: 'older-build' }],
    ['a damaged list of assets', { trimmed: '{not json' }],
    ['an index that does not fit the assets', { index: { assets: 99 } }],
    ['filters that do not fit the assets', { index: { filters: { cost: new Uint8Array(5) } } }],
    ['a pack built from another revision of the directory', { revision: 'some-older-revision' }],
  ])('falls back to the directory itself on %s', async (_label, damage) => {
    await replaceDirectory(db, [asset('a', 'Alpha Club')], { source: 'csv', at: '2026-11-01T00:00:00Z' });
    db.close();
    await firstOpen();
    db = await openCareDb();
    const pack = (await db.get('meta', PANEL_PACK_KEY)) as Record<string, unknown>;
    const damaged = {
      ...pack,
      ...damage,
      index: { ...(pack.index as object), ...(damage as { index?: object }).index },
    };
    await db.put('meta', damaged, PANEL_PACK_KEY);
    expect(await openPanelPack(db, {})).toBeNull();
    db.close();
    const booted = await bootPanel('2026-11-25');
    expect(booted.complete).toBeUndefined();
    expect(booted.search.search('alpha').map((h) => h.asset.id)).toEqual(['a']);
    expect(booted.directory.assets[0].phone).toBe('01632 960200');
    booted.db?.close();
  });

  it('completes from the directory itself when the full snapshot is missing', async () => {
    await replaceDirectory(db, [asset('a', 'Alpha Club')], { source: 'csv', at: '2026-11-01T00:00:00Z' });
    db.close();
    await firstOpen();
    db = await openCareDb();
    await db.delete('meta', `${PANEL_SNAPSHOT_KEY}:0`);
    db.close();
    const booted = await bootPanel('2026-11-25');
    const full = await booted.complete?.();
    expect(full?.assets[0].phone).toBe('01632 960200');
    booted.db?.close();
  });
});

describe('opening while the browser is slow to read policy settings', () => {
  it('opens with the practice settings at once and applies the policy when it arrives', async () => {
    await browser.storage.local.set({ settings: { version: 1, values: { practiceName: 'Our own name' } } });
    await browser.storage.managed.set({ practiceName: 'Policy name', deskLabel: 'Front desk' });
    let release = () => {};
    const slow = new Promise<void>((r) => {
      release = r;
    });
    const policy = await browser.storage.managed.get(null);
    // Chromium's first policy read after the browser starts can take seconds.
    const spy = vi.spyOn(browser.storage.managed, 'get').mockImplementation((async () => {
      await slow;
      return policy;
    }) as never);
    const booted = await bootPanel('2026-11-25');
    expect(booted.settings.settings.practiceName).toBe('Our own name');
    expect(booted.settings.locked).toEqual([]);
    release();
    const withPolicy = await booted.settingsWithPolicy;
    expect(withPolicy?.settings.practiceName).toBe('Policy name');
    expect(withPolicy?.locked).toContain('deskLabel');
    spy.mockRestore();
    booted.db?.close();
  });

  it('uses the policy settings straight away when they are quick to read', async () => {
    await browser.storage.managed.set({ practiceName: 'Policy name' });
    const booted = await bootPanel('2026-11-25');
    expect(booted.settings.settings.practiceName).toBe('Policy name');
    expect(booted.settingsWithPolicy).toBeUndefined();
    booted.db?.close();
  });
});

describe('ensurePanelPack (after directory writes, by the dashboard and the feed refresh)', () => {
  it('stores a pack the panel then opens from, once per directory change', async () => {
    await replaceDirectory(db, [asset('a', 'Alpha Club'), asset('b', 'Beta Group')], {
      source: 'csv',
      at: '2026-11-01T00:00:00Z',
    });
    expect(await ensurePanelPack(db, new Date())).toBe(true);
    expect(await ensurePanelPack(db, new Date())).toBe(false);
    await putAsset(db, asset('c', 'Gamma Walk'), '2026-11-25T10:00:00Z');
    expect(await ensurePanelPack(db, new Date())).toBe(true);
    // A pack the panel would not use (built from another revision of the directory) is rebuilt too.
    await db.put('meta', 'another-revision', DIRECTORY_REVISION_KEY);
    expect(await ensurePanelPack(db, new Date())).toBe(true);
    db.close();
    const booted = await bootPanel('2026-11-25');
    expect(booted.complete).toBeDefined();
    expect(booted.search.search('gamma').map((h) => h.asset.id)).toEqual(['c']);
    expect(ids((await booted.complete?.())?.assets ?? [])).toEqual(['a', 'b', 'c']);
    booted.db?.close();
  });
});
