import { SUPPRESS_BELOW, shownCount } from '@/lib/event-export';
import type { EventSummary } from '@/lib/log';

/** "1 min 35 s" */
export function formatDuration(sec: number | null): string {
  if (sec === null) return 'Not available';
  const s = Math.round(sec);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
}

interface Props {
  summary: EventSummary;
  /** For sharing outside the practice: small counts shown as "<5", and no median of a handful. */
  share?: boolean;
}

/** The headline numbers staff and partners ask about first. */
export function LogsHeadlines({ summary, share = false }: Props) {
  const o = summary.byOutcome;
  const n = (count: number | undefined) => shownCount(count ?? 0, share);
  const items: [string, string][] = [
    ['Conversations', n(summary.total)],
    ['Signposted to local support', n(o.signposted)],
    ['Referred to the link worker', n(o.link_worker)],
    ['Declined', n(o.declined)],
    ['Urgent routings', n(o.urgent)],
    ['Routed to a clinician', n(o.clinical)],
    ['No suitable support found', n(o.no_suitable)],
    [
      'Median conversation time',
      share && summary.total < SUPPRESS_BELOW ? 'Not shown' : formatDuration(summary.medianDurationSec),
    ],
  ];
  return (
    <dl class="headlines">
      {items.map(([label, value]) => (
        <div class="headline" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
