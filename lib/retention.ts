import { browser } from 'wxt/browser';
import { type Db, openCareDb } from './db';
import { addDays, startOfDay } from './periods';
import { loadSettings } from './settings';

/**
 * Keeping the log only as long as the practice has decided (`retentionDays` in settings). Events
 * from before local midnight `retentionDays` days ago are deleted by a daily alarm; the dashboard
 * shows beforehand how many that will be.
 */

export const RETENTION_ALARM = 'retention-clean-up';
export const RETENTION_META_KEY = 'retention-last-clean-up';
const DAY_MINUTES = 24 * 60;

export interface ExpiryPreview {
  /** Events logged before this instant (ISO) are deleted at the next clean-up. */
  cutoff: string;
  count: number;
  /** `at` of the oldest and newest events that will go, when there are any. */
  oldest?: string;
  newest?: string;
}

export interface CleanUpRecord {
  at: string;
  deleted: number;
  retentionDays: number;
}

function checkDays(days: number): void {
  if (!Number.isInteger(days) || days < 1) throw new Error(`Retention must be a whole number of days (got ${days}).`);
}

/** Local midnight `days` days before today: whole days are kept, so the cut never splits a day. */
export function retentionCutoff(now: Date, days: number): Date {
  checkDays(days);
  return addDays(startOfDay(now), -days);
}

export async function eventsToExpire(db: Db, now: Date, days: number): Promise<ExpiryPreview> {
  const cutoff = retentionCutoff(now, days).toISOString();
  const range = IDBKeyRange.upperBound(cutoff, true);
  const tx = db.transaction('events', 'readonly');
  const index = tx.store.index('at');
  const [count, first, last] = await Promise.all([
    index.count(range),
    index.openCursor(range, 'next'),
    index.openCursor(range, 'prev'),
  ]);
  const preview: ExpiryPreview = { cutoff, count };
  if (first) preview.oldest = first.value.at;
  if (last) preview.newest = last.value.at;
  await tx.done;
  return preview;
}

/** Deletes every expired event in one transaction and records when; resolves with how many went. */
export async function deleteExpired(db: Db, now: Date, days: number): Promise<number> {
  const cutoff = retentionCutoff(now, days).toISOString();
  const tx = db.transaction(['events', 'meta'], 'readwrite');
  let deleted = 0;
  let cursor = await tx.objectStore('events').index('at').openCursor(IDBKeyRange.upperBound(cutoff, true));
  while (cursor) {
    await cursor.delete();
    deleted++;
    cursor = await cursor.continue();
  }
  const record: CleanUpRecord = { at: now.toISOString(), deleted, retentionDays: days };
  await tx.objectStore('meta').put(record, RETENTION_META_KEY);
  await tx.done;
  return deleted;
}

export async function lastCleanUp(db: Db): Promise<CleanUpRecord | undefined> {
  const value = await db.get('meta', RETENTION_META_KEY);
  if (value && typeof value === 'object' && typeof (value as CleanUpRecord).at === 'string')
    return value as CleanUpRecord;
  return undefined;
}

export interface RetentionAlarmOptions {
  openDb?: () => Promise<Db>;
  now?: () => Date;
}

/** Runs one clean-up with the current settings (what the alarm does). */
export async function runCleanUp(options: RetentionAlarmOptions = {}): Promise<number> {
  const { settings } = await loadSettings();
  const db = await (options.openDb ?? openCareDb)();
  try {
    return await deleteExpired(db, (options.now ?? (() => new Date()))(), settings.retentionDays);
  } finally {
    db.close();
  }
}

/**
 * Call at every background start. The listener must be added each time the service worker wakes;
 * the alarm itself persists, so it is only created when missing (re-creating would keep pushing the
 * next run back).
 */
export async function registerRetentionAlarm(options: RetentionAlarmOptions = {}): Promise<void> {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== RETENTION_ALARM) return;
    return runCleanUp(options).then(
      () => undefined,
      (err) => console.error('Signposting log clean-up failed; it will be tried again tomorrow.', err),
    );
  });
  const existing = await browser.alarms.get(RETENTION_ALARM);
  if (!existing) await browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: DAY_MINUTES });
}
