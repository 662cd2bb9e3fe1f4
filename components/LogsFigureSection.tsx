import { useState } from 'preact/hooks';
import { type FigureTable, SUPPRESS_BELOW, suppressTable } from '@/lib/event-export';
import { ChartBars } from './ChartBars';
import { ChartTrend } from './ChartTrend';

interface Props {
  table: FigureTable;
  /** Conversations in the period, for percentages. */
  total: number;
  /** Bars and rows shown before "Show all". */
  limit?: number;
  /** For the trend: "day" or "week". */
  unit?: string;
  /** Shown instead of the chart when the table has no rows. */
  emptyText?: string;
  wide?: boolean;
  /** For sharing outside the practice: small counts shown as "<5". */
  share?: boolean;
}

function percent(count: number, total: number, hidden: boolean): string {
  return total === 0 || hidden ? '–' : `${Math.round((count / total) * 100)}%`;
}

/** One figure: a heading, a chart, and the same numbers as a real data table. */
export function LogsFigureSection({ table, total, limit = 10, unit = 'day', emptyText, wide, share = false }: Props) {
  const [showAll, setShowAll] = useState(false);
  const headingId = `figure-${table.id}`;
  const isTrend = table.id === 'trend';
  const shown = suppressTable(table, share);
  const all = table.rows.map((r, i) => ({ ...r, shown: shown[i] }));
  const totalHidden = share && total < SUPPRESS_BELOW;
  const rows = isTrend || showAll ? all : all.slice(0, limit);
  const hiddenCount = table.rows.length - rows.length;
  if (table.rows.length === 0)
    return (
      <section class={`figure${wide ? ' figure-wide' : ''}`} aria-labelledby={headingId}>
        <h3 id={headingId}>{table.title}</h3>
        <p class="empty">{emptyText ?? 'None in this period.'}</p>
      </section>
    );
  const dataTable = (
    <table>
      <caption>
        {isTrend ? `Conversations per ${unit}` : table.title}
        {hiddenCount > 0 ? ` (top ${rows.length} of ${table.rows.length})` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">{table.itemHeading}</th>
          <th scope="col" class="num">
            Conversations
          </th>
          {table.partition && (
            <th scope="col" class="num">
              Percentage
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td class="num">{r.shown}</td>
            {table.partition && (
              <td class="num">{percent(r.count, total, totalHidden || r.shown !== String(r.count))}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section class={`figure${wide ? ' figure-wide' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{table.title}</h3>
      {isTrend ? <ChartTrend unit={unit} points={all} /> : <ChartBars title={table.title} rows={all.slice(0, limit)} />}
      {isTrend ? (
        // A row per day is long, so that table sits behind a disclosure; the others are always shown.
        <details class="figure-table trend-table">
          <summary>Show conversations per {unit} as a table</summary>
          {dataTable}
        </details>
      ) : (
        <div class="figure-table">{dataTable}</div>
      )}
      {table.rows.length > limit && !isTrend && (
        <button type="button" class="link-button no-print" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
          {showAll ? `Show top ${limit} only` : `Show all ${table.rows.length}`}
        </button>
      )}
    </section>
  );
}
