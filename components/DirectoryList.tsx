import { useMemo, useState } from 'preact/hooks';
import { needsChecking } from '@/lib/asset-rules';
import { categoryLabel } from '@/lib/categories';
import { longDate } from '@/lib/format';
import type { Asset, AssetStatus } from '@/lib/types';

export interface DirectoryListProps {
  assets: Asset[];
  today: string;
  staleAfterMonths: number;
  /** Edits switched off by policy. */
  locked: boolean;
  busyId?: string | null;
  onAdd(): void;
  onEdit(asset: Asset): void;
  onVerify(asset: Asset): void;
  onSetStatus(asset: Asset, status: AssetStatus): void;
}

const PAGE = 50;

function haystack(a: Asset): string {
  return [a.name, a.organisation, a.area, a.postcode, a.id, ...(a.categories ?? []).map(categoryLabel)]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

/** Every asset, filterable, 50 at a time: 10,000 rows at once would make the tab sluggish. */
export function DirectoryList(props: DirectoryListProps) {
  const { assets, today, staleAfterMonths, locked } = props;
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState<'all' | AssetStatus>('all');
  const [shown, setShown] = useState(PAGE);

  const sorted = useMemo(
    () => [...assets].sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' })),
    [assets],
  );
  const index = useMemo(() => new Map(sorted.map((a) => [a.id, haystack(a)])), [sorted]);
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = sorted.filter(
    (a) => (status === 'all' || a.status === status) && words.every((w) => (index.get(a.id) ?? '').includes(w)),
  );
  const visible = matching.slice(0, shown);

  return (
    <section class="directory-list" aria-labelledby="directory-list-heading">
      <h2 id="directory-list-heading">All assets</h2>
      <div class="button-row">
        <button
          type="button"
          class="primary"
          onClick={props.onAdd}
          disabled={locked}
          aria-describedby={locked ? 'directory-locked' : undefined}
        >
          Add an asset
        </button>
      </div>
      <div class="filter-row">
        <div class="form-group">
          <label for="directory-filter">Filter assets</label>
          <p class="hint" id="directory-filter-hint">
            By name, organisation, area, postcode or need.
          </p>
          <input
            id="directory-filter"
            type="search"
            autoComplete="off"
            value={filter}
            aria-describedby="directory-filter-hint"
            onInput={(e) => {
              setFilter(e.currentTarget.value);
              setShown(PAGE);
            }}
          />
        </div>
        <div class="form-group">
          <label for="directory-status-filter">Show</label>
          <select
            id="directory-status-filter"
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value as 'all' | AssetStatus);
              setShown(PAGE);
            }}
          >
            <option value="all">Active and inactive</option>
            <option value="active">Active only</option>
            <option value="inactive">Inactive only</option>
          </select>
        </div>
      </div>
      <p role="status" class="hint">
        {matching.length === assets.length
          ? `${assets.length.toLocaleString('en-GB')} assets.`
          : `${matching.length.toLocaleString('en-GB')} of ${assets.length.toLocaleString('en-GB')} assets match.`}
        {matching.length > visible.length ? ` Showing the first ${visible.length.toLocaleString('en-GB')}.` : ''}
      </p>
      <ul class="asset-rows">
        {visible.map((a) => {
          const stale = a.status === 'active' && needsChecking(a, today, staleAfterMonths);
          const busy = props.busyId === a.id;
          return (
            <li key={a.id} class={`asset-row${a.status === 'inactive' ? ' inactive' : ''}`}>
              <div class="asset-row-main">
                <h3 class="asset-row-name">{a.name}</h3>
                <p class="asset-row-meta">
                  {a.organisation && <span>{a.organisation} · </span>}
                  {a.categories.map(categoryLabel).join(', ')}
                </p>
                <p class="asset-row-meta">
                  {a.status === 'inactive' && <span class="tag">Inactive</span>}
                  {stale && <span class="tag stale">Needs checking</span>}
                  {a.lastVerified ? `Last verified ${longDate(a.lastVerified)}` : 'Never verified'}
                </p>
              </div>
              <div class="asset-row-actions">
                <button type="button" onClick={() => props.onEdit(a)} disabled={locked}>
                  Edit<span class="visually-hidden"> {a.name}</span>
                </button>
                <button
                  type="button"
                  onClick={() => props.onVerify(a)}
                  disabled={locked || busy}
                  // A label, not a hidden span: the span made the name "today : name" in some browsers.
                  aria-label={`Mark verified today: ${a.name}`}
                >
                  Mark verified today
                </button>
                <button
                  type="button"
                  onClick={() => props.onSetStatus(a, a.status === 'active' ? 'inactive' : 'active')}
                  disabled={locked || busy}
                >
                  {a.status === 'active' ? 'Deactivate' : 'Reactivate'}
                  <span class="visually-hidden"> {a.name}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {matching.length > visible.length && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, matching.length - visible.length)} more
        </button>
      )}
    </section>
  );
}
