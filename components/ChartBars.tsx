export interface BarDatum {
  label: string;
  count: number;
  /** The value as it may be shown; a suppressed value ("<5") draws no bar, so the length reveals nothing. */
  shown?: string;
}

export function isHidden(d: BarDatum): boolean {
  return d.shown !== undefined && d.shown !== String(d.count);
}

interface Props {
  /** What the bars count, for the text summary: "Outcomes", "Needs raised"… */
  title: string;
  rows: readonly BarDatum[];
}

// Labels sit above their bars, so long need names fit without squeezing the bars.
const WIDTH = 420;
const VALUE_WIDTH = 44;
const LABEL_HEIGHT = 17;
const BAR_HEIGHT = 13;
const ROW = LABEL_HEIGHT + BAR_HEIGHT + 8;
const MAX_LABEL_CHARS = 56;

function shorten(text: string): string {
  return text.length <= MAX_LABEL_CHARS ? text : `${text.slice(0, MAX_LABEL_CHARS - 1).trimEnd()}…`;
}

/** The chart's text alternative: every bar's label and count, in order. */
export function barSummary(title: string, rows: readonly BarDatum[]): string {
  if (rows.length === 0) return `${title}: none.`;
  return `Bar chart, ${title}: ${rows.map((r) => `${r.label} ${r.shown ?? r.count}`).join('; ')}.`;
}

/** Horizontal bar chart in plain SVG; assistive technology gets its text summary (the table has the rest). */
export function ChartBars({ title, rows }: Props) {
  const max = Math.max(1, ...rows.map((r) => (isHidden(r) ? 0 : r.count)));
  const height = Math.max(1, rows.length) * ROW;
  const barSpace = WIDTH - VALUE_WIDTH;
  return (
    <svg
      class="chart chart-bars"
      role="img"
      aria-label={barSummary(title, rows)}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      {rows.map((r, i) => {
        const y = i * ROW;
        const w = r.count === 0 || isHidden(r) ? 0 : Math.max(2, (r.count / max) * barSpace);
        return (
          <g key={r.label}>
            <text x={0} y={y + LABEL_HEIGHT - 4} class="chart-label">
              {shorten(r.label)}
            </text>
            <rect x={0} y={y + LABEL_HEIGHT} width={w} height={BAR_HEIGHT} class="chart-bar" />
            <text x={w + 6} y={y + LABEL_HEIGHT + BAR_HEIGHT / 2} dominant-baseline="central" class="chart-value">
              {r.shown ?? r.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
