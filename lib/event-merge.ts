import type { Db } from './db';
import { MAX_DESK_LENGTH, validateEvent } from './log';
import type { SignpostEvent } from './types';

/**
 * Combining desks: each desk exports its log as a JSON file and the lead imports them into one
 * dashboard. A file is all or nothing: every event is validated with the same rules as `logEvent`
 * before anything is written, and the writes for one file share one transaction. Events are matched
 * by id, so importing the same file twice adds nothing the second time.
 */

export const DESK_FILE_FORMAT = 'care-navigation-log';
export const DESK_FILE_VERSION = 1;

export interface DeskFile {
  format: typeof DESK_FILE_FORMAT;
  version: typeof DESK_FILE_VERSION;
  desk: string;
  events: SignpostEvent[];
}

export class DeskFileError extends Error {
  constructor(
    public readonly fileName: string,
    reason: string,
  ) {
    super(`"${fileName}" was not imported, and nothing from it was added: ${reason}`);
    this.name = 'DeskFileError';
  }
}

export function buildDeskFile(desk: string, events: readonly SignpostEvent[]): DeskFile {
  return { format: DESK_FILE_FORMAT, version: DESK_FILE_VERSION, desk, events: events.map((e) => validateEvent(e)) };
}

/** The whole log of this desk as desk-file text (events oldest first). */
export async function exportDeskFile(db: Db, desk: string): Promise<string> {
  const events = await db.getAllFromIndex('events', 'at');
  return JSON.stringify(buildDeskFile(desk, events), null, 1);
}

/** `care-navigation-log-front-desk-2025-03-31.json` */
export function deskFileName(desk: string, day: string): string {
  const slug = desk
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `care-navigation-log-${slug ? `${slug}-` : ''}${day}.json`;
}

/** Validates a desk file completely; throws DeskFileError naming the file and the first problem. */
export function parseDeskFile(fileName: string, text: string): DeskFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new DeskFileError(
      fileName,
      'it is not a valid JSON file. Choose a file exported with "Export this desk\'s log".',
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new DeskFileError(
      fileName,
      'it is not a desk log file (expected an object with "format": "care-navigation-log").',
    );
  const file = raw as Record<string, unknown>;
  if (file.format !== DESK_FILE_FORMAT)
    throw new DeskFileError(
      fileName,
      `it is not a desk log file ("format" should be "${DESK_FILE_FORMAT}"). Directory files are imported on the Directory tab.`,
    );
  if (file.version !== DESK_FILE_VERSION)
    throw new DeskFileError(
      fileName,
      typeof file.version === 'number' && file.version > DESK_FILE_VERSION
        ? `it was made by a newer version of the extension (file version ${file.version}). Update this extension, then import it again.`
        : `its "version" should be ${DESK_FILE_VERSION}.`,
    );
  if (typeof file.desk !== 'string' || file.desk.length > MAX_DESK_LENGTH)
    throw new DeskFileError(fileName, `its "desk" must be text of up to ${MAX_DESK_LENGTH} characters.`);
  if (!Array.isArray(file.events)) throw new DeskFileError(fileName, 'its "events" must be a list.');
  const events: SignpostEvent[] = [];
  const seen = new Map<string, string>();
  file.events.forEach((rawEvent, i) => {
    let event: SignpostEvent;
    try {
      event = validateEvent(rawEvent);
    } catch (err) {
      const id = (rawEvent as { id?: unknown } | null)?.id;
      const which = typeof id === 'string' && id.length <= 60 ? ` (id "${id}")` : '';
      throw new DeskFileError(fileName, `event ${i + 1}${which}: ${(err as Error).message}`);
    }
    const json = JSON.stringify(event);
    const earlier = seen.get(event.id);
    if (earlier === undefined) {
      seen.set(event.id, json);
      events.push(event);
    } else if (earlier !== json) {
      throw new DeskFileError(
        fileName,
        `event ${i + 1} has the same id ("${event.id}") as an earlier event in the file but different details, so the file may have been edited.`,
      );
    }
  });
  return { format: DESK_FILE_FORMAT, version: DESK_FILE_VERSION, desk: file.desk, events };
}

export interface ImportedFile {
  name: string;
  desk: string;
  added: number;
  /** Already in this log (same id), so skipped. */
  duplicates: number;
  /** Of the duplicates, how many had different details from the stored event (the stored one was kept). */
  conflicting: number;
}

export interface FailedFile {
  name: string;
  error: string;
}

export interface MergeResult {
  imported: ImportedFile[];
  failed: FailedFile[];
  added: number;
  duplicates: number;
}

function sameEvent(a: SignpostEvent, b: SignpostEvent): boolean {
  return JSON.stringify(validateEvent(a)) === JSON.stringify(b);
}

/** Adds one validated desk file's new events in a single transaction; nothing is kept if it fails. */
export async function mergeDeskFile(db: Db, name: string, file: DeskFile): Promise<ImportedFile> {
  const tx = db.transaction('events', 'readwrite');
  let added = 0;
  let duplicates = 0;
  let conflicting = 0;
  try {
    const existing = await Promise.all(file.events.map((e) => tx.store.get(e.id)));
    const writes: Promise<unknown>[] = [];
    file.events.forEach((event, i) => {
      const stored = existing[i];
      if (stored) {
        duplicates++;
        if (!sameEvent(stored, event)) conflicting++;
      } else {
        added++;
        writes.push(tx.store.add(event));
      }
    });
    await Promise.all([...writes, tx.done]);
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // Already aborted or finished: the failure below is what matters.
    }
    throw new DeskFileError(name, `the browser could not save it (${(err as Error)?.message ?? String(err)}).`);
  }
  return { name, desk: file.desk, added, duplicates, conflicting };
}

/**
 * Imports several desk files; each succeeds or fails on its own, in the order given. A file whose
 * events are all already present reports them as duplicates and changes nothing.
 */
export async function importDeskFiles(db: Db, files: readonly { name: string; text: string }[]): Promise<MergeResult> {
  const result: MergeResult = { imported: [], failed: [], added: 0, duplicates: 0 };
  for (const f of files) {
    try {
      const imported = await mergeDeskFile(db, f.name, parseDeskFile(f.name, f.text));
      result.imported.push(imported);
      result.added += imported.added;
      result.duplicates += imported.duplicates;
    } catch (err) {
      result.failed.push({ name: f.name, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return result;
}
