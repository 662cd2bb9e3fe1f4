import { type Db, DIRECTORY_REVISION_KEY, PANEL_PACK_KEY, PANEL_SNAPSHOT_KEY, panelSnapshotKeys } from './db';
import { loadDirectory } from './directory-store';
import { pageTextStore, type TextStore, writeQuickCopy } from './panel-quick-copy';
import {
  type AssetSearch,
  createAssetSearch,
  type PackedFilters,
  type PackedIndex,
  restoreAssetSearch,
  type SearchOptions,
} from './search';
import type { Asset, Cost, Delivery, Referral } from './types';

/**
 * The side panel's ready-made copy of the directory, so opening it with a county-sized directory costs one
 * small read instead of reading, checking and indexing 10,000 records. Two kinds of record in `meta`:
 *
 * - the *pack* (read at open): the search index as built last time, and each indexed asset trimmed to what
 *   ranking, filters and the results list use (about a fifth of the bytes: no descriptions);
 * - the *snapshot* (read in idle time once the search box is usable): every asset in full, as JSON strings
 *   of `SNAPSHOT_PART` assets each, which IndexedDB hands back several times faster than separate objects.
 *
 * Both are written in one transaction with the same stamp, and only if the directory has not changed since
 * it was read (`directory-revision`). Every directory write deletes both and changes the revision
 * (`directory-store.ts`), so the panel can never show an older directory; the next open rebuilds them.
 * A pack built by another version of the search code or demo data is ignored, because the stored index
 * must match the code that reads queries against it.
 */
export const PANEL_CACHE_VERSION = 3;

declare const __PANEL_CACHE_BUILD__: string | undefined;
/** Set at build time from the search code and demo data (wxt.config.ts); tests and benches run as "dev". */
export const PANEL_CACHE_BUILD = typeof __PANEL_CACHE_BUILD__ === 'string' ? __PANEL_CACHE_BUILD__ : 'dev';

export interface PanelPack {
  version: number;
  build: string;
  stamp: string;
  origin: 'demo' | 'stored';
  /** Plain-English problems found when the directory was read (skipped entries). */
  problems: string[];
  /** The indexed assets trimmed to what the results list shows (`TrimmedColumns` as JSON), in index order. */
  trimmed: string;
  index: PackedIndex;
  /** `directory-revision` of the directory this pack was built from. */
  revision: unknown;
  /** Number of full-snapshot records written with this pack. */
  snapshotParts: number;
  builtAt: string;
}

/** One part of the full snapshot; see `SNAPSHOT_PART`. */
interface SnapshotPart {
  version: number;
  stamp: string;
  /** JSON array of valid assets, in full. */
  assetsJson: string;
}

/**
 * Assets per snapshot record. The full snapshot is read after the search box is usable, while someone may
 * already be typing, so it comes in parts small enough to read and parse in a few milliseconds each.
 */
export const SNAPSHOT_PART = 500;

const partKey = (i: number) => `${PANEL_SNAPSHOT_KEY}:${i}`;

/**
 * What the results list reads that the stored index does not already hold, one column per field (fewer,
 * larger values to parse at open than one small array per asset). Cost, referral, delivery, ages and area
 * come back from the index's filter columns; only active assets are indexed, so no status is kept either.
 */
interface TrimmedColumns {
  ids: string[];
  names: string[];
  /** Each asset's category ids, space-separated (ids are slugs). */
  categories: string[];
  waitingWeeks: (number | null)[];
  lastVerified: (string | null)[];
}

function trimColumns(assets: Asset[]): string {
  const columns: TrimmedColumns = {
    ids: assets.map((a) => a.id),
    names: assets.map((a) => a.name),
    categories: assets.map((a) => a.categories.join(' ')),
    waitingWeeks: assets.map((a) => a.waitingWeeks ?? null),
    lastVerified: assets.map((a) => a.lastVerified ?? null),
  };
  return JSON.stringify(columns);
}

function fitsColumns(c: Partial<TrimmedColumns> | null, n: number): c is TrimmedColumns {
  return (
    !!c &&
    [c.ids, c.names, c.categories, c.waitingWeeks, c.lastVerified].every(
      (col) => Array.isArray(col) && col.length === n,
    )
  );
}

