import { wrap } from 'idb';
import { type Db, openCareDb, StorageUnavailableError } from './db';
import { loadDirectory, sortValid } from './directory-store';
import { pageTextStore, readQuickCopy, type TextStore, writeQuickCopy } from './panel-quick-copy';
import {
  directoryRevision,
  openPanelPack,
  readFullSnapshot,
  readPackSource,
  restorePanelPack,
  writePanelPack,
} from './panel-snapshot';
import { type AssetSearch, createAssetSearch, pageIdleScheduler } from './search';
import { DEFAULT_SETTINGS, type LoadedSettings, loadSettings } from './settings';
import type { Asset } from './types';

export interface PanelDirectory {
  assets: Asset[];
  origin: 'demo' | 'stored';
  /** Entries that could not be used, in plain English (bad bundled or stored rows). */
  problems: string[];
}

export interface PanelData {
  settings: LoadedSettings;
  /** Null when the browser will not give us IndexedDB: the panel still works, but cannot log. */
  db: Db | null;
  storageError: string | null;
  directory: PanelDirectory;
  search: AssetSearch;
  assetsById: AssetLookup;
  /**
   * Set when the panel opened from its ready-made pack, whose assets are trimmed to what the results list
   * needs: reads the rest (phone numbers, descriptions…) in idle time, completes the assets in place and
   * resolves with the full directory. Call it once the search box is on screen.
   */
  complete?: () => Promise<PanelDirectory>;
  /** Set when the panel opened before the policy settings could be read: resolves with them. */
  settingsWithPolicy?: Promise<LoadedSettings>;
}

/** Finds an asset by id: only the assets chosen for a signpost are looked up. */
export type AssetLookup = Pick<Map<string, Asset>, 'get'>;

/** Builds its map on first use, so opening the panel with 10,000 assets does not wait for one. */
export function assetLookup(directory: Pick<PanelDirectory, 'assets'>): AssetLookup {
  let byId: Map<string, Asset> | undefined;
  return {
    get(id) {
      byId ??= new Map(directory.assets.map((a) => [a.id, a]));
      return byId.get(id);
    },
  };
}

/** A connection, and the directory's revision when it was read as the connection opened. */
interface Opened {
  db: Db;
  revision?: { value: unknown };
}

/**
 * The connection `public/panel-open-storage.js` started opening before this script loaded (with the
 * directory's revision, read as it opened), or a new one. That script never upgrades the database; when
 * it could not open it as it is, openCareDb does.
 */
async function takeEarlyConnection(): Promise<Opened> {
  const holder = globalThis as { careDbOpening?: Promise<{ db: IDBDatabase; revision?: { value: unknown } } | null> };
  const early = holder.careDbOpening;
  holder.careDbOpening = undefined;
  const opened = early ? await early.catch(() => null) : null;
  if (opened?.db) return { db: wrap(opened.db) as unknown as Db, revision: opened.revision };
  return { db: await openCareDb() };
}

/** Waits for the page to be idle (or a moment, where there is no idle callback), so a key press comes first. */
export function whenIdle(timeout = 200): Promise<void> {
  const idle = pageIdleScheduler();
  return new Promise((resolve) => {
    if (idle) idle(() => resolve(), { timeout });
    else setTimeout(resolve, 0);
  });
}

/** Used only when IndexedDB is unavailable, so receptionists can still look support up. */
async function bundledOnly(): Promise<PanelDirectory> {
  const mod = await import('../data/demo-directory.json');
  const raw = (mod.default ?? mod) as unknown[];
  const { assets, problems } = sortValid(Array.isArray(raw) ? raw : [], 'demo entry');
  return { assets, origin: 'demo', problems };
}

/**
 * Everything the side panel needs before its search box is usable. Settings, database and directory are
 * independent, so they load in parallel; a failure in one becomes a message, never a blank panel.
 */
