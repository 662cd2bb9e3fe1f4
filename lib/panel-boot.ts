import { wrap } from 'idb';
import { type Db, openCareDb, StorageUnavailableError } from './db';
import { loadDirectory, sortValid } from './directory-store';
import { pageTextStore, readQuickCopy, type TextStore, writeQuickCopy } from './panel-quick-copy';
import {
  directoryRevision,
  type OpenedPack,
  openPanelPack,
  readFullSnapshot,
  readPackSource,
  restorePanelPack,
  writePanelPack,
} from './panel-snapshot';
import { mirrorOf, readRevisionMirror, setRevisionMirror } from './revision-mirror';
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
  /**
   * Set when the panel opened from its quick copy before IndexedDB had opened (`db` is null until then):
   * resolves with the connection once it is open, and with the directory IndexedDB holds if that turns out
   * not to be the one the copy was built from.
   */
  storage?: Promise<StorageArrival>;
}

/** What `PanelData.storage` brings: the connection, and a replacement directory only if it changed. */
export interface StorageArrival {
  db: Db | null;
  storageError: string | null;
  changed?: Pick<PanelData, 'directory' | 'search' | 'assetsById' | 'complete'>;
}

/** The panel's connection and any storage error: at once, or once IndexedDB has opened behind a quick copy. */
export async function panelStorage(
  data: Pick<PanelData, 'db' | 'storage' | 'storageError'>,
): Promise<Pick<StorageArrival, 'db' | 'storageError'>> {
  return (await data.storage) ?? { db: data.db, storageError: data.storageError };
}

