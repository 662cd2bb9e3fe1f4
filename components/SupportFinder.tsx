import { useMemo, useRef, useState } from 'preact/hooks';
import { needsChecking } from '@/lib/asset-rules';
import { categoryLabel } from '@/lib/categories';
import { COST_LABELS, REFERRAL_SHORT, waitingText } from '@/lib/format';
import type { ReportReason } from '@/lib/reports';
import type { AssetSearch } from '@/lib/search';
import type { Asset, Delivery, SearchFilters } from '@/lib/types';
import { AssetDetails } from './AssetDetails';
import { ReportProblem } from './ReportProblem';
import { SupportFilters } from './SupportFilters';

export interface SupportFinderProps {
  search: AssetSearch;
  /** Need categories chosen in the previous step: used as the starting category filter. */
  needs: string[];
  selected: Asset[];
  onToggle(asset: Asset): void;
  /** ISO date for "needs checking" flags. */
  today: string;
  staleAfterMonths: number;
  /** Offered on each opened result; stores only the asset id and a reason code. Resolves when saved. */
  onReport?(asset: Asset, reason: ReportReason): Promise<void>;
  /** The directory is still being read: typing is kept and searched as soon as it arrives. */
  pending?: boolean;
}

/** Results are rendered a page at a time: a county feed can match thousands of assets. */
const PAGE = 25;

export interface FilterState {
  categories: string[];
  freeOnly: boolean;
  selfOnly: boolean;
  delivery: Delivery[];
  age: string;
}

export function toSearchFilters(f: FilterState): SearchFilters {
  const age = Number.parseInt(f.age, 10);
  return {
    categories: f.categories.length ? f.categories : undefined,
    cost: f.freeOnly ? ['free'] : undefined,
    referral: f.selfOnly ? ['self'] : undefined,
    delivery: f.delivery.length ? f.delivery : undefined,
    age: Number.isFinite(age) ? age : undefined,
  };
}

/**
 * Search box, need chips, filters and results for the "choose support" step.
 * Keys: ↓ from the search box into the results, ↑/↓ between results, Space or 1–9 to choose a result,
 * "Details" to open one. Enter is left to the conversation (go on).
 */
