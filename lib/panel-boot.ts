import { type Db, openCareDb, StorageUnavailableError } from './db';
import { loadDirectory, sortValid } from './directory-store';
import { readPanelSnapshot, writePanelSnapshot } from './panel-snapshot';
import { type AssetSearch, createAssetSearch } from './search';
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
  assetsById: Map<string, Asset>;
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
export async function bootPanel(today: string, mark: (name: string) => void = () => {}): Promise<PanelData> {
  const settingsP = loadSettings().catch(
    (err): LoadedSettings => ({
      settings: undefined as never,
      locked: [],
      problems: [`Settings could not be read (${String(err)}); defaults are in use.`],
    }),
  );
  let db: Db | null = null;
  let storageError: string | null = null;
  try {
    db = await openCareDb();
  } catch (err) {
    storageError = err instanceof StorageUnavailableError ? err.message : `Storage failed to open: ${String(err)}`;
  }
  mark('db-open');
  let directory: PanelDirectory;
  if (db) {
    try {
      const snapshot = await readPanelSnapshot(db).catch(() => null);
      if (snapshot) {
        directory = { assets: snapshot.assets, origin: 'stored', problems: snapshot.problems };
      } else {
        const loaded = await loadDirectory(db);
        directory = { assets: loaded.assets, origin: loaded.origin, problems: loaded.problems ?? [] };
        // The demo directory is small and bundled: only a stored directory is worth a snapshot.
        if (loaded.origin === 'stored')
          void writePanelSnapshot(db, loaded.assets, directory.problems, new Date()).catch(() => {});
      }
    } catch (err) {
      directory = await bundledOnly();
      directory.problems.unshift(`The saved directory could not be read (${String(err)}); showing the demo directory.`);
    }
  } else {
    directory = await bundledOnly();
  }
  mark('directory-loaded');
  const search = createAssetSearch(directory.assets, { today });
  mark('index-built');
  const settings = await settingsP;
  if (!settings.settings) settings.settings = { ...DEFAULT_SETTINGS };
  return {
    settings,
    db,
    storageError,
    directory,
    search,
    assetsById: new Map(directory.assets.map((a) => [a.id, a])),
  };
}
