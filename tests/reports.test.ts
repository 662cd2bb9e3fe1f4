import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openCareDb } from '@/lib/db';
import {
  dismissReports,
  groupReports,
  listReports,
  REPORT_REASON_LABELS,
  REPORT_REASONS,
  type ReportReason,
  reportProblem,
  reportReasonLabel,
} from '@/lib/reports';

let db: Db;
let n = 0;

beforeEach(async () => {
  n += 1;
  db = await openCareDb(`reports-test-${n}`);
});
afterEach(() => db.close());

describe('reportProblem', () => {
  it.each(REPORT_REASONS.map((r) => [r]))('stores reason %s with only id, assetId, reason and at', async (reason) => {
    await reportProblem(db, 'asset-1', reason, new Date('2026-03-01T10:00:00Z'), `r-${reason}`);
    const stored = await db.get('reports', `r-${reason}`);
    expect(stored).toEqual({ id: `r-${reason}`, assetId: 'asset-1', reason, at: '2026-03-01T10:00:00.000Z' });
    expect(Object.keys(stored ?? {}).sort()).toEqual(['assetId', 'at', 'id', 'reason']);
  });

  it.each([
    ['', 'closed', /Choose the service/],
    ['   ', 'closed', /Choose the service/],
    ['asset-1', 'rude_staff', /Choose what is wrong/],
    ['asset-1', '', /Choose what is wrong/],
  ])('rejects assetId %j with reason %j and stores nothing', async (assetId, reason, message) => {
    await expect(reportProblem(db, assetId, reason as ReportReason, new Date(), 'x')).rejects.toThrow(message);
    expect(await db.count('reports')).toBe(0);
  });

  it('rejects an invalid time', async () => {
    await expect(reportProblem(db, 'a', 'closed', 'not a date', 'x')).rejects.toThrow(/not a valid date/);
  });

  it('generates a unique id when none is given', async () => {
    const a = await reportProblem(db, 'a', 'closed', new Date());
    const b = await reportProblem(db, 'a', 'closed', new Date());
    expect(a.id).not.toBe(b.id);
    expect(await db.count('reports')).toBe(2);
  });
});

describe('listReports and dismissReports', () => {
  beforeEach(async () => {
    await reportProblem(db, 'a', 'wrong_times', '2026-03-03T09:00:00.000Z', 'r3');
    await reportProblem(db, 'b', 'closed', '2026-03-01T09:00:00.000Z', 'r1');
    await reportProblem(db, 'a', 'closed', '2026-03-02T09:00:00.000Z', 'r2');
  });

  it('lists reports oldest first', async () => {
    expect((await listReports(db)).map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
  });

  it.each([
    ['a', 2, ['r1']],
    ['b', 1, ['r2', 'r3']],
    ['missing', 0, ['r1', 'r2', 'r3']],
  ])('dismissing %s removes %i and keeps the rest', async (assetId, removed, left) => {
    expect(await dismissReports(db, assetId)).toBe(removed);
    expect((await listReports(db)).map((r) => r.id)).toEqual(left);
  });
});

describe('groupReports', () => {
  it('groups by asset, distinct reasons, newest report first', () => {
    const groups = groupReports([
      { id: '1', assetId: 'a', reason: 'closed', at: '2026-03-01T00:00:00Z' },
      { id: '2', assetId: 'b', reason: 'wrong_contact', at: '2026-03-05T00:00:00Z' },
      { id: '3', assetId: 'a', reason: 'closed', at: '2026-03-02T00:00:00Z' },
      { id: '4', assetId: 'a', reason: 'mystery', at: '2026-03-03T00:00:00Z' },
    ]);
    expect(groups).toEqual([
      { assetId: 'b', count: 1, reasons: ['wrong_contact'], latestAt: '2026-03-05T00:00:00Z' },
      { assetId: 'a', count: 3, reasons: ['closed', 'other'], latestAt: '2026-03-03T00:00:00Z' },
    ]);
  });
});

describe('labels', () => {
  it('has a plain-English label for every reason', () => {
    for (const r of REPORT_REASONS) expect(REPORT_REASON_LABELS[r]).toMatch(/^[A-Z][a-z ,]+/);
    expect(reportReasonLabel('nonsense')).toBe('Unknown reason');
    expect(reportReasonLabel('wrong_times')).toBe('Opening times are wrong');
  });
});
