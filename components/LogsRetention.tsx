import { useEffect, useState } from 'preact/hooks';
import type { Db } from '@/lib/db';
import { formatLongDate } from '@/lib/periods';
import { type CleanUpRecord, deleteExpired, type ExpiryPreview, eventsToExpire, lastCleanUp } from '@/lib/retention';
import { saveSettings, settingError } from '@/lib/settings';

interface Props {
  db: Db;
  now: () => Date;
  retentionDays: number;
  /** Set by the organisation's policy, so it cannot be changed here. */
  locked: boolean;
  /** Called after events were deleted or the retention setting changed. */
  onChanged(): void;
}

const day = (iso: string) => formatLongDate(new Date(iso));

/** How long the log is kept, and exactly what the next daily clean-up will delete. */
export function LogsRetention({ db, now, retentionDays, locked, onChanged }: Props) {
  const [draft, setDraft] = useState(String(retentionDays));
  const [preview, setPreview] = useState<ExpiryPreview | null>(null);
  const [last, setLast] = useState<CleanUpRecord | undefined>();
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [refresh, setRefresh] = useState(0);

  const days = Number(draft);
  const draftError = draft.trim() === '' ? 'Enter a number of days.' : settingError('retentionDays', days);

  useEffect(() => setDraft(String(retentionDays)), [retentionDays]);

  useEffect(() => {
    let live = true;
    const d = draftError ? retentionDays : days;
    Promise.all([eventsToExpire(db, now(), d), lastCleanUp(db)]).then(
      ([p, l]) => {
        if (!live) return;
        setPreview(p);
        setLast(l);
      },
      (err) => live && setError(`The clean-up preview could not be worked out: ${(err as Error).message}`),
    );
    return () => {
      live = false;
    };
  }, [db, days, draftError, retentionDays, refresh, now]);

  async function save(e: Event) {
    e.preventDefault();
    setMessage('');
    if (draftError) {
      setError(draftError);
      return;
    }
    try {
      await saveSettings({ retentionDays: days });
      setError('');
      setMessage(`Saved. Events are now kept for ${days} days.`);
      onChanged();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function deleteNow() {
    try {
      const n = await deleteExpired(db, now(), retentionDays);
      setConfirming(false);
      setMessage(`${n} ${n === 1 ? 'event was' : 'events were'} deleted.`);
      setRefresh((r) => r + 1);
      onChanged();
    } catch (err) {
      setError(`Nothing was deleted: ${(err as Error).message}`);
    }
  }

  const changed = !draftError && days !== retentionDays;
  return (
    <section class="panel-section no-print" aria-labelledby="retention-heading">
      <h2 id="retention-heading">How long the log is kept</h2>
      <form onSubmit={save} class="retention-form" noValidate>
        <label for="retention-days">Keep events for (days)</label>
        <p class="hint" id="retention-hint">
          {locked
            ? "Set by your organisation's policy."
            : 'From 30 to 3650 days. Older events are deleted automatically once a day.'}
        </p>
        <div class="inline-field">
          <input
            id="retention-days"
            type="number"
            inputMode="numeric"
            min={30}
            max={3650}
            step={1}
            value={draft}
            disabled={locked}
            aria-invalid={draftError ? true : undefined}
            aria-describedby={`retention-hint${error ? ' retention-error' : ''}`}
            onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
          />
          {!locked && (
            <button type="submit" disabled={!changed}>
              Save
            </button>
          )}
        </div>
      </form>
      {error && (
        <p id="retention-error" class="error-message" role="alert">
          {error}
        </p>
      )}
      <div role="status" class="status">
        {preview && (
          <p>
            {preview.count === 0
              ? `${changed ? 'With this setting, the' : 'The'} next clean-up will delete nothing: there are no events from before ${day(preview.cutoff)}.`
              : `${changed ? 'With this setting, the' : 'The'} next clean-up will delete ${preview.count} ${preview.count === 1 ? 'event' : 'events'} logged from ${day(preview.oldest ?? preview.cutoff)} to ${day(preview.newest ?? preview.cutoff)} (everything before ${day(preview.cutoff)}).`}
          </p>
        )}
        {message && <p>{message}</p>}
      </div>
      <p class="hint">
        {last
          ? `Last clean-up: ${day(last.at)}, ${last.deleted} ${last.deleted === 1 ? 'event' : 'events'} deleted.`
          : 'No clean-up has run yet.'}
      </p>
      {preview && preview.count > 0 && !changed && (
        <div class="button-row">
          {confirming ? (
            <>
              <p class="warning-text">
                Delete {preview.count} {preview.count === 1 ? 'event' : 'events'} now? This cannot be undone.
              </p>
              <button type="button" class="warning" onClick={deleteNow}>
                Yes, delete them
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Delete these events now
            </button>
          )}
        </div>
      )}
    </section>
  );
}
