import { checkAsset, isIsoDate, normaliseAsset } from './asset-rules';
import { type Db, DIRECTORY_REVISION_KEY, PANEL_PACK_KEY, panelSnapshotKeys } from './db';
import { clearRevisionMirror, setRevisionMirror } from './revision-mirror';
import { type Asset, type AssetStatus, STATUSES } from './types';

/**
 * The practice's directory in IndexedDB. Every write is one readwrite transaction over `assets` and
 * `meta`: if anything fails part-way the transaction is aborted and the previous directory stays as
 * it was — a half-imported directory is worse than a failed import.
 */

export const DIRECTORY_META_KEY = 'directory';

export interface DirectoryMeta {
  origin: 'stored';
  /** Where the current directory last came from: `csv`, `json`, `bundled`, `manual`, or a feed URL. */
  source: string;
  /** ISO timestamp of the last write, when the caller gave one. */
  updatedAt?: string;
}

export interface LoadedDirectory {
  assets: Asset[];
  origin: 'demo' | 'stored';
  updatedAt?: string;
  source?: string;
  /** Entries that were skipped because they break the asset rules, in plain English. */
  problems: string[];
}

export interface WriteMeta {
  source: string;
  at: string;
}

/** Thrown before anything is written when the assets given break the rules. */
export class DirectoryInputError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      problems.length === 1
        ? `The directory was not changed: ${problems[0]}`
        : `The directory was not changed: ${problems.length} entries have problems (first: ${problems[0]})`,
    );
    this.name = 'DirectoryInputError';
  }
}

/** Thrown when the browser refused the write; nothing was changed. */
export class DirectoryWriteError extends Error {
  constructor(cause: unknown) {
    super(
      `The directory could not be saved, so nothing was changed (${cause instanceof Error ? cause.message : String(cause)}).`,
    );
    this.name = 'DirectoryWriteError';
    this.cause = cause;
  }
}

export class AssetNotFoundError extends Error {
  constructor(id: string) {
    super(`There is no asset with id "${id}" in the directory. It may have been deleted or replaced by an import.`);
    this.name = 'AssetNotFoundError';
  }
}

function describe(asset: unknown, index: number): string {
  const a = (asset ?? {}) as Partial<Asset>;
  const name = typeof a.name === 'string' && a.name.trim() ? `"${a.name.trim()}"` : `number ${index + 1}`;
  return `entry ${name}`;
}

/** Validate entries, returning the good ones and one plain-English line per bad one. */
export function sortValid(entries: unknown[], label = 'entry'): { assets: Asset[]; problems: string[] } {
  const assets: Asset[] = [];
  const problems: string[] = [];
  entries.forEach((entry, i) => {
    const asset = normaliseAsset(entry);
    const issues = checkAsset(asset);
    if (!asset.id) issues.push({ field: 'id', message: 'id is missing' });
    if (issues.length === 0) assets.push(asset as Asset);
    else
      problems.push(
        `${describe(entry, i).replace('entry', label)} was skipped: ${issues.map((x) => x.message).join('; ')}`,
      );
  });
  return { assets, problems };
}

async function loadDemo(): Promise<{ assets: Asset[]; problems: string[] }> {
  // A dynamic import keeps the demo data in its own chunk, out of the side panel's JS budget.
  let data: unknown;
  try {
    const mod = (await import('../data/demo-directory.json')) as { default: unknown };
    data = mod.default;
  } catch (err) {
    return { assets: [], problems: [`The demo directory could not be loaded (${String(err)}).`] };
  }
  const entries = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { assets?: unknown }).assets)
      ? (data as { assets: unknown[] }).assets
      : null;
  if (!entries) return { assets: [], problems: ['The demo directory is not a list of assets.'] };
  const { assets, problems } = sortValid(
    entries.map((e) => (e && typeof e === 'object' ? { source: 'bundled', ...e } : e)),
    'demo entry',
  );
  const seen = new Set<string>();
  const unique = assets.filter((a) => {
    if (seen.has(a.id)) {
      problems.push(`demo entry "${a.name}" was skipped: id "${a.id}" is used by an earlier entry`);
      return false;
    }
    seen.add(a.id);
    return true;
  });
  return { assets: unique, problems };
}

function isMeta(value: unknown): value is DirectoryMeta {
  return !!value && typeof value === 'object' && (value as DirectoryMeta).origin === 'stored';
}

