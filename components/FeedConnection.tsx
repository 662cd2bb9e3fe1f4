import { useEffect, useRef, useState } from 'preact/hooks';
import type { Db } from '@/lib/db';
import {
  FeedError,
  type FeedProgress,
  type FeedResult,
  type FeedState,
  type FetchLike,
  feedBaseUrl,
  fetchFeed,
  recordFeedAttempt,
} from '@/lib/feed';
import { longDate } from '@/lib/format';
import {
  FeedAddressError,
  feedOriginPattern,
  hasFeedPermission,
  type PermissionsApi,
  requestFeedPermission,
} from '@/lib/permissions';

export interface FeedConnectionProps {
  db: Db;
  /** The configured feed address (settings); empty when none. */
  feedUrl: string;
  /** The address is fixed by the organisation's policy. */
  urlLocked: boolean;
  feedState: FeedState | null;
  /** Another preview is open: one change at a time. */
  disabled: boolean;
  now: () => Date;
  permissions?: PermissionsApi;
  fetch?: FetchLike;
  onFetched(result: FeedResult): void;
  onStateChanged(): void;
  onDisconnect(): Promise<void>;
}

/** "4 March 2026 at 10:05" in the browser's local time. */
export function whenText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  const local = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return `${longDate(local)} at ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function progressText(p: FeedProgress): string {
  if (p.page === 0) return 'Contacting the feed…';
  const page = p.totalPages
    ? `page ${p.page.toLocaleString('en-GB')} of ${p.totalPages.toLocaleString('en-GB')}`
    : `page ${p.page.toLocaleString('en-GB')}`;
  return `Fetched ${page} (${p.services.toLocaleString('en-GB')} services so far)`;
}

export function FeedConnection(props: FeedConnectionProps) {
  const { feedUrl, urlLocked, feedState } = props;
  const [address, setAddress] = useState(feedUrl);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [progress, setProgress] = useState<FeedProgress | null>(null);
  const [granted, setGranted] = useState<boolean | null>(null);
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    if (feedUrl) void hasFeedPermission(feedUrl, props.permissions).then((ok) => live && setGranted(ok));
    else setGranted(null);
    return () => {
      live = false;
    };
  }, [feedUrl, props.permissions]);
  useEffect(() => () => abort.current?.abort(), []);

  const fetching = progress !== null;

  const connect = (e: Event) => {
    e.preventDefault();
    setError(null);
    setInfo(null);
    setFieldError(null);
    const target = urlLocked ? feedUrl : address.trim();
    let base: string;
    try {
      feedOriginPattern(target);
      base = feedBaseUrl(target);
    } catch (err) {
      setFieldError(err instanceof Error ? err.message : String(err));
      return;
    }
    // Called before any await: the browser only shows its permission prompt during the click.
    const asked = requestFeedPermission(base, props.permissions);
    void run(base, asked);
  };

  const run = async (base: string, asked: Promise<boolean>) => {
    const host = new URL(base).host;
    let ok: boolean;
    try {
      ok = await asked;
    } catch (err) {
      setError(
        err instanceof FeedAddressError
          ? err.message
          : `The browser could not ask for access to ${host} (${err instanceof Error ? err.message : String(err)}).`,
      );
      return;
    }
    setGranted(ok);
    if (!ok) {
      setError(
        `The browser did not allow access to ${host}, so the feed was not fetched. The directory has not changed.`,
      );
      return;
    }
    const ctrl = new AbortController();
    abort.current = ctrl;
    setProgress({ page: 0, services: 0 });
    requestAnimationFrame(() => cancelButton.current?.focus());
    const startedAt = props.now().toISOString();
    try {
      const result = await fetchFeed(base, { fetch: props.fetch, signal: ctrl.signal, onProgress: setProgress });
      props.onFetched(result);
    } catch (err) {
      if (err instanceof FeedError && err.kind === 'cancelled') {
        setInfo('Fetching was cancelled. The directory has not changed.');
      } else {
        const message = err instanceof Error ? err.message : String(err);
        setError(`${message} The directory has not changed.`);
        // Only a configured feed has a state to show on the tab; a first try that fails leaves none.
        if (feedUrl && feedBaseUrl(feedUrl) === base) {
          await recordFeedAttempt(props.db, base, startedAt, { ok: false, error: message }).catch(() => undefined);
          props.onStateChanged();
        }
      }
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const stateForThisFeed = feedState && feedUrl && feedState.url === safeBase(feedUrl) ? feedState : null;

  return (
    <section class="feed-connection" aria-labelledby="feed-heading">
      <h2 id="feed-heading">Directory feed</h2>
      {feedUrl ? (
        <div class="feed-status">
          <p>
            Connected to <span class="url">{feedUrl}</span>
            {urlLocked && <span class="tag locked">Set by your organisation's policy</span>}
          </p>
          {stateForThisFeed?.lastSuccessAt ? (
            <p>
              Last fetched {whenText(stateForThisFeed.lastSuccessAt)}
              {stateForThisFeed.lastCount !== undefined
                ? ` (${stateForThisFeed.lastCount.toLocaleString('en-GB')} services)`
                : ''}
              .
            </p>
          ) : (
            <p>Not fetched successfully yet.</p>
          )}
          {stateForThisFeed?.lastError && (
            <div class="problem" id="feed-last-error">
              <p>
                <strong>
                  The latest refresh
                  {stateForThisFeed.lastAttemptAt ? `, ${whenText(stateForThisFeed.lastAttemptAt)},` : ''} failed:
                </strong>{' '}
                {stateForThisFeed.lastError}
              </p>
              <p>
                {stateForThisFeed.lastSuccessAt
                  ? 'The directory still holds the last good copy.'
                  : 'The directory has not been changed by the feed.'}
              </p>
            </div>
          )}
          {granted === false && (
            <p class="notice">
              This browser has not given the extension access to {safeHost(feedUrl)}, so automatic refreshes cannot run.
              Select "Fetch now" to allow it.
            </p>
          )}
          <p class="hint">The feed is fetched again automatically once a day while the browser is open.</p>
        </div>
      ) : (
        <p class="hint">
          Connect an Open Referral UK directory (for example your council's) to fill the directory from it. The feed
          replaces the whole directory; you see what would change first.
        </p>
      )}

      <form onSubmit={connect} noValidate>
        <div class={`form-group${fieldError ? ' form-group--error' : ''}`}>
          <label for="feed-url">Feed address (API base)</label>
          <p class="hint" id="feed-url-hint">
            Must start with https://, for example https://api.example.org/oruk. The extension asks the browser for
            access to that site only.
          </p>
          {fieldError && (
            <p class="error-message" id="feed-url-error">
              <span class="visually-hidden">Error: </span>
              {fieldError}
            </p>
          )}
          <input
            id="feed-url"
            type="url"
            autoComplete="off"
            spellcheck={false}
            value={urlLocked ? feedUrl : address}
            readOnly={urlLocked}
            aria-describedby={`feed-url-hint${fieldError ? ' feed-url-error' : ''}${urlLocked ? ' feed-url-locked' : ''}`}
            aria-invalid={!!fieldError || undefined}
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
          {urlLocked && (
            <p class="hint" id="feed-url-locked">
              Set by your organisation's policy: it cannot be changed here.
            </p>
          )}
        </div>
        <div class="button-row">
          <button type="submit" class="primary" disabled={fetching || props.disabled}>
            {feedUrl && (urlLocked || address.trim() === feedUrl) ? 'Fetch now' : 'Connect and fetch'}
          </button>
          {feedUrl && !urlLocked && !confirmDisconnect && (
            <button type="button" disabled={fetching} onClick={() => setConfirmDisconnect(true)}>
              Disconnect feed
            </button>
          )}
        </div>
      </form>

      {confirmDisconnect && (
        <section class="confirm notice" aria-labelledby="feed-disconnect-heading">
          <h3 id="feed-disconnect-heading">Disconnect the feed?</h3>
          <p>The directory keeps its current assets, but they will no longer be refreshed from the feed.</p>
          <div class="button-row">
            <button
              type="button"
              class="warning"
              onClick={async () => {
                setConfirmDisconnect(false);
                try {
                  await props.onDisconnect();
                  setInfo('The feed was disconnected. The directory has not changed.');
                } catch (err) {
                  setError(`The feed could not be disconnected: ${err instanceof Error ? err.message : String(err)}`);
                }
              }}
            >
              Yes, disconnect
            </button>
            <button type="button" onClick={() => setConfirmDisconnect(false)}>
              No, keep it
            </button>
          </div>
        </section>
      )}

      {fetching && progress && (
        <div class="feed-progress">
          <label for="feed-progress-bar">{progressText(progress)}</label>
          <progress
            id="feed-progress-bar"
            max={progress.totalPages ?? undefined}
            value={progress.totalPages ? progress.page : undefined}
          />
          <p role="status" class="visually-hidden">
            Fetching the feed. Nothing changes until you check and apply it.
          </p>
          <button type="button" ref={cancelButton} onClick={() => abort.current?.abort()}>
            Cancel fetching
          </button>
        </div>
      )}
      {error && (
        <div class="problem" role="alert">
          <p>{error}</p>
        </div>
      )}
      {info && (
        <p class="notice" role="status">
          {info}
        </p>
      )}
    </section>
  );
}

function safeBase(url: string): string {
  try {
    return feedBaseUrl(url);
  } catch {
    return url;
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
