import { categoryLabel } from './categories';
import type { EventDetail, EventSummary } from './log';
import { NO_DESK } from './log';
import { localDateKey } from './periods';
import { CHANNELS, HANDOUTS, OUTCOMES, type SignpostEvent } from './types';

/**
 * The dashboard's figures as labelled tables (shared by the charts, the on-screen tables and the CSV
 * exports), and CSV text that opens correctly in Excel: UTF-8 with a byte-order mark (otherwise Excel
 * guesses Windows-1252 and mangles "£" and accents), CRLF line ends, RFC 4180 quoting, ISO dates, and
 * text cells that Excel would run as formulas neutralised.
 */

export const OUTCOME_LABELS: Record<string, string> = {
  signposted: 'Signposted to local support',
  link_worker: 'Referred to the link worker',
  declined: 'Declined',
  urgent: 'Urgent: routed to urgent care, crisis or safeguarding',
  clinical: 'Routed to a clinician',
  no_suitable: 'No suitable support found',
};
export const CHANNEL_LABELS: Record<string, string> = { desk: 'At the desk', phone: 'By phone' };
export const HANDOUT_LABELS: Record<string, string> = {
  copied: 'Details copied as text',
  printed: 'Printed slip',
  none: 'No written details',
};

/** Counts below this are shown as "<5" in anything meant to leave the practice. */
export const SUPPRESS_BELOW = 5;
export const SUPPRESSED = '<5';

export interface TableRow {
  key: string;
  label: string;
  count: number;
}

export type TableId = 'outcome' | 'need' | 'asset' | 'gap' | 'channel' | 'desk' | 'handout' | 'trend';

export interface FigureTable {
  id: TableId;
  title: string;
  /** Column heading for the row labels. */
  itemHeading: string;
  rows: TableRow[];
  /**
   * Rows split the conversations between them (each conversation in exactly one row), so a single
   * suppressed count could be worked out from the total: suppression hides a second one.
   */
  partition: boolean;
}

export interface Labels {
  /** Asset name for an id; the id itself when the asset is not in the directory any more. */
  asset(id: string): string;
  category?(id: string): string;
}

function byCountThenLabel(a: TableRow, b: TableRow): number {
  return b.count - a.count || a.label.localeCompare(b.label, 'en-GB');
}

function rowsFrom(counts: Record<string, number>, label: (key: string) => string): TableRow[] {
  return Object.keys(counts)
    .map((key) => ({ key, label: label(key), count: counts[key] }))
    .sort(byCountThenLabel);
}

function fixedRows(keys: readonly string[], counts: Record<string, number>, labels: Record<string, string>) {
  return keys.map((key) => ({ key, label: labels[key] ?? key, count: counts[key] ?? 0 }));
}

export interface TrendBucketLabel {
  label: string;
}

/** Every figure table in the order the dashboard and report show them. */
export function figureTables(
  summary: EventSummary,
  detail: EventDetail,
  labels: Labels,
  buckets: readonly TrendBucketLabel[] = [],
): FigureTable[] {
  const category = labels.category ?? categoryLabel;
  return [
    {
      id: 'outcome',
      title: 'Outcomes',
      itemHeading: 'Outcome',
      rows: fixedRows(OUTCOMES, summary.byOutcome, OUTCOME_LABELS),
      partition: true,
    },
    {
      id: 'need',
      title: 'Needs raised',
      itemHeading: 'Need',
      rows: rowsFrom(summary.byCategory, category),
      partition: false,
    },
    {
      id: 'asset',
      title: 'Support most signposted',
      itemHeading: 'Support',
      rows: rowsFrom(summary.byAsset, labels.asset),
      partition: false,
    },
    {
      id: 'gap',
      title: 'Gaps in the directory: needs with no suitable support',
      itemHeading: 'Need',
      rows: rowsFrom(detail.noSuitableByCategory, category),
      partition: false,
    },
    {
      id: 'channel',
      title: 'How patients were seen',
      itemHeading: 'Channel',
      rows: fixedRows(CHANNELS, detail.byChannel, CHANNEL_LABELS),
      partition: true,
    },
    {
      id: 'desk',
      title: 'Conversations by desk',
      itemHeading: 'Desk',
      rows: rowsFrom(detail.byDesk, (k) => (k === NO_DESK ? 'No desk label set' : k)),
      partition: true,
    },
    {
      id: 'handout',
      title: 'Written details given',
      itemHeading: 'Handout',
      rows: fixedRows(HANDOUTS, detail.byHandout, HANDOUT_LABELS),
      partition: true,
    },
    {
      id: 'trend',
      title: 'Conversations over time',
      itemHeading: 'Period',
      rows: detail.trend.map((t, i) => ({ key: t.from, label: buckets[i]?.label ?? t.from, count: t.count })),
      partition: false,
    },
  ];
}

