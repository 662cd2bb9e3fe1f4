import { DB_VERSION, openCareDb } from '@/lib/db';
import { summariseEvents } from '@/lib/log';

/** Builds a version-1 database exactly as early builds did, with raw IndexedDB. */
function createV1(name: string, events: object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      const store = db.createObjectStore('events', { keyPath: 'id' });
      store.createIndex('at', 'at');
      db.createObjectStore('assets', { keyPath: 'id' });
    };
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('events', 'readwrite');
      for (const e of events) tx.objectStore('events').put(e);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

const base = { categories: ['money'], assetIds: ['a1'], durationSec: 60, scriptVersion: '1' };

it('upgrades a version 1 database to version 2 and keeps every event', async () => {
  const v1Events = [
    { id: 'e1', at: '2024-05-01T10:00:00.000Z', outcome: 'signposted', handout: 'copied', channel: 'phone', ...base },
    // Early builds left these two fields out.
    { id: 'e2', at: '2024-05-02T10:00:00.000Z', outcome: 'declined', ...base },
    { id: 'e3', at: '2024-05-03T10:00:00.000Z', outcome: 'no_suitable', channel: 'phone', ...base },
  ];
  await createV1('upgrade-test', v1Events);

  const db = await openCareDb('upgrade-test');
  try {
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['assets', 'events', 'meta', 'reports']);
    const events = await db.getAll('events');
    expect(events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(events[0]).toEqual(v1Events[0]);
    expect(events[1]).toMatchObject({ channel: 'desk', handout: 'none', outcome: 'declined' });
    expect(events[2]).toMatchObject({ channel: 'phone', handout: 'none' });
    // The `at` index still works after the upgrade.
    expect(await db.countFromIndex('events', 'at', IDBKeyRange.lowerBound('2024-05-02T00:00:00.000Z'))).toBe(2);
    expect(summariseEvents(events).byOutcome).toEqual({ signposted: 1, declined: 1, no_suitable: 1 });
  } finally {
    db.close();
  }
});
