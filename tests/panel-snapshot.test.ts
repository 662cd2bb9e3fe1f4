import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type Db, openCareDb } from '@/lib/db';
import { loadDirectory, putAsset, replaceDirectory } from '@/lib/directory-store';
import { bootPanel } from '@/lib/panel-boot';
import { PANEL_SNAPSHOT_KEY, readPanelSnapshot } from '@/lib/panel-snapshot';
import type { Asset } from '@/lib/types';

const asset = (id: string, name: string): Asset => ({
  id,
  name,
  categories: ['loneliness'],
  phone: '01632 960200',
  status: 'active',
});

let db: Db;
beforeEach(async () => {
  fakeBrowser.reset();
  indexedDB.deleteDatabase('care-navigation');
  db = await openCareDb();
});

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('panel snapshot', () => {
  it('is written on the first open of a stored directory and used on the next', async () => {
    await replaceDirectory(db, [asset('a', 'Alpha Club'), asset('b', 'Beta Group')], {
      source: 'csv',
      at: '2026-11-01T00:00:00Z',
    });
    db.close();
    const first = await bootPanel('2026-11-25');
    await settle();
    expect(first.directory.assets.map((a) => a.id).sort()).toEqual(['a', 'b']);
    const snap = await readPanelSnapshot(first.db as Db);
    expect(snap?.assets.map((a) => a.name).sort()).toEqual(['Alpha Club', 'Beta Group']);
    first.db?.close();

    const second = await bootPanel('2026-11-25');
    expect(second.directory.origin).toBe('stored');
    expect(second.search.search('beta').map((h) => h.asset.id)).toEqual(['b']);
    second.db?.close();
  });

  it('is discarded by any directory write, so the panel never shows an older directory', async () => {
    await replaceDirectory(db, [asset('a', 'Alpha Club')], { source: 'csv', at: '2026-11-01T00:00:00Z' });
    db.close();
    (await bootPanel('2026-11-25')).db?.close();
    await settle();
    db = await openCareDb();
    expect(await db.get('meta', PANEL_SNAPSHOT_KEY)).toBeDefined();
    await putAsset(db, asset('c', 'Gamma Walk'), '2026-11-25T10:00:00Z');
    expect(await db.get('meta', PANEL_SNAPSHOT_KEY)).toBeUndefined();
    db.close();
    const next = await bootPanel('2026-11-25');
    expect(next.directory.assets.map((a) => a.id).sort()).toEqual(['a', 'c']);
    next.db?.close();
  });

  it('falls back to the directory itself when the snapshot is damaged', async () => {
    await replaceDirectory(db, [asset('a', 'Alpha Club')], { source: 'csv', at: '2026-11-01T00:00:00Z' });
    await db.put('meta', { version: 1, assetsJson: '{not json', problems: [] }, PANEL_SNAPSHOT_KEY);
    expect(await readPanelSnapshot(db)).toBeNull();
    db.close();
    const booted = await bootPanel('2026-11-25');
    expect(booted.directory.assets.map((a) => a.id)).toEqual(['a']);
    expect((await loadDirectory(booted.db as Db)).assets).toHaveLength(1);
    booted.db?.close();
  });
});
