import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Asset, SignpostEvent } from './types';

/**
 * One IndexedDB database holds everything that must survive a browser restart.
 * Version history (bump DB_VERSION and add a step in `upgrade` for every change):
 *  1: events (keyPath id, index `at`), assets (keyPath id)
 *  2: meta (key/value: directory source, feed state, sign-off…) and reports (problem reports)
 */
export const DB_NAME = 'care-navigation';
export const DB_VERSION = 2;

/**
 * `meta` keys of the side panel's ready-made directory copy (lib/panel-snapshot.ts). They live here because
 * every directory write must clear them without pulling the search code into the dashboard.
 */
export const PANEL_PACK_KEY = 'panel-pack';
export const PANEL_SNAPSHOT_KEY = 'panel-snapshot';
export const DIRECTORY_REVISION_KEY = 'directory-revision';
/** The full snapshot's parts (`panel-snapshot:0`, `:1`…), however many an earlier, larger directory left. */
export const panelSnapshotKeys = () => IDBKeyRange.bound(`${PANEL_SNAPSHOT_KEY}:`, `${PANEL_SNAPSHOT_KEY}:\uffff`);

export interface ProblemReport {
  id: string;
  assetId: string;
  reason: string;
  at: string;
}

export interface CareDB extends DBSchema {
  events: { key: string; value: SignpostEvent; indexes: { at: string } };
  assets: { key: string; value: Asset };
  meta: { key: string; value: unknown };
  reports: { key: string; value: ProblemReport; indexes: { assetId: string } };
}

export type Db = IDBPDatabase<CareDB>;

export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      'This browser is not letting the panel save anything (IndexedDB is unavailable — private browsing, or storage blocked by policy). Nothing can be logged until that is fixed.',
    );
    this.name = 'StorageUnavailableError';
    this.cause = cause;
  }
}

export async function openCareDb(name = DB_NAME): Promise<Db> {
  if (typeof indexedDB === 'undefined') throw new StorageUnavailableError(new Error('indexedDB is not defined'));
  try {
    return await openDB<CareDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          const events = db.createObjectStore('events', { keyPath: 'id' });
          events.createIndex('at', 'at');
          db.createObjectStore('assets', { keyPath: 'id' });
        }
        if (oldVersion < 2) {
          db.createObjectStore('meta');
          const reports = db.createObjectStore('reports', { keyPath: 'id' });
          reports.createIndex('assetId', 'assetId');
          // v1 stored events without `channel`/`handout` defaults in some early builds; fill them in.
          void tx
            .objectStore('events')
            .openCursor()
            .then(async function fill(cursor): Promise<void> {
              if (!cursor) return;
              const evt = cursor.value as Partial<SignpostEvent>;
              if (!evt.channel || !evt.handout) {
                await cursor.update({
                  ...evt,
                  channel: evt.channel ?? 'desk',
                  handout: evt.handout ?? 'none',
                } as SignpostEvent);
              }
              return fill(await cursor.continue());
            });
        }
      },
      blocked() {
        // Another tab holds an older version open; it closes on versionchange below.
      },
    });
  } catch (err) {
    throw new StorageUnavailableError(err);
  }
}