/**
 * The directory the panel should use: the stored one, or — when nothing has ever been stored — the
 * bundled demo directory. Entries that break the rules are skipped and listed in `problems`, so one
 * bad entry never blanks the panel.
 */
export async function loadDirectory(db: Db): Promise<LoadedDirectory> {
  const tx = db.transaction(['assets', 'meta'], 'readonly');
  const [meta, stored] = await Promise.all([
    tx.objectStore('meta').get(DIRECTORY_META_KEY),
    tx.objectStore('assets').getAll(),
    tx.done,
  ]);
  if (isMeta(meta) || stored.length > 0) {
    const { assets, problems } = sortValid(stored, 'stored entry');
    return {
      assets,
      origin: 'stored',
      updatedAt: isMeta(meta) ? meta.updatedAt : undefined,
      source: isMeta(meta) ? meta.source : undefined,
      problems,
    };
  }
  const demo = await loadDemo();
  return { assets: demo.assets, origin: 'demo', source: 'bundled', problems: demo.problems };
}

function validateAll(assets: Asset[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  assets.forEach((asset, i) => {
    const issues = checkAsset(asset).map((x) => x.message);
    if (typeof asset?.id !== 'string' || asset.id.trim() === '') issues.push('id is missing');
    else if (seen.has(asset.id)) issues.push(`id "${asset.id}" appears more than once`);
    else seen.add(asset.id);
    if (issues.length) problems.push(`${describe(asset, i)}: ${issues.join('; ')}`);
  });
  if (problems.length) throw new DirectoryInputError(problems);
}

type WriteTx = ReturnType<typeof openWrite>;

const ignore = () => {};
/** Queue a request; marking it handled now means a later abort cannot raise an unhandled rejection. */
function queue(pending: Promise<unknown>[], request: Promise<unknown>): void {
  request.catch(ignore);
  pending.push(request);
}
function openWrite(db: Db) {
  return db.transaction(['assets', 'meta'], 'readwrite');
}

/**
 * Run `work` inside one readwrite transaction. Requests are queued without awaiting each one (fast
 * for 10,000 assets); a synchronous failure (e.g. a value that cannot be stored) aborts the whole
 * transaction so nothing before it is committed.
 */
async function write<T>(db: Db, work: (tx: WriteTx) => Promise<T>): Promise<T> {
  // Gone before the write can commit, so no panel opening meanwhile trusts a copy of the old directory.
  await clearRevisionMirror();
  const revision = crypto.randomUUID();
  const tx = openWrite(db);
  // The side panel's ready-made copy is stale from this write on; deleting it here keeps them in step, and
  // the new revision stops a panel that read the old directory from storing a copy of it afterwards.
  tx.objectStore('meta').delete(PANEL_PACK_KEY).catch(ignore);
  tx.objectStore('meta').delete(panelSnapshotKeys()).catch(ignore);
  tx.objectStore('meta').put(revision, DIRECTORY_REVISION_KEY).catch(ignore);
  // Attach a handler now so an abort never surfaces as an unhandled rejection.
  const done = tx.done.then(
    () => undefined,
    (err: unknown) => err ?? new Error('the transaction was aborted'),
  );
  let result: T;
  try {
    result = await work(tx);
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: the rollback has happened either way.
    }
    await done;
    if (err instanceof AssetNotFoundError || err instanceof DirectoryInputError) throw err;
    throw new DirectoryWriteError(err);
  }
  const failure = await done;
  if (failure) throw new DirectoryWriteError(failure);
  await setRevisionMirror(revision);
  return result;
}

/** Seeds the store from the demo directory the first time someone edits it, so edits add to it. */
async function seedIfDemo(tx: WriteTx, demo: Asset[] | null, at?: string): Promise<void> {
  const meta = await tx.objectStore('meta').get(DIRECTORY_META_KEY);
  if (isMeta(meta)) return;
  const count = await tx.objectStore('assets').count();
  if (count === 0 && demo) {
    const assets = tx.objectStore('assets');
    const pending: Promise<unknown>[] = [];
    for (const a of demo) queue(pending, assets.put(a));
    await Promise.all(pending);
  }
  await putMeta(tx, { origin: 'stored', source: count === 0 && demo ? 'bundled' : 'manual', updatedAt: at });
}

async function putMeta(tx: WriteTx, meta: DirectoryMeta): Promise<void> {
  const clean: DirectoryMeta = { origin: 'stored', source: meta.source };
  if (meta.updatedAt) clean.updatedAt = meta.updatedAt;
  await tx.objectStore('meta').put(clean, DIRECTORY_META_KEY);
}

