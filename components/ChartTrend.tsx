import { type BarDatum, isHidden } from './ChartBars';

interface Props {
  /** "day" or "week", for the text summary. */
  unit: string;
  points: readonly BarDatum[];
}

const WIDTH = 420;
const HEIGHT = 170;
const LEFT = 30;
const BOTTOM = 36;
const TOP = 16;
// Room for the last date label to be centred under its column without being cut off.
const RIGHT = 22;

/** The text alternative: total, busiest and quietest buckets. */
export function trendSummary(unit: string, points: readonly BarDatum[]): string {
  if (points.length === 0) return 'Conversations over time: no data.';
  const intro = `Column chart of conversations per ${unit}, ${points.length} ${unit}s from ${points[0].label} to ${points[points.length - 1].label}`;
  if (points.some(isHidden)) return `${intro}: ${points.map((p) => `${p.label} ${p.shown ?? p.count}`).join('; ')}.`;
  const total = points.reduce((n, p) => n + p.count, 0);
  let busiest = points[0];
  for (const p of points) if (p.count > busiest.count) busiest = p;
  const quiet = points.filter((p) => p.count === 0).length;
  return (
    `${intro}: ${total} in total; busiest ${busiest.label} with ${busiest.count}` +
    (quiet ? `; ${quiet} ${unit}${quiet === 1 ? '' : 's'} with none.` : '.')
  );
}

/** Conversations per day or week as columns in plain SVG, with a labelled scale. */
export function ChartTrend({ unit, points }: Props) {
  const max = Math.max(1, ...points.map((p) => (isHidden(p) ? 0 : p.count)));
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const step = plotW / Math.max(1, points.length);
  const colW = Math.max(2, step * 0.7);
  // Label roughly every 60 pixels so labels never overlap.
  const every = Math.max(1, Math.ceil(60 / step));
  return (
    <svg
      class="chart chart-trend"
      role="img"
      aria-label={trendSummary(unit, points)}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <line x1={LEFT} y1={TOP + plotH} x2={WIDTH - RIGHT} y2={TOP + plotH} class="chart-axis" />
      <line x1={LEFT} y1={TOP} x2={LEFT} y2={TOP + plotH} class="chart-axis" />
      <text x={LEFT - 6} y={TOP} text-anchor="end" dominant-baseline="central" class="chart-value">
        {max}
      </text>
      <text x={LEFT - 6} y={TOP + plotH} text-anchor="end" dominant-baseline="central" class="chart-value">
        0
      </text>
      {points.map((p, i) => {
        const h = isHidden(p) ? 0 : (p.count / max) * plotH;
        const x = LEFT + i * step + (step - colW) / 2;
        return (
          <g key={`${i}-${p.label}`}>
            <rect x={x} y={TOP + plotH - h} width={colW} height={h} class="chart-bar" />
            {i % every === 0 && (
              <text x={x + colW / 2} y={TOP + plotH + 14} text-anchor="middle" class="chart-tick">
                {p.label.replace(/^w\/c /, '')}
              </text>
            )}
          </g>
        );
      })}
      {unit === 'week' && (
        <text x={LEFT + plotW / 2} y={HEIGHT - 4} text-anchor="middle" class="chart-tick">
          Weeks starting (Monday)
        </text>
      )}
    </svg>
  );
}