/** The panel's connection: at once, or once IndexedDB has opened behind a quick copy. */
export async function panelDb(data: Pick<PanelData, 'db' | 'storage' | 'storageError'>): Promise<Db | null> {
  return (await panelStorage(data)).db;
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

/** What public/panel-open-storage.js left on the page under `name`, taken once so it is used only once. */
function takeEarly<T>(name: 'careDbOpening' | 'careRevisionMirror' | 'careSettingsRead'): T | undefined {
  const holder = globalThis as Record<string, unknown>;
  const early = holder[name] as T | undefined;
  holder[name] = undefined;
  return early;
}

/**
 * The connection `public/panel-open-storage.js` started opening before this script loaded (with the
 * directory's revision, read as it opened), or a new one. That script never upgrades the database; when
 * it could not open it as it is, openCareDb does.
 */
async function takeEarlyConnection(): Promise<Opened> {
  const early = takeEarly<Promise<{ db: IDBDatabase; revision?: { value: unknown } } | null>>('careDbOpening');
  const opened = early ? await early.catch(() => null) : null;
  if (opened?.db) return { db: wrap(opened.db) as unknown as Db, revision: opened.revision };
  return { db: await openCareDb() };
}

/** The mirror public/panel-open-storage.js asked extension storage for, or a new request for it. */
function takeEarlyMirror(): Promise<unknown> {
  const early = takeEarly<Promise<unknown>>('careRevisionMirror');
  return early ? early.catch(() => undefined) : readRevisionMirror();
}

/** The settings read public/panel-open-storage.js started with the mirror's, if it did. */
function takeEarlySettings(): Promise<Record<string, unknown>> | undefined {
  return takeEarly<Promise<Record<string, unknown>>>('careSettingsRead');
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

/** The revision IndexedDB holds, as read while it opened or now. */
async function confirmedRevision(db: Db, opened: Opened | null): Promise<unknown> {
  return opened?.revision ? opened.revision.value : directoryRevision(db);
}

type FromStorage = Pick<PanelData, 'directory' | 'search' | 'complete'>;

/** A directory and search from a stored pack, with the full records read later from `store`. */
function fromPack(pack: OpenedPack, store: () => Promise<Db | null>): FromStorage {
  // The assets are made on first need (a search, a signpost), not at open.
  const directory: PanelDirectory = {
    get assets() {
      return pack.assets();
    },
    origin: pack.origin,
    problems: pack.problems,
  };
  const complete = async () => {
    const db = await store();
    if (!db) throw new Error('storage is not available');
    // Only a damaged or half-written cache lacks its snapshot: then the directory itself is read.
    const full =
      (await readFullSnapshot(db, pack, () => whenIdle()).catch(() => null)) ?? (await loadDirectory(db)).assets;
    pack.search.completeAssets(full);
    return { origin: directory.origin, problems: directory.problems, assets: full };
  };
  return { directory, search: pack.search, complete };
}

/**
 * The directory and search from IndexedDB: the quick copy when IndexedDB confirms it, else the stored
 * pack, else the directory itself (storing a pack and quick copy for next time); the bundled demo
 * directory when there is no database.
 */
async function fromStorage(
  db: Db | null,
  opened: Opened | null,
  quick: OpenedPack | null,
  today: string,
  mark: (name: string) => void,
  textStore: TextStore | null,
  mirrored: unknown,
): Promise<FromStorage> {
  let directory: PanelDirectory | undefined;
  let search: AssetSearch | undefined;
  let complete: PanelData['complete'];
  if (db) {
    const store = db;
    try {
      const revision = await confirmedRevision(store, opened);
      // Puts back a mirror that a failed write removed, or one from before the mirror existed.
      if (mirrorOf(revision) !== mirrored) void setRevisionMirror(revision);
      const current = quick && quick.stored.revision === revision ? quick : null;
      current?.search.prepareWhenIdle?.();
      const pack = current ?? (await openPanelPack(store, { today }).catch(() => null));
      if (pack) {
        mark('directory-loaded');
        ({ directory, search, complete } = fromPack(pack, async () => store));
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
      complete = undefined;
    }
  }
  if (!directory) directory = await bundledOnly();
  if (!search) {
    mark('directory-loaded');
    search = createAssetSearch(directory.assets, { today });
  }
  return { directory, search, complete };
}

/**
 * Everything the side panel needs before its search box is usable. Settings, database and directory are
 * independent, so they load in parallel; a failure in one becomes a message, never a blank panel.
 */
export async function bootPanel(
  today: string,
  mark: (name: string) => void = () => {},
  textStore: TextStore | null = pageTextStore(),
  mirror: Promise<unknown> = takeEarlyMirror(),
): Promise<PanelData> {
  // IndexedDB takes tens of milliseconds to open; the quick copy is restored meanwhile and used once the
  // revision's mirror (lib/revision-mirror.ts) or, failing that, the database confirms it was built from
  // the directory as it is now (lib/panel-quick-copy.ts).
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
  const stored = takeEarlySettings();
  const withPolicy = loadSettings({ stored })
    .catch(unreadable)
    .then((loaded) => {
      policyRead = loaded;
      return loaded;
    });
  const withoutPolicy = loadSettings({ policy: false, stored }).catch(unreadable);
  const quick = restorePanelPack(readQuickCopy(textStore), { today, prepareLater: true });
  if (quick) mark('quick-copy-restored');
  const settingsNow = async () =>
    policyRead ? { loaded: policyRead, complete: true } : { loaded: await withoutPolicy, complete: false };

  const mirrored = await mirror;
  if (quick && mirrored !== undefined && mirrored === mirrorOf(quick.stored.revision)) {
    // The copy is of the directory as it is now: search from it while IndexedDB finishes opening.
    mark('revision-mirrored');
    quick.search.prepareWhenIdle?.();
    const storage = opening.then(async ({ opened, error }): Promise<StorageArrival> => {
      const db = opened?.db ?? null;
      mark('db-open');
      const unread = Symbol('unread');
      const revision = db ? await confirmedRevision(db, opened).catch(() => unread) : unread;
      if (db && revision === quick.stored.revision) return { db, storageError: error };
      // Changed without the mirror knowing (or storage failed): show what IndexedDB holds instead.
      const read = await fromStorage(db, opened, null, today, mark, textStore, mirrored);
      return { db, storageError: error, changed: { ...read, assetsById: assetLookup(read.directory) } };
    });
    const fromCopy = fromPack(quick, async () => (await storage).db);
    const settings = await settingsNow();
    return {
      settings: settings.loaded,
      settingsWithPolicy: settings.complete ? undefined : withPolicy,
      db: null,
      storageError: null,
      ...fromCopy,
      assetsById: assetLookup(fromCopy.directory),
      storage,
    };
  }

  const { opened, error: storageError } = await opening;
  const db = opened?.db ?? null;
  mark('db-open');
  const { directory, search, complete } = await fromStorage(db, opened, quick, today, mark, textStore, mirrored);
  const settings = await settingsNow();
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
