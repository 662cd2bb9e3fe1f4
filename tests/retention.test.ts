import { fakeBrowser } from 'wxt/testing';
import { type Db, openCareDb } from '@/lib/db';
import {
  deleteExpired,
  eventsToExpire,
  lastCleanUp,
  RETENTION_ALARM,
  registerRetentionAlarm,
  retentionCutoff,
} from '@/lib/retention';
import { saveSettings } from '@/lib/settings';
import type { SignpostEvent } from '@/lib/types';

process.env.TZ = 'Europe/London';

let db: Db;
let name: string;
let n = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  name = `retention-test-${n++}`;
  db = await openCareDb(name);
});
afterEach(() => db.close());

const ev = (id: string, at: string): SignpostEvent => ({
  id,
  at,
  outcome: 'signposted',
  categories: ['money'],
  assetIds: [],
  handout: 'none',
  channel: 'desk',
  durationSec: 30,
  scriptVersion: '1',
});

const now = new Date('2025-07-15T10:00:00Z'); // 11:00 BST

async function seed() {
  for (const e of [
    ev('old-1', '2025-01-02T10:00:00.000Z'),
    ev('old-2', '2025-06-14T22:59:59.999Z'), // 23:59:59 BST 14 June: just before the cut
    ev('keep-1', '2025-06-14T23:00:00.000Z'), // local midnight 15 June: kept
    ev('keep-2', '2025-07-15T09:00:00.000Z'),
  ])
    await db.put('events', e);
}

it.each([
  [30, '2025-06-14T23:00:00.000Z'],
  [29, '2025-06-15T23:00:00.000Z'],
  // 200 days before 15 July is 27 December, in GMT.
  [200, '2024-12-27T00:00:00.000Z'],
])('cut-off for %i days is local midnight %s', (days, cutoff) => {
  expect(retentionCutoff(now, days).toISOString()).toBe(cutoff);
});

it('rejects a nonsense retention period', () => {
  expect(() => retentionCutoff(now, 0)).toThrow(/whole number of days/);
  expect(() => retentionCutoff(now, 1.5)).toThrow(/whole number of days/);
});

it('previews how many events will be deleted, and from when', async () => {
  await seed();
  expect(await eventsToExpire(db, now, 30)).toEqual({
    cutoff: '2025-06-14T23:00:00.000Z',
    count: 2,
    oldest: '2025-01-02T10:00:00.000Z',
    newest: '2025-06-14T22:59:59.999Z',
  });
  expect(await eventsToExpire(db, now, 730)).toEqual({ cutoff: '2023-07-15T23:00:00.000Z', count: 0 });
});

it('deletes only expired events and records the clean-up', async () => {
  await seed();
  expect(await deleteExpired(db, now, 30)).toBe(2);
  expect((await db.getAll('events')).map((e) => e.id).sort()).toEqual(['keep-1', 'keep-2']);
  expect(await lastCleanUp(db)).toEqual({ at: now.toISOString(), deleted: 2, retentionDays: 30 });
  expect(await deleteExpired(db, now, 30)).toBe(0);
});

describe('registerRetentionAlarm', () => {
  it('creates a daily alarm once and cleans up with the saved retention setting when it fires', async () => {
    await seed();
    await saveSettings({ retentionDays: 30 });
    const options = { openDb: () => openCareDb(name), now: () => now };
    await registerRetentionAlarm(options);
    const alarm = await fakeBrowser.alarms.get(RETENTION_ALARM);
    expect(alarm?.periodInMinutes).toBe(24 * 60);
    // A second start (the service worker waking) keeps the existing schedule.
    const scheduled = alarm?.scheduledTime;
    await registerRetentionAlarm(options);
    expect((await fakeBrowser.alarms.get(RETENTION_ALARM))?.scheduledTime).toBe(scheduled);

    await fakeBrowser.alarms.onAlarm.trigger({ name: 'someone-elses-alarm', scheduledTime: 0 });
    expect(await db.count('events')).toBe(4);
    await fakeBrowser.alarms.onAlarm.trigger({ name: RETENTION_ALARM, scheduledTime: 0 });
    expect((await db.getAll('events')).map((e) => e.id).sort()).toEqual(['keep-1', 'keep-2']);
  });
});