export async function bootPanel(
  today: string,
  mark: (name: string) => void = () => {},
  textStore: TextStore | null = pageTextStore(),
): Promise<PanelData> {
  // IndexedDB takes tens of milliseconds to open; the quick copy is restored meanwhile and used once the
  // database confirms it was built from the directory as it is now (lib/panel-quick-copy.ts).
  const opening = takeEarlyConnection().then(
    (opened) => ({ opened, error: null }),
    (err: unknown) => ({
      opened: null as Opened | null,
      error: err instanceof StorageUnavailableError ? err.message : `Storage failed to open: ${String(err)}`,
    }),
  );
  const unreadable = (err: unknown): LoadedSettings => ({
    settings: { ...DEFAULT_SETTINGS },
    locked: [],
    problems: [`Settings could not be read (${String(err)}); defaults are in use.`],
  });
  // Chromium's first policy read after the browser starts can take seconds. The practice's own settings are
  // read alongside it; if the policy has not arrived by the time the directory is ready, the panel opens with
  // them and takes the policy's when it comes (`settingsWithPolicy`).
  let policyRead: LoadedSettings | undefined;
  const withPolicy = loadSettings()
    .catch(unreadable)
    .then((loaded) => {
      policyRead = loaded;
      return loaded;
    });
  const withoutPolicy = loadSettings({ policy: false }).catch(unreadable);
  const quick = restorePanelPack(readQuickCopy(textStore), { today, prepareLater: true });
  if (quick) mark('quick-copy-restored');
  const { opened, error: storageError } = await opening;
  const db = opened?.db ?? null;
  mark('db-open');
  let directory: PanelDirectory | undefined;
  let search: AssetSearch | undefined;
  let complete: PanelData['complete'];
  if (db) {
    const store = db;
    try {
      const revision = opened?.revision ? opened.revision.value : quick && (await directoryRevision(store));
      const current = quick && quick.stored.revision === revision ? quick : null;
      current?.search.prepareWhenIdle?.();
      const pack = current ?? (await openPanelPack(store, { today }).catch(() => null));
      if (pack) {
        mark('directory-loaded');
        // The assets are made on first need (a search, a signpost), not at open.
        const fromPack: PanelDirectory = {
          get assets() {
            return pack.assets();
          },
          origin: pack.origin,
          problems: pack.problems,
        };
        directory = fromPack;
        search = pack.search;
        complete = async () => {
          // Only a damaged or half-written cache lacks its snapshot: then the directory itself is read.
          const full =
            (await readFullSnapshot(store, pack, () => whenIdle()).catch(() => null)) ??
            (await loadDirectory(store)).assets;
          pack.search.completeAssets(full);
          return { origin: fromPack.origin, problems: fromPack.problems, assets: full };
        };
        // Opened from IndexedDB: the next open can start from the quick copy.
        if (!current) void whenIdle(2000).then(() => writeQuickCopy(textStore, pack.stored));
      } else {
        const source = await readPackSource(store, { today });
        directory = { assets: source.assets, origin: source.origin, problems: source.problems };
        search = source.search;
        mark('directory-loaded');
        // Stored for the next open once the page is idle (the text index is finishing in idle slices too).
        void whenIdle(2000)
          .then(() => writePanelPack(store, source, new Date(), crypto.randomUUID(), textStore))
          .catch(() => {});
      }
    } catch (err) {
      directory = await bundledOnly();
      directory.problems.unshift(`The saved directory could not be read (${String(err)}); showing the demo directory.`);
      search = undefined;
    }
  }
  if (!directory) directory = await bundledOnly();
  if (!search) {
    mark('directory-loaded');
    search = createAssetSearch(directory.assets, { today });
  }
  const settings = policyRead
    ? { loaded: policyRead, complete: true }
    : { loaded: await withoutPolicy, complete: false };
  return {
    settings: settings.loaded,
    settingsWithPolicy: settings.complete ? undefined : withPolicy,
    db,
    storageError,
    directory,
    search,
    assetsById: assetLookup(directory),
    complete,
  };
}