const COSTS: (Cost | undefined)[] = [undefined, 'free', 'low', 'paid'];
const REFERRALS: (Referral | undefined)[] = [undefined, 'self', 'professional', 'link_worker'];
const DELIVERIES: (Delivery[] | undefined)[] = Array.from({ length: 8 }, (_, bits) => {
  const list = (['in_person', 'phone', 'online'] as const).filter((_, i) => bits & (1 << i));
  return list.length ? list : undefined;
});

/** Every trimmed asset has the same keys in the same order, so the code that ranks them stays fast. */
function untrim(c: TrimmedColumns, a: number, f: PackedFilters): Asset {
  return {
    id: c.ids[a],
    name: c.names[a],
    categories: c.categories[a].split(' '),
    status: 'active',
    cost: COSTS[f.cost[a]],
    referral: REFERRALS[f.referral[a]],
    delivery: DELIVERIES[f.delivery[a]],
    minAge: Number.isFinite(f.minAge[a]) ? f.minAge[a] : undefined,
    maxAge: Number.isFinite(f.maxAge[a]) ? f.maxAge[a] : undefined,
    waitingWeeks: c.waitingWeeks[a] ?? undefined,
    lastVerified: c.lastVerified[a] ?? undefined,
    area: f.areas[f.areaOf[a]] || undefined,
  };
}

export interface OpenedPack {
  origin: 'demo' | 'stored';
  problems: string[];
  stamp: string;
  snapshotParts: number;
  /**
   * The indexed assets, trimmed until `readFullSnapshot` completes them. Made on first call (the search
   * makes them when first needed too, and both get the same objects): opening restores only the index.
   */
  assets: () => Asset[];
  search: AssetSearch;
  /**
   * The pack as stored, to copy elsewhere (`writeQuickCopy`). Its `revision` is the directory's it was built
   * from: use the pack only while that is still the directory's.
   */
  stored: PanelPack;
}

/** A pack built by this code, whichever store it came from; null for another version's or a damaged one. */
function currentBuild(raw: Partial<PanelPack> | null | undefined): raw is PanelPack {
  return !!raw && raw.version === PANEL_CACHE_VERSION && raw.build === PANEL_CACHE_BUILD;
}

/**
 * The stored pack if it was built by this code from the directory as it is now, else null. Pack and revision
 * are read together, so the check holds for the directory at this moment.
 */
async function readCurrentPack(db: Db): Promise<PanelPack | null> {
  const tx = db.transaction('meta');
  const [raw, revision] = (await Promise.all([
    tx.store.get(PANEL_PACK_KEY),
    tx.store.get(DIRECTORY_REVISION_KEY),
    tx.done,
  ])) as [Partial<PanelPack> | undefined, unknown, unknown];
  // The revision check is belt and braces: every directory write also deletes the pack.
  return currentBuild(raw) && raw.revision === revision ? raw : null;
}

/**
 * A pack as a ready search, or null when it is not one this code built or it is damaged (the caller then
 * reads the directory itself). Does not check the revision: see `openPanelPack` and the quick copy.
 */
export function restorePanelPack(raw: Partial<PanelPack> | null, options: SearchOptions): OpenedPack | null {
  if (
    !currentBuild(raw) ||
    typeof raw.trimmed !== 'string' ||
    !raw.index ||
    typeof raw.stamp !== 'string' ||
    typeof raw.snapshotParts !== 'number'
  )
    return null;
  try {
    // Parsed now, so a damaged list is found at open (and the directory read instead), not at a query.
    const columns = JSON.parse(raw.trimmed) as Partial<TrimmedColumns> | null;
    const filters = raw.index.filters;
    const n = raw.index.assets;
    if (!fitsColumns(columns, n) || filters?.cost?.length !== n || !Array.isArray(filters.areas)) return null;
    let made: Asset[] | undefined;
    const assets = () => {
      made ??= columns.ids.map((_, a) => untrim(columns, a, filters));
      return made;
    };
    const search = restoreAssetSearch({ count: n, build: assets }, raw.index, options);
    return {
      origin: raw.origin === 'stored' ? 'stored' : 'demo',
      problems: Array.isArray(raw.problems) ? raw.problems : [],
      stamp: raw.stamp,
      snapshotParts: raw.snapshotParts,
      assets,
      search,
      stored: raw,
    };
  } catch {
    // A damaged pack is only a cache: the caller falls back to the directory itself.
    return null;
  }
}

/** The pack stored in IndexedDB as a ready search, or null when there is none usable (the caller rebuilds). */
export async function openPanelPack(db: Db, options: SearchOptions): Promise<OpenedPack | null> {
  return restorePanelPack(await readCurrentPack(db), options);
}

