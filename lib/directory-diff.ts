import { ASSET_FIELDS } from './asset-rules';
import type { Asset, Issue, ParseResult, Warning } from './types';

/**
 * What applying an import would do to the current directory, for the preview a practice lead sees
 * before anything is written.
 */
export interface AssetChange {
  before: Asset;
  after: Asset;
  /** Asset field names whose values differ (never `source`). */
  fields: (keyof Asset)[];
}

export interface DirectoryDiff {
  /** In the import, not in the current directory. */
  added: Asset[];
  changed: AssetChange[];
  /** In both and the same (the imported copy). */
  unchanged: Asset[];
  /** In the current directory, not in the import: removed if the import replaces the directory. */
  missing: Asset[];
  /** Rows or services the import rejected. */
  rejected: Issue[];
  warnings: Warning[];
}

// Where an asset came from is bookkeeping, not content: re-importing the same data from another
// file type must not mark every asset as changed.
const COMPARED = ASSET_FIELDS.filter((f) => f !== 'source');
// Order carries no meaning in these lists.
const SETS = new Set<keyof Asset>(['categories', 'delivery', 'languages', 'keywords']);

function same(field: keyof Asset, a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? [...a] : [];
    const y = Array.isArray(b) ? [...b] : [];
    if (x.length !== y.length) return false;
    if (SETS.has(field)) {
      x.sort();
      y.sort();
    }
    return x.every((v, i) => v === y[i]);
  }
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  if (blank(a) && blank(b)) return true;
  return a === b;
}

export function changedFields(before: Asset, after: Asset): (keyof Asset)[] {
  return COMPARED.filter((f) => !same(f, before[f], after[f]));
}

export function diffDirectory(current: Asset[], incoming: ParseResult): DirectoryDiff {
  const byId = new Map(current.map((a) => [a.id, a]));
  const seen = new Set<string>();
  const diff: DirectoryDiff = {
    added: [],
    changed: [],
    unchanged: [],
    missing: [],
    rejected: [...incoming.errors],
    warnings: [...incoming.warnings],
  };
  for (const after of incoming.assets) {
    seen.add(after.id);
    const before = byId.get(after.id);
    if (!before) {
      diff.added.push(after);
      continue;
    }
    const fields = changedFields(before, after);
    if (fields.length) diff.changed.push({ before, after, fields });
    else diff.unchanged.push(after);
  }
  for (const asset of current) if (!seen.has(asset.id)) diff.missing.push(asset);
  return diff;
}