/** A count as shown in a shared report: below 5 (including none) is "<5". */
export function shownCount(count: number, share: boolean): string {
  return share && count < SUPPRESS_BELOW ? SUPPRESSED : String(count);
}

/**
 * Counts of one table as they may be shared. Where the rows partition the total and exactly one row
 * is suppressed, the next smallest is suppressed too, so nobody can subtract their way to it.
 */
export function suppressTable(table: FigureTable, share: boolean): string[] {
  const shown = table.rows.map((r) => shownCount(r.count, share));
  if (!share || !table.partition) return shown;
  const hidden = shown.filter((s) => s === SUPPRESSED).length;
  if (hidden === 1) {
    let smallest = -1;
    for (let i = 0; i < table.rows.length; i++)
      if (shown[i] !== SUPPRESSED && (smallest < 0 || table.rows[i].count < table.rows[smallest].count)) smallest = i;
    if (smallest >= 0) shown[smallest] = SUPPRESSED;
  }
  return shown;
}

// Characters that make Excel, LibreOffice or Sheets treat a cell as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formulas neutralised with a leading apostrophe, quoted when RFC 4180 requires it. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** Whole CSV file text, BOM first, CRLF after every row. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export const EVENT_COLUMNS = [
  'id',
  'at',
  'local_date',
  'local_time',
  'outcome',
  'categories',
  'asset_ids',
  'asset_names',
  'handout',
  'channel',
  'duration_sec',
  'desk',
  'script_version',
] as const;

function localTime(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Every event in a period, one row each, for use inside the practice only (never suppressed or shared). */
export function eventsCsv(events: readonly SignpostEvent[], labels: Labels): string {
  const rows: (string | number | undefined)[][] = [[...EVENT_COLUMNS]];
  for (const e of events) {
    const at = new Date(e.at);
    rows.push([
      e.id,
      e.at,
      localDateKey(at),
      localTime(at),
      e.outcome,
      e.categories.join(';'),
      e.assetIds.join(';'),
      e.assetIds.map(labels.asset).join('; '),
      e.handout,
      e.channel,
      e.durationSec,
      e.desk,
      e.scriptVersion,
    ]);
  }
  return toCsv(rows);
}

export interface SummaryCsvOptions {
  practiceName: string;
  /** Inclusive first day and last day, `YYYY-MM-DD`. */
  firstDay: string;
  lastDay: string;
  generatedAt: Date;
  /** For sharing outside the practice: every count below 5 becomes "<5". */
  share: boolean;
}

/** The summary in long form (section, item id, item, count), which Excel pivots and filters well. */
export function summaryCsv(summary: EventSummary, tables: readonly FigureTable[], o: SummaryCsvOptions): string {
  const rows: (string | number | null)[][] = [['section', 'item_id', 'item', 'count']];
  rows.push(['report', 'practice', 'Practice', o.practiceName || 'Not set']);
  rows.push(['report', 'period_start', 'First day', o.firstDay]);
  rows.push(['report', 'period_end', 'Last day', o.lastDay]);
  rows.push(['report', 'generated', 'Generated', o.generatedAt.toISOString()]);
  if (o.share) rows.push(['report', 'suppression', 'Counts below 5 are shown as <5 to protect patients', SUPPRESSED]);
  rows.push(['headline', 'total', 'Total conversations', shownCount(summary.total, o.share)]);
  // A median of a handful of conversations would describe individual patients.
  const median =
    summary.medianDurationSec === null || (o.share && summary.total < SUPPRESS_BELOW)
      ? null
      : Math.round(summary.medianDurationSec);
  rows.push(['headline', 'median_duration_sec', 'Median conversation time (seconds)', median]);
  for (const table of tables) {
    const shown = suppressTable(table, o.share);
    table.rows.forEach((r, i) => {
      rows.push([table.id, r.key, r.label, shown[i]]);
    });
  }
  return toCsv(rows);
}

/** A file name for an export: `care-navigation-<what>-<first>-to-<last>.csv`. */
export function exportFileName(what: string, firstDay: string, lastDay: string, ext = 'csv'): string {
  return `care-navigation-${what}-${firstDay}-to-${lastDay}.${ext}`;
}
