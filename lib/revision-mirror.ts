import { browser } from 'wxt/browser';

/**
 * A copy of the directory's revision (IndexedDB `meta` → `directory-revision`) in extension storage.
 *
 * Why: the side panel opens from its quick copy (lib/panel-quick-copy.ts) only once it knows the copy was
 * built from the directory as it is now. Asking IndexedDB means opening it, and Chromium takes 15 ms to
 * open it on a quiet machine but 70 ms or more while the browser is busy, which is longer than the rest of
 * the panel's start-up; `storage.local` answers in about a third of that. IndexedDB still confirms the
 * revision once it is open, and a panel that finds the mirror wrong swaps to the directory IndexedDB holds.
 *
 * How it stays right: every directory write (lib/directory-store.ts) removes the mirror before its
 * transaction starts and sets it to the new revision once the transaction has committed. A write that
 * fails, or a worker stopped half-way, leaves no mirror, so panels take the slower, certain path until one
 * of them reads the revision from IndexedDB and puts the mirror back.
 */

/** Key in `storage.local`; public/panel-open-storage.js reads it too (a unit test keeps them the same). */
export const REVISION_MIRROR_KEY = 'directoryRevision';

/**
 * How a revision is mirrored. A directory never written (the bundled demo) has no revision in IndexedDB;
 * that state is mirrored too, as a word no write produces (writes use UUIDs), so a fresh install opens fast.
 */
export function mirrorOf(revision: unknown): string | undefined {
  if (typeof revision === 'string') return revision;
  return revision === undefined ? 'never-written' : undefined;
}

/** The mirrored revision, or undefined when there is none or extension storage cannot be read. */
export async function readRevisionMirror(): Promise<string | undefined> {
  try {
    const value = (await browser.storage.local.get(REVISION_MIRROR_KEY))[REVISION_MIRROR_KEY];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes the mirror before a directory write. Never throws: if extension storage fails here it fails for
 * the panel too, and the panel then checks IndexedDB itself.
 */
export async function clearRevisionMirror(): Promise<void> {
  try {
    await browser.storage.local.remove(REVISION_MIRROR_KEY);
  } catch {
    // See above: the panel's own check in IndexedDB still holds.
  }
}

/** Records `revision` as the directory's, after a write has committed or a panel has read it from IndexedDB. */
export async function setRevisionMirror(revision: unknown): Promise<void> {
  const value = mirrorOf(revision);
  if (value === undefined) return;
  try {
    await browser.storage.local.set({ [REVISION_MIRROR_KEY]: value });
  } catch {
    // A missing mirror only makes the next panel open take the slower path.
  }
}
