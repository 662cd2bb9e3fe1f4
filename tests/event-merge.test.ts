import { type Db, openCareDb } from '@/lib/db';
import {
  buildDeskFile,
  DESK_FILE_FORMAT,
  deskFileName,
  exportDeskFile,
  importDeskFiles,
  parseDeskFile,
} from '@/lib/event-merge';
import type { SignpostEvent } from '@/lib/types';

let db: Db;
let n = 0;
beforeEach(async () => {
  db = await openCareDb(`merge-test-${n++}`);
});
afterEach(() => db.close());

const ev = (id: string, over: Partial<SignpostEvent> = {}): SignpostEvent => ({
  id,
  at: '2025-03-03T09:00:00.000Z',
  outcome: 'signposted',
  categories: ['money'],
  assetIds: ['a1'],
  handout: 'copied',
  channel: 'desk',
  durationSec: 60,
  desk: 'Front desk',
  scriptVersion: '1.0',
  ...over,
});
const file = (desk: string, events: unknown[], over: object = {}) =>
  JSON.stringify({ format: DESK_FILE_FORMAT, version: 1, desk, events, ...over });

describe('export and import round trip', () => {
  it('exports this desk as a desk file that another dashboard imports', async () => {
    await db.put('events', ev('b', { at: '2025-03-04T09:00:00.000Z' }));
    await db.put('events', ev('a'));
    const text = await exportDeskFile(db, 'Phone room');
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ format: 'care-navigation-log', version: 1, desk: 'Phone room' });
    expect(parsed.events.map((e: SignpostEvent) => e.id)).toEqual(['a', 'b']);

    const other = await openCareDb(`merge-other-${n++}`);
    try {
      const result = await importDeskFiles(other, [{ name: 'phone.json', text }]);
      expect(result).toMatchObject({ added: 2, duplicates: 0, failed: [] });
      expect(await other.getAll('events')).toEqual(await db.getAll('events'));
    } finally {
      other.close();
    }
  });
});

describe('importDeskFiles', () => {
  it('adds new events and reports duplicates; importing the same file twice changes nothing', async () => {
    await db.put('events', ev('mine'));
    const text = file('Desk 2', [ev('x1'), ev('x2'), ev('mine')]);
    const first = await importDeskFiles(db, [{ name: 'desk2.json', text }]);
    expect(first.imported).toEqual([{ name: 'desk2.json', desk: 'Desk 2', added: 2, duplicates: 1, conflicting: 0 }]);
    const before = await db.getAll('events');
    const again = await importDeskFiles(db, [{ name: 'desk2.json', text }]);
    expect(again).toMatchObject({ added: 0, duplicates: 3 });
    expect(await db.getAll('events')).toEqual(before);
  });

  it('keeps the stored event when an imported one has the same id but different details', async () => {
    await db.put('events', ev('same', { outcome: 'declined' }));
    const r = await importDeskFiles(db, [{ name: 'f.json', text: file('D', [ev('same')]) }]);
    expect(r.imported[0]).toMatchObject({ added: 0, duplicates: 1, conflicting: 1 });
    expect((await db.get('events', 'same'))?.outcome).toBe('declined');
  });

  it('strips extra fields from imported events and normalises their time', async () => {
    const sneaky = { ...ev('s', { at: '2025-06-01T10:00:00+01:00' }), patient: 'Jane Smith', note: 'free text' };
    await importDeskFiles(db, [{ name: 'f.json', text: file('D', [sneaky]) }]);
    const stored = await db.get('events', 's');
    expect(stored).toEqual(ev('s', { at: '2025-06-01T09:00:00.000Z' }));
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', '{oops', /not a valid JSON file/],
    ['an array', '[]', /not a desk log file/],
    ['a directory file', JSON.stringify({ assets: [] }), /"format" should be "care-navigation-log"/],
    ['a newer version', file('D', [], { version: 2 }), /newer version of the extension/],
    ['a missing desk', file('D', [], { desk: 5 }), /"desk" must be text/],
    ['events not a list', file('D', [], { events: {} }), /"events" must be a list/],
    [
      'a bad outcome in event 3',
      file('D', [ev('g1'), ev('g2'), ev('bad', { outcome: 'lost' as never })]),
      /event 3 \(id "bad"\): "outcome" must be one of/,
    ],
    [
      'a negative duration',
      file('D', [ev('g1'), ev('neg', { durationSec: -5 })]),
      /event 2 \(id "neg"\): "durationSec"/,
    ],
    ['a bad time', file('D', [ev('t', { at: 'yesterday' })]), /event 1 \(id "t"\): "at" must be an ISO date/],
    ['a missing id', file('D', [{ ...ev('x'), id: undefined }]), /event 1: "id" must be/],
    [
      'a desk label over 40 characters',
      file('D', [ev('d', { desk: 'x'.repeat(41) })]),
      /"desk" must be text of up to 40/,
    ],
    [
      'a clashing duplicate id',
      file('D', [ev('dup'), ev('dup', { outcome: 'declined' })]),
      /same id \("dup"\).*different details/,
    ],
  ])('rejects a file with %s, naming it, and changes nothing', async (_what, text, reason) => {
    await db.put('events', ev('existing'));
    const r = await importDeskFiles(db, [{ name: 'reception.json', text }]);
    expect(r.imported).toEqual([]);
    expect(r.failed).toHaveLength(1);
    expect(r.failed[0].name).toBe('reception.json');
    expect(r.failed[0].error).toMatch(/^"reception.json" was not imported, and nothing from it was added: /);
    expect(r.failed[0].error).toMatch(reason);
    expect((await db.getAll('events')).map((e) => e.id)).toEqual(['existing']);
  });

  it('imports good files and rejects bad ones independently', async () => {
    const r = await importDeskFiles(db, [
      { name: 'a.json', text: file('A', [ev('a1'), ev('a2')]) },
      { name: 'b.json', text: file('B', [ev('b1'), { ...ev('b2'), handout: 'faxed' }]) },
      { name: 'c.json', text: file('C', [ev('c1'), ev('a1')]) },
    ]);
    expect(r.added).toBe(3);
    expect(r.duplicates).toBe(1);
    expect(r.failed.map((f) => f.name)).toEqual(['b.json']);
    expect(r.failed[0].error).toMatch(/event 2 \(id "b2"\): "handout"/);
    expect((await db.getAll('events')).map((e) => e.id).sort()).toEqual(['a1', 'a2', 'c1']);
  });

  it('skips an identical repeat inside one file', () => {
    expect(parseDeskFile('f.json', file('D', [ev('r'), ev('r')])).events).toHaveLength(1);
  });

  it('accepts a file saved with a byte-order mark', () => {
    expect(parseDeskFile('f.json', `\uFEFF${file('D', [ev('r')])}`).events).toHaveLength(1);
  });
});

it('builds desk files and names them', () => {
  expect(buildDeskFile('D', [ev('a')])).toEqual({
    format: 'care-navigation-log',
    version: 1,
    desk: 'D',
    events: [ev('a')],
  });
  expect(deskFileName('Front Desk (2)', '2025-03-31')).toBe('care-navigation-log-front-desk-2-2025-03-31.json');
  expect(deskFileName('', '2025-03-31')).toBe('care-navigation-log-2025-03-31.json');
});
