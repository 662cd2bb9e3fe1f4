import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { FIELD_LABELS } from '@/lib/asset-rules';
import type { DirectoryDiff } from '@/lib/directory-diff';
import type { Asset } from '@/lib/types';

export type ApplyMode = 'replace' | 'merge';

export interface DirectoryPreviewProps {
  /** What is being imported, e.g. `"practice.csv" (CSV)` or the feed address. */
  sourceLabel: string;
  diff: DirectoryDiff;
  /** Feeds are applied as a replacement only. */
  allowMerge: boolean;
  /** Notes about reading the file (encoding) that did not stop the import. */
  notes?: string[];
  busy: boolean;
  onApply(mode: ApplyMode): void;
  onCancel(): void;
}

/** Long lists are cut here: a 10,000-row preview would freeze the tab and nobody reads it all. */
const LIST_LIMIT = 200;

const n = (count: number) => count.toLocaleString('en-GB');
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

function fieldName(field: string): string {
  return (FIELD_LABELS as Record<string, string>)[field] ?? field;
}

function assetLabel(a: Asset): string {
  return a.organisation ? `${a.name} (${a.organisation})` : a.name;
}

function Limited<T>(props: { items: T[]; render: (item: T, i: number) => ComponentChildren }) {
  const shown = props.items.slice(0, LIST_LIMIT);
  return (
    <>
      <ul class="preview-list">{shown.map(props.render)}</ul>
      {props.items.length > shown.length && (
        <p class="hint">and {n(props.items.length - shown.length)} more not listed here.</p>
      )}
    </>
  );
}

function Section(props: { id: string; title: string; count: number; open?: boolean; children: ComponentChildren }) {
  if (props.count === 0) return null;
  return (
    <details class="preview-section" id={props.id} open={props.open}>
      <summary>
        {props.title} ({n(props.count)})
      </summary>
      {props.children}
    </details>
  );
}

/** What an import or feed would change, before anything is written. Nothing changes until Replace or Merge. */
export function DirectoryPreview(props: DirectoryPreviewProps) {
  const { diff } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const incoming = diff.added.length + diff.changed.length + diff.unchanged.length;
  const nothingUsable = incoming === 0;
  const mergeIsNoop = diff.added.length === 0 && diff.changed.length === 0;

  return (
    <section class="directory-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading" tabIndex={-1} ref={heading}>
        Check before importing
      </h2>
      <p>
        From {props.sourceLabel}. <strong>Nothing has changed yet.</strong>
      </p>
      {props.notes?.map((note) => (
        <p class="notice" key={note}>
          {note}
        </p>
      ))}

      <dl class="preview-counts">
        <div>
          <dt>New</dt>
          <dd>{n(diff.added.length)}</dd>
        </div>
        <div>
          <dt>Changed</dt>
          <dd>{n(diff.changed.length)}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd>{n(diff.unchanged.length)}</dd>
        </div>
        <div class={diff.rejected.length ? 'bad' : ''}>
          <dt>Rejected</dt>
          <dd>{n(diff.rejected.length)}</dd>
        </div>
        <div>
          <dt>Warnings</dt>
          <dd>{n(diff.warnings.length)}</dd>
        </div>
        <div class={diff.missing.length ? 'bad' : ''}>
          <dt>Removed by a replacement</dt>
          <dd>{n(diff.missing.length)}</dd>
        </div>
      </dl>

      {nothingUsable && (
        <div class="problem" role="alert">
          <h3>Nothing in this file can be imported</h3>
          <p>
            {diff.rejected.length
              ? `All ${plural(diff.rejected.length, 'row')} were rejected. The reasons are listed below; fix the file and try again.`
              : 'The file has no directory entries.'}{' '}
            The directory has not changed.
          </p>
        </div>
      )}

      <Section id="preview-rejected" title="Rejected rows" count={diff.rejected.length} open>
        <p class="hint">These rows are left out. The rest can still be imported.</p>
        <Limited
          items={diff.rejected}
          render={(issue, i) => (
            <li key={i}>
              {issue.line !== undefined ? <strong>Line {issue.line}: </strong> : null}
              {issue.message}
            </li>
          )}
        />
      </Section>
      <Section id="preview-warnings" title="Warnings" count={diff.warnings.length} open={diff.warnings.length <= 10}>
        <Limited
          items={diff.warnings}
          render={(w, i) => (
            <li key={i}>
              {w.line !== undefined ? <strong>Line {w.line}: </strong> : null}
              {w.message}
            </li>
          )}
        />
      </Section>
      <Section id="preview-added" title="New assets" count={diff.added.length}>
        <Limited items={diff.added} render={(a) => <li key={a.id}>{assetLabel(a)}</li>} />
      </Section>
      <Section id="preview-changed" title="Changed assets" count={diff.changed.length}>
        <Limited
          items={diff.changed}
          render={(c) => (
            <li key={c.after.id}>
              {assetLabel(c.after)}: <span class="hint">{c.fields.map(fieldName).join(', ')} changed</span>
            </li>
          )}
        />
      </Section>
      <Section id="preview-unchanged" title="Unchanged assets" count={diff.unchanged.length}>
        <Limited items={diff.unchanged} render={(a) => <li key={a.id}>{assetLabel(a)}</li>} />
      </Section>
      <Section id="preview-missing" title="Current assets not in this import" count={diff.missing.length}>
        <p class="hint">Replace removes these. Merge keeps them.</p>
        <Limited items={diff.missing} render={(a) => <li key={a.id}>{assetLabel(a)}</li>} />
      </Section>

      <div class="apply-choices">
        <div class="apply-choice">
          <button
            type="button"
            class="primary"
            disabled={props.busy || nothingUsable}
            aria-describedby="apply-replace-hint"
            onClick={() => props.onApply('replace')}
          >
            Replace the directory
          </button>
          <p class="hint" id="apply-replace-hint">
            The directory becomes exactly these {plural(incoming, 'asset')}
            {diff.missing.length ? `: ${plural(diff.missing.length, 'current asset')} will be removed.` : '.'}
          </p>
        </div>
        {props.allowMerge && (
          <div class="apply-choice">
            <button
              type="button"
              disabled={props.busy || nothingUsable || mergeIsNoop}
              aria-describedby="apply-merge-hint"
              onClick={() => props.onApply('merge')}
            >
              Merge into the directory
            </button>
            <p class="hint" id="apply-merge-hint">
              {mergeIsNoop
                ? 'Nothing to merge: every asset in the import is already in the directory unchanged.'
                : `Adds ${plural(diff.added.length, 'new asset')}, updates ${plural(diff.changed.length, 'changed one')} and keeps everything else.`}
            </p>
          </div>
        )}
        <div class="apply-choice">
          <button type="button" onClick={props.onCancel} disabled={props.busy}>
            Cancel
          </button>
          <p class="hint">Leave the directory as it is.</p>
        </div>
      </div>
      {props.busy && (
        <p role="status" class="hint">
          Saving the directory…
        </p>
      )}
    </section>
  );
}