export function SupportFinder({
  search,
  needs,
  selected,
  onToggle,
  today,
  staleAfterMonths,
  onReport,
  pending = false,
}: SupportFinderProps) {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<FilterState>({
    categories: needs,
    freeOnly: false,
    selfOnly: false,
    delivery: [],
    age: '',
  });
  const [open, setOpen] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [reporting, setReporting] = useState<string | null>(null);
  const [reported, setReported] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const hits = useMemo(() => search.search(query, toSearchFilters(filters)), [search, query, filters]);
  const suggestions = useMemo(
    () => (query.trim() ? search.suggestCategories(query).filter((s) => !filters.categories.includes(s.category)) : []),
    [search, query, filters.categories],
  );
  const selectedIds = new Set(selected.map((a) => a.id));
  const visible = hits.slice(0, shown);

  const setCategories = (categories: string[]) => {
    setFilters({ ...filters, categories });
    setShown(PAGE);
  };

  const focusResult = (index: number) => {
    const boxes = listRef.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    if (!boxes?.length) return;
    boxes[Math.max(0, Math.min(boxes.length - 1, index))].focus();
  };

  const onListKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const index = Number(target.closest('li')?.dataset.index ?? -1);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusResult(index + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (index <= 0) document.getElementById('support-search')?.focus();
      else focusResult(index - 1);
    } else if (/^[1-9]$/.test(e.key) && !e.ctrlKey && !e.altKey && !e.metaKey) {
      const hit = visible[Number(e.key) - 1];
      if (hit) {
        e.preventDefault();
        e.stopPropagation();
        onToggle(hit.asset);
        focusResult(Number(e.key) - 1);
      }
    }
  };

  return (
    <div class="support-finder">
      <label for="support-search">Search support</label>
      <p class="hint" id="support-search-hint">
        Type what the patient said, a need or a group's name. Press ↓ to go to the results.
      </p>
      <input
        id="support-search"
        type="search"
        autoComplete="off"
        spellcheck={false}
        aria-describedby="support-search-hint"
        aria-controls="support-results"
        value={query}
        onInput={(e) => {
          setQuery((e.target as HTMLInputElement).value);
          setShown(PAGE);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            focusResult(0);
          }
        }}
      />

      {(filters.categories.length > 0 || suggestions.length > 0) && (
        <fieldset class="chips">
          <legend class="visually-hidden">Needs</legend>
          {filters.categories.map((c) => (
            <button
              type="button"
              class="chip on"
              key={c}
              aria-pressed="true"
              onClick={() => setCategories(filters.categories.filter((x) => x !== c))}
            >
              {categoryLabel(c)} <span aria-hidden="true">×</span>
            </button>
          ))}
          {suggestions.slice(0, 4).map((s) => (
            <button
              type="button"
              class="chip suggested"
              key={s.category}
              aria-pressed="false"
              title={`Suggested because of: ${s.because.join(', ')}`}
              onClick={() => setCategories([...filters.categories, s.category])}
            >
              <span aria-hidden="true">+ </span>
              {categoryLabel(s.category)}
              <span class="visually-hidden"> (suggested because of {s.because.join(', ')})</span>
            </button>
          ))}
        </fieldset>
      )}

      <SupportFilters
        value={filters}
        onChange={(f) => {
          setFilters(f);
          setShown(PAGE);
        }}
      />

      <p class="result-count" role="status" aria-live="polite">
        {pending
          ? 'Loading the directory…'
          : hits.length === 0 && !query.trim() && filters.categories.length === 0
            ? 'Type what the patient said, or add a need, to see matching support.'
            : hits.length === 0
              ? 'No matching support. Try other words, remove a filter, or choose "Nothing suitable".'
              : `${hits.length} ${hits.length === 1 ? 'result' : 'results'}${selected.length ? `, ${selected.length} chosen` : ''}`}
      </p>

      <ol id="support-results" class="results" ref={listRef} onKeyDown={onListKey} aria-label="Matching support">
        {visible.map((hit, i) => {
          const a = hit.asset;
          const stale = needsChecking(a, today, staleAfterMonths);
          const isOpen = open === a.id;
          return (
            <li key={a.id} data-index={i} class={selectedIds.has(a.id) ? 'chosen' : ''}>
              <div class="result-head">
                <input
                  type="checkbox"
                  id={`pick-${a.id}`}
                  checked={selectedIds.has(a.id)}
                  onChange={() => onToggle(a)}
                  aria-describedby={`meta-${a.id}`}
                />
                <label for={`pick-${a.id}`} class="result-name">
                  {i < 9 && (
                    <span class="key" aria-hidden="true">
                      {i + 1}
                    </span>
                  )}
                  {a.name}
                </label>
                <button
                  type="button"
                  class="details-toggle"
                  aria-expanded={isOpen}
                  aria-controls={`details-${a.id}`}
                  onClick={() => setOpen(isOpen ? null : a.id)}
                >
                  Details<span class="visually-hidden"> of {a.name}</span>
                </button>
              </div>
              <p class="result-meta hint" id={`meta-${a.id}`}>
                {[a.cost && COST_LABELS[a.cost], a.referral && REFERRAL_SHORT[a.referral], waitingText(a)]
                  .filter(Boolean)
                  .join(' · ')}
                {stale && <span class="tag stale">Needs checking</span>}
              </p>
              {isOpen && (
                <div id={`details-${a.id}`}>
                  <AssetDetails
                    asset={a}
                    stale={stale}
                    why={hit.why}
                    onReport={onReport && reporting !== a.id ? () => setReporting(a.id) : undefined}
                  />
                  {onReport && reporting === a.id && (
                    <ReportProblem
                      asset={a}
                      onSend={async (reason) => {
                        await onReport(a, reason);
                        setReporting(null);
                        setReported(a.id);
                      }}
                      onClose={() => setReporting(null)}
                    />
                  )}
                  {reported === a.id && (
                    <p class="success" role="status">
                      Thank you. The practice lead will check this entry.
                    </p>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {hits.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show more results ({hits.length - shown} more)
        </button>
      )}
    </div>
  );
}
