import type { Db } from './db';
import type { Asset } from './types';

/**
 * A ready-to-use copy of the stored directory for the side panel, so opening the panel with a county-sized
 * directory does not re-read and re-check 10,000 records. The assets are kept as one JSON string: reading
 * a single string from IndexedDB and JSON.parse-ing it is several times faster than structured-cloning
 * 10,000 objects. Every directory write deletes it in the same transaction (`directory-store.ts`), so a
 * snapshot can never be older than the directory; the next panel open rebuilds it.
 */
export const PANEL_SNAPSHOT_KEY = 'panel-snapshot';
export const PANEL_SNAPSHOT_VERSION = 1;

export interface PanelSnapshot {
  version: number;
  /** JSON array of the directory's valid assets. */
  assetsJson: string;
  /** Plain-English problems found when the snapshot was built (skipped entries). */
  problems: string[];
  builtAt: string;
}

export async function readPanelSnapshot(db: Db): Promise<{ assets: Asset[]; problems: string[] } | null> {
  const raw = (await db.get('meta', PANEL_SNAPSHOT_KEY)) as Partial<PanelSnapshot> | undefined;
  if (!raw || raw.version !== PANEL_SNAPSHOT_VERSION || typeof raw.assetsJson !== 'string') return null;
  try {
    const assets = JSON.parse(raw.assetsJson) as Asset[];
    return Array.isArray(assets) ? { assets, problems: Array.isArray(raw.problems) ? raw.problems : [] } : null;
  } catch {
    // A damaged snapshot is only a cache: fall back to the directory itself.
    return null;
  }
}

export async function writePanelSnapshot(db: Db, assets: Asset[], problems: string[], now: Date): Promise<void> {
  const snapshot: PanelSnapshot = {
    version: PANEL_SNAPSHOT_VERSION,
    assetsJson: JSON.stringify(assets),
    problems,
    builtAt: now.toISOString(),
  };
  await db.put('meta', snapshot, PANEL_SNAPSHOT_KEY);
}
