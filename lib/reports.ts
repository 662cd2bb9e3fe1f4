import type { Db, ProblemReport } from './db';

/**
 * Receptionists flag an asset as wrong with a reason code; practice leads see it in the review queue.
 * Only `{ id, assetId, reason, at }` is stored: a code, never free text, so nothing a patient said
 * can end up in a report.
 */
export const REPORT_REASONS = ['closed', 'wrong_contact', 'wrong_times', 'not_suitable', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  closed: 'Closed or no longer running',
  wrong_contact: 'Phone, email or website is wrong',
  wrong_times: 'Opening times are wrong',
  not_suitable: 'Not suitable for the people we send there',
  other: 'Something else is wrong',
};

export function isReportReason(value: unknown): value is ReportReason {
  return typeof value === 'string' && (REPORT_REASONS as readonly string[]).includes(value);
}

export function reportReasonLabel(reason: string): string {
  return isReportReason(reason) ? REPORT_REASON_LABELS[reason] : 'Unknown reason';
}

export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

/** Stores one problem report; durable (transaction committed) when the promise resolves. */
export async function reportProblem(
  db: Db,
  assetId: string,
  reason: ReportReason,
  now: Date | string,
  id: string = crypto.randomUUID(),
): Promise<ProblemReport> {
  if (typeof assetId !== 'string' || assetId.trim() === '')
    throw new ReportError('Choose the service you are reporting a problem with.');
  if (!isReportReason(reason)) throw new ReportError('Choose what is wrong from the list.');
  const at = typeof now === 'string' ? now : now.toISOString();
  if (Number.isNaN(Date.parse(at))) throw new ReportError('The report time is not a valid date.');
  // Build the record field by field so nothing else a caller passes can be stored.
  const report: ProblemReport = { id, assetId, reason, at };
  const tx = db.transaction('reports', 'readwrite');
  await Promise.all([tx.store.put(report), tx.done]);
  return report;
}

/** All reports, oldest first. */
export async function listReports(db: Db): Promise<ProblemReport[]> {
  const all = await db.getAll('reports');
  return all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id.localeCompare(b.id)));
}

/** Removes every report about one asset in one transaction; returns how many were removed. */
export async function dismissReports(db: Db, assetId: string): Promise<number> {
  const tx = db.transaction('reports', 'readwrite');
  const keys = await tx.store.index('assetId').getAllKeys(assetId);
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
  return keys.length;
}

export interface AssetReports {
  assetId: string;
  count: number;
  reasons: ReportReason[];
  latestAt: string;
}

/** Groups reports by asset for the review queue: most recently reported first. */
export function groupReports(reports: ProblemReport[]): AssetReports[] {
  const byAsset = new Map<string, AssetReports>();
  for (const r of reports) {
    const reason = isReportReason(r.reason) ? r.reason : 'other';
    const group = byAsset.get(r.assetId);
    if (!group) {
      byAsset.set(r.assetId, { assetId: r.assetId, count: 1, reasons: [reason], latestAt: r.at });
      continue;
    }
    group.count += 1;
    if (!group.reasons.includes(reason)) group.reasons.push(reason);
    if (r.at > group.latestAt) group.latestAt = r.at;
  }
  return [...byAsset.values()].sort((a, b) => (a.latestAt < b.latestAt ? 1 : a.latestAt > b.latestAt ? -1 : 0));
}