async function demoIfNeeded(db: Db): Promise<Asset[] | null> {
  const meta = await db.get('meta', DIRECTORY_META_KEY);
  if (isMeta(meta)) return null;
  return (await loadDemo()).assets;
}

/** Replace the whole directory (an import applied as a replacement). */
export async function replaceDirectory(db: Db, assets: Asset[], meta: WriteMeta): Promise<void> {
  validateAll(assets);
  await write(db, async (tx) => {
    const store = tx.objectStore('assets');
    const pending: Promise<unknown>[] = [];
    queue(pending, store.clear());
    for (const asset of assets) queue(pending, store.put(asset));
    queue(pending, putMeta(tx, { origin: 'stored', source: meta.source, updatedAt: meta.at }));
    await Promise.all(pending);
  });
}

/** Add or update assets by id, keeping every other asset (an import applied as a merge). */
export async function mergeDirectory(db: Db, assets: Asset[], meta: WriteMeta): Promise<void> {
  validateAll(assets);
  const demo = await demoIfNeeded(db);
  await write(db, async (tx) => {
    await seedIfDemo(tx, demo, meta.at);
    const store = tx.objectStore('assets');
    const pending: Promise<unknown>[] = [];
    for (const asset of assets) queue(pending, store.put(asset));
    queue(pending, putMeta(tx, { origin: 'stored', source: meta.source, updatedAt: meta.at }));
    await Promise.all(pending);
  });
}

async function currentMeta(tx: WriteTx): Promise<DirectoryMeta> {
  const meta = await tx.objectStore('meta').get(DIRECTORY_META_KEY);
  return isMeta(meta) ? meta : { origin: 'stored', source: 'manual' };
}

/** Save one asset (new or edited). `now` is an ISO timestamp recorded as the directory's update time. */
export async function putAsset(db: Db, asset: Asset, now: string): Promise<Asset> {
  validateAll([asset]);
  const demo = await demoIfNeeded(db);
  await write(db, async (tx) => {
    await seedIfDemo(tx, demo, now);
    const meta = await currentMeta(tx);
    const pending: Promise<unknown>[] = [];
    queue(pending, tx.objectStore('assets').put(asset));
    queue(pending, putMeta(tx, { ...meta, updatedAt: now }));
    await Promise.all(pending);
  });
  return asset;
}

/** Remove one asset. Returns false when there was no such asset (nothing to do). */
export async function deleteAsset(db: Db, id: string, now?: string): Promise<boolean> {
  const demo = await demoIfNeeded(db);
  return write(db, async (tx) => {
    await seedIfDemo(tx, demo, now);
    const store = tx.objectStore('assets');
    const existing = await store.get(id);
    if (!existing) return false;
    const meta = await currentMeta(tx);
    await Promise.all([store.delete(id), putMeta(tx, now ? { ...meta, updatedAt: now } : meta)]);
    return true;
  });
}

async function update(db: Db, id: string, change: (asset: Asset) => Asset, now?: string): Promise<Asset> {
  const demo = await demoIfNeeded(db);
  return write(db, async (tx) => {
    await seedIfDemo(tx, demo, now);
    const store = tx.objectStore('assets');
    const existing = await store.get(id);
    if (!existing) throw new AssetNotFoundError(id);
    const next = change(existing);
    const meta = await currentMeta(tx);
    await Promise.all([store.put(next), putMeta(tx, now ? { ...meta, updatedAt: now } : meta)]);
    return next;
  });
}

/** Mark an asset active or inactive (inactive assets are never offered to patients). */
export async function setAssetStatus(db: Db, id: string, status: AssetStatus, now?: string): Promise<Asset> {
  if (!(STATUSES as readonly string[]).includes(status)) {
    throw new DirectoryInputError([`status "${String(status)}" must be one of ${STATUSES.join(', ')}`]);
  }
  return update(db, id, (asset) => ({ ...asset, status }), now);
}

/** Record that someone checked the asset's details today (`today` is YYYY-MM-DD). */
export async function markVerified(db: Db, id: string, today: string): Promise<Asset> {
  const day = today.slice(0, 10);
  if (!isIsoDate(day)) throw new DirectoryInputError([`"${today}" is not a date in the form YYYY-MM-DD`]);
  return update(db, id, (asset) => ({ ...asset, lastVerified: day }), today);
}
