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
  /** Longest labels are shortened on the chart; the table beside it has them in full. */
  maxLabelChars?: number;
}

const WIDTH = 640;
const LABEL_WIDTH = 250;
const VALUE_WIDTH = 56;
const BAR_HEIGHT = 20;
const GAP = 8;

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The chart's text alternative: every bar's label and count, in order. */
export function barSummary(title: string, rows: readonly BarDatum[]): string {
  if (rows.length === 0) return `${title}: none.`;
  return `Bar chart, ${title}: ${rows.map((r) => `${r.label} ${r.shown ?? r.count}`).join('; ')}.`;
}

/** Horizontal bar chart in plain SVG. Decorative to assistive technology beyond its text summary. */
export function ChartBars({ title, rows, maxLabelChars = 36 }: Props) {
  const max = Math.max(1, ...rows.map((r) => (isHidden(r) ? 0 : r.count)));
  const height = Math.max(1, rows.length) * (BAR_HEIGHT + GAP) + GAP;
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
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
        const y = GAP + i * (BAR_HEIGHT + GAP);
        const w = r.count === 0 || isHidden(r) ? 0 : Math.max(2, (r.count / max) * barSpace);
        return (
          <g key={r.label}>
            <text
              x={LABEL_WIDTH - 8}
              y={y + BAR_HEIGHT / 2}
              text-anchor="end"
              dominant-baseline="central"
              class="chart-label"
            >
              {shorten(r.label, maxLabelChars)}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={w} height={BAR_HEIGHT} class="chart-bar" />
            <text x={LABEL_WIDTH + w + 6} y={y + BAR_HEIGHT / 2} dominant-baseline="central" class="chart-value">
              {r.shown ?? r.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