/**
 * Every asset in full, from the snapshot written with `pack`, a part at a time with `pause` (an idle wait in
 * the panel) before each, so typing is never held up for long. Null when any part is missing or damaged.
 */
export async function readFullSnapshot(
  db: Db,
  pack: Pick<OpenedPack, 'stamp' | 'snapshotParts'>,
  pause: () => Promise<void> = async () => {},
): Promise<Asset[] | null> {
  const all: Asset[] = [];
  for (let i = 0; i < pack.snapshotParts; i++) {
    await pause();
    const raw = (await db.get('meta', partKey(i))) as Partial<SnapshotPart> | undefined;
    if (!raw || raw.version !== PANEL_CACHE_VERSION || raw.stamp !== pack.stamp || typeof raw.assetsJson !== 'string')
      return null;
    try {
      const part = JSON.parse(raw.assetsJson) as Asset[];
      if (!Array.isArray(part)) return null;
      for (const a of part) all.push(a);
    } catch {
      return null;
    }
  }
  return all;
}

/** The directory's revision now: read before the directory, compared when the pack is written. */
export async function directoryRevision(db: Db): Promise<unknown> {
  return db.get('meta', DIRECTORY_REVISION_KEY);
}

export interface PackSource {
  origin: 'demo' | 'stored';
  problems: string[];
  /** Every valid asset (the snapshot), and the search built over them (its active ones). */
  assets: Asset[];
  search: AssetSearch;
  /** `directoryRevision` as it was before `assets` were read. */
  revision: unknown;
}

/**
 * Stores the pack and snapshot for the next open. Returns false, writing nothing, when the directory has
 * been changed since it was read: a pack of the old directory must never outlive the write that replaced it.
 */
export async function writePanelPack(
  db: Db,
  source: PackSource,
  now: Date,
  stamp: string,
  quick: TextStore | null = pageTextStore(),
): Promise<boolean> {
  const indexed = source.assets.filter((a) => a && a.status !== 'inactive');
  const parts: SnapshotPart[] = [];
  for (let i = 0; i < source.assets.length; i += SNAPSHOT_PART)
    parts.push({
      version: PANEL_CACHE_VERSION,
      stamp,
      assetsJson: JSON.stringify(source.assets.slice(i, i + SNAPSHOT_PART)),
    });
  const pack: PanelPack = {
    version: PANEL_CACHE_VERSION,
    build: PANEL_CACHE_BUILD,
    stamp,
    origin: source.origin,
    problems: source.problems,
    trimmed: trimColumns(indexed),
    index: source.search.exportIndex(),
    revision: source.revision,
    snapshotParts: parts.length,
    builtAt: now.toISOString(),
  };
  const tx = db.transaction('meta', 'readwrite');
  const meta = tx.objectStore('meta');
  if ((await meta.get(DIRECTORY_REVISION_KEY)) !== source.revision) {
    tx.abort();
    await tx.done.catch(() => {});
    return false;
  }
  await Promise.all([
    meta.delete(panelSnapshotKeys()),
    meta.put(pack, PANEL_PACK_KEY),
    ...parts.map((p, i) => meta.put(p, partKey(i))),
    tx.done,
  ]);
  writeQuickCopy(quick, pack);
  return true;
}

/**
 * Builds and stores the pack for the current directory unless a usable one is already stored. Called after
 * directory writes by whoever made them (the dashboard, the feed refresh), so the side panel's next open is
 * a fast one rather than the one that pays for reading and indexing every record. Returns whether it wrote.
 */
export async function ensurePanelPack(db: Db, now: Date): Promise<boolean> {
  if (await readCurrentPack(db)) return false;
  return writePanelPack(db, await readPackSource(db, { buildIndex: 'now' }), now, crypto.randomUUID());
}

/**
 * The directory itself, read and indexed: what a pack is built from. The revision is read first, so a write
 * that lands in between makes `writePanelPack` refuse this source rather than store an older directory.
 */
export async function readPackSource(db: Db, options: SearchOptions): Promise<PackSource> {
  const revision = await directoryRevision(db);
  const loaded = await loadDirectory(db);
  return {
    origin: loaded.origin,
    problems: loaded.problems ?? [],
    assets: loaded.assets,
    search: createAssetSearch(loaded.assets, options),
    revision,
  };
}
