import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { needsChecking } from '@/lib/asset-rules';
import type { ProblemReport } from '@/lib/db';
import { longDate } from '@/lib/format';
import { groupReports, reportReasonLabel } from '@/lib/reports';
import { type Asset, type AssetStatus, UNCATEGORISED } from '@/lib/types';

export interface ReviewQueueProps {
  assets: Asset[];
  reports: ProblemReport[];
  today: string;
  staleAfterMonths: number;
  locked: boolean;
  busyId?: string | null;
  onEdit(asset: Asset): void;
  onVerify(asset: Asset): void;
  onSetStatus(asset: Asset, status: AssetStatus): void;
  onDismiss(assetId: string): void;
}

// A few per group keeps the rest of the tab in reach; "Show more" reveals the others.
const PAGE = 5;

/** Which assets need a practice lead's attention: reported by reception, out of date, or uncategorised. */
export function reviewGroups(assets: Asset[], reports: ProblemReport[], today: string, staleAfterMonths: number) {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const reported = groupReports(reports).map((g) => ({ ...g, asset: byId.get(g.assetId) }));
  const active = assets.filter((a) => a.status === 'active');
  const stale = active
    .filter((a) => needsChecking(a, today, staleAfterMonths))
    // Never-verified first, then oldest: the likeliest to be wrong.
    .sort((a, b) => (a.lastVerified ?? '').localeCompare(b.lastVerified ?? '') || a.name.localeCompare(b.name));
  const uncategorised = active
    .filter((a) => a.categories.includes(UNCATEGORISED))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { reported, stale, uncategorised };
}

function Group(props: {
  id: string;
  title: string;
  count: number;
  empty: string;
  description: string;
  children: (limit: number) => ComponentChildren;
}) {
  const [limit, setLimit] = useState(PAGE);
  return (
    <section class="review-group" aria-labelledby={`${props.id}-heading`}>
      <h3 id={`${props.id}-heading`}>
        {props.title} <span class="count">({props.count.toLocaleString('en-GB')})</span>
      </h3>
      <p class="hint">{props.count === 0 ? props.empty : props.description}</p>
      {props.count > 0 && <ul class="asset-rows">{props.children(limit)}</ul>}
      {props.count > limit && (
        <button type="button" onClick={() => setLimit((n) => n + PAGE)}>
          Show {Math.min(PAGE, props.count - limit)} more
          <span class="visually-hidden"> in {props.title}</span>
        </button>
      )}
    </section>
  );
}

export function ReviewQueue(props: ReviewQueueProps) {
  const { assets, reports, today, staleAfterMonths, locked } = props;
  const groups = useMemo(
    () => reviewGroups(assets, reports, today, staleAfterMonths),
    [assets, reports, today, staleAfterMonths],
  );
  const total = groups.reported.length + groups.stale.length + groups.uncategorised.length;

  const actions = (a: Asset, verify: boolean) => {
    const busy = props.busyId === a.id;
    return (
      <>
        <button type="button" onClick={() => props.onEdit(a)} disabled={locked}>
          Edit<span class="visually-hidden"> {a.name}</span>
        </button>
        {verify && (
          <button
            type="button"
            onClick={() => props.onVerify(a)}
            disabled={locked || busy}
            // A label, not a hidden span: the span made the name "today : name" in some browsers.
            aria-label={`Mark verified today: ${a.name}`}
          >
            Mark verified today
          </button>
        )}
        {a.status === 'active' && (
          <button type="button" onClick={() => props.onSetStatus(a, 'inactive')} disabled={locked || busy}>
            Deactivate<span class="visually-hidden"> {a.name}</span>
          </button>
        )}
      </>
    );
  };

  return (
    <section class="review-queue" aria-labelledby="review-queue-heading">
      <h2 id="review-queue-heading">Review queue</h2>
      <p>
        {total === 0
          ? 'Nothing needs reviewing.'
          : `${total.toLocaleString('en-GB')} item${total === 1 ? '' : 's'} to review.`}
      </p>

      <Group
        id="review-reported"
        title="Reported as wrong by reception"
        count={groups.reported.length}
        empty="No problems have been reported."
        description="Check each one with the service, then edit or deactivate it, and dismiss the report."
      >
        {(limit) =>
          groups.reported.slice(0, limit).map((g) => (
            <li key={g.assetId} class="asset-row">
              <div class="asset-row-main">
                <h4 class="asset-row-name">{g.asset?.name ?? `Asset no longer in the directory (${g.assetId})`}</h4>
                <p class="asset-row-meta">
                  {g.reasons.map(reportReasonLabel).join('; ')}. Reported {g.count === 1 ? 'once' : `${g.count} times`},
                  most recently {longDate(g.latestAt)}.
                </p>
              </div>
              <div class="asset-row-actions">
                {g.asset && actions(g.asset, true)}
                <button type="button" onClick={() => props.onDismiss(g.assetId)}>
                  Dismiss report{g.count === 1 ? '' : 's'}
                  <span class="visually-hidden"> about {g.asset?.name ?? g.assetId}</span>
                </button>
              </div>
            </li>
          ))
        }
      </Group>

      <Group
        id="review-stale"
        title={`Not checked for more than ${staleAfterMonths} month${staleAfterMonths === 1 ? '' : 's'}`}
        count={groups.stale.length}
        empty="Every active asset has been checked recently."
        description="Receptionists see these flagged as needing checking. Confirm the details with the service."
      >
        {(limit) =>
          groups.stale.slice(0, limit).map((a) => (
            <li key={a.id} class="asset-row">
              <div class="asset-row-main">
                <h4 class="asset-row-name">{a.name}</h4>
                <p class="asset-row-meta">
                  {a.lastVerified ? `Last verified ${longDate(a.lastVerified)}` : 'Never verified'}
                  {a.organisation ? ` · ${a.organisation}` : ''}
                </p>
              </div>
              <div class="asset-row-actions">{actions(a, true)}</div>
            </li>
          ))
        }
      </Group>

      <Group
        id="review-uncategorised"
        title="Uncategorised from the feed"
        count={groups.uncategorised.length}
        empty="Every active asset has a need category."
        description="The feed's categories did not match any of our needs. Edit each to choose the needs it helps with."
      >
        {(limit) =>
          groups.uncategorised.slice(0, limit).map((a) => (
            <li key={a.id} class="asset-row">
              <div class="asset-row-main">
                <h4 class="asset-row-name">{a.name}</h4>
                <p class="asset-row-meta">{a.organisation ?? a.source ?? ''}</p>
              </div>
              <div class="asset-row-actions">{actions(a, false)}</div>
            </li>
          ))
        }
      </Group>
    </section>
  );
}
