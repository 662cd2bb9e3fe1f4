import { browser } from 'wxt/browser';
import { type Db, openCareDb } from './db';
import { replaceDirectory } from './directory-store';
import { parseOrukPage } from './oruk';
import { ensurePanelPack } from './panel-snapshot';
import { hasFeedPermission, type PermissionsApi } from './permissions';
import { loadSettings } from './settings';
import type { Asset, Issue, ParseResult, Warning } from './types';

/**
 * The optional Open Referral UK directory feed: fetch every page of `/services`, and the state the
 * Directory tab shows (when it last worked, why the latest refresh failed). A failed fetch never
 * touches the stored directory: the last good copy stays in use.
 */

export const FEED_META_KEY = 'feed';
export const FEED_ALARM = 'directory-feed-refresh';
/** Scheduled refresh period: once a day is enough for a directory that changes weekly at most. */
export const FEED_REFRESH_MINUTES = 24 * 60;
export const DEFAULT_PER_PAGE = 100;
export const DEFAULT_PAGE_TIMEOUT_MS = 30_000;
/** A runaway feed (one that never says it is on the last page) stops here. */
export const DEFAULT_MAX_PAGES = 2_000;

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface FeedProgress {
  /** Pages fetched so far (0 before the first one arrives). */
  page: number;
  /** Total pages as the feed reports them, once known. */
  totalPages?: number;
  services: number;
}

export interface FetchFeedOptions {
  fetch?: FetchLike;
  signal?: AbortSignal;
  onProgress?: (progress: FeedProgress) => void;
  perPage?: number;
  timeoutMs?: number;
  maxPages?: number;
}

export interface FeedResult extends ParseResult {
  url: string;
  pages: number;
}

export type FeedErrorKind = 'address' | 'cancelled' | 'timeout' | 'network' | 'http' | 'json' | 'format' | 'empty';

export class FeedError extends Error {
  constructor(
    public readonly kind: FeedErrorKind,
    message: string,
    public readonly page?: number,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

/** The API base a lead typed, tidied: https only, no trailing `/services` or slash. */
export function feedBaseUrl(address: string): string {
  const text = address.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FeedError('address', `"${text}" is not a web address. It should start with https://`);
  }
  if (url.protocol !== 'https:') throw new FeedError('address', 'The feed address must start with https://');
  url.hash = '';
  url.search = '';
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/services$/i, '');
  return url.toString().replace(/\/+$/, '');
}

export function servicesPageUrl(base: string, page: number, perPage: number): string {
  const url = new URL(`${feedBaseUrl(base)}/services`);
  url.searchParams.set('page', String(page));
  url.searchParams.set('per_page', String(perPage));
  return url.toString();
}

function pageName(page: number, totalPages?: number): string {
  return totalPages ? `page ${page} of ${totalPages}` : `page ${page}`;
}

function httpProblem(status: number, statusText: string): string {
  const code = `${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 404) return `the feed server says the address was not found (${code}). Check the API address`;
  if (status === 401 || status === 403)
    return `the feed server refused access (${code}). It may need a key, which this extension cannot send`;
  if (status === 429) return `the feed server says too many requests were made (${code}). Try again later`;
  if (status >= 500) return `the feed server had an error (${code}). Try again later`;
  return `the feed server answered ${code}`;
}

async function fetchPage(
  doFetch: FetchLike,
  url: string,
  page: number,
  totalPages: number | undefined,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<unknown> {
  const where = pageName(page, totalPages);
  const ctrl = new AbortController();
  let timedOut = false;
  const onAbort = () => ctrl.abort();
  signal?.addEventListener('abort', onAbort);
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, timeoutMs);
  const failed = (err: unknown): FeedError => {
    if (signal?.aborted) return new FeedError('cancelled', 'Fetching the feed was cancelled.', page);
    if (timedOut)
      return new FeedError(
        'timeout',
        `Fetching ${where} took longer than ${Math.round(timeoutMs / 1000)} seconds, so the feed was given up.`,
        page,
      );
    const detail = err instanceof Error && err.message ? ` (${err.message})` : '';
    return new FeedError(
      'network',
      `Could not reach the feed for ${where}${detail}. Check the internet connection and the address.`,
      page,
    );
  };
  try {
    if (signal?.aborted) throw new Error('cancelled');
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        signal: ctrl.signal,
        headers: { Accept: 'application/json' },
        credentials: 'omit',
        cache: 'no-store',
      });
      if (!response.ok)
        throw new FeedError(
          'http',
          `Could not fetch ${where}: ${httpProblem(response.status, response.statusText)}.`,
          page,
        );
      text = await response.text();
    } catch (err) {
      if (err instanceof FeedError) throw err;
      throw failed(err);
    }
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      const start = text.trimStart().slice(0, 1);
      const hint = start === '<' ? ' (it looks like a web page, so the address may be wrong)' : '';
      throw new FeedError('json', `The feed's ${where} is not valid JSON${hint}.`, page);
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function isPageShaped(json: unknown): boolean {
  return (
    !!json &&
    typeof json === 'object' &&
    !Array.isArray(json) &&
    (Array.isArray((json as { content?: unknown }).content) || Array.isArray((json as { contents?: unknown }).contents))
  );
}

/**
 * Fetches every page of `<base>/services` (ORUK v1 `content`/`totalPages`/`last` or HSDS 3
 * `contents`/`total_pages`/`last_page`) and returns all services as assets. Any failure throws a
 * FeedError with a plain-English message and returns nothing partial: a half-fetched feed must never
 * replace a whole directory.
 */
export async function fetchFeed(baseUrl: string, options: FetchFeedOptions = {}): Promise<FeedResult> {
  const doFetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const perPage = options.perPage ?? DEFAULT_PER_PAGE;
  const timeoutMs = options.timeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const base = feedBaseUrl(baseUrl);

  const byId = new Map<string, Asset>();
  const errors: Issue[] = [];
  const warnings: Warning[] = [];
  let totalPages: number | undefined;
  let previousIds = '';
  let page = 0;
  options.onProgress?.({ page: 0, services: 0 });

  for (;;) {
    if (options.signal?.aborted) throw new FeedError('cancelled', 'Fetching the feed was cancelled.', page + 1);
    page += 1;
    if (page > maxPages)
      throw new FeedError(
        'format',
        `The feed kept sending pages past ${maxPages} without saying it had finished, so it was given up.`,
        page,
      );
    const json = await fetchPage(
      doFetch,
      servicesPageUrl(base, page, perPage),
      page,
      totalPages,
      options.signal,
      timeoutMs,
    );
    const where = pageName(page, totalPages);
    if (!isPageShaped(json))
      throw new FeedError(
        'format',
        `The feed's ${where} is not an Open Referral list of services (it has no "content" or "contents" list). Check the address is the API base.`,
        page,
      );
    let parsed: ReturnType<typeof parseOrukPage>;
    try {
      parsed = parseOrukPage(json);
    } catch (err) {
      throw new FeedError(
        'format',
        `The feed's ${where} could not be read: ${err instanceof Error ? err.message : String(err)}`,
        page,
      );
    }
    if (parsed.page.totalPages && parsed.page.totalPages > 0) totalPages = parsed.page.totalPages;
    for (const e of parsed.errors) errors.push({ ...e, message: `Page ${page}: ${e.message}` });
    for (const w of parsed.warnings) warnings.push({ ...w, message: `Page ${page}: ${w.message}` });

    const ids = parsed.assets.map((a) => a.id).join('\u0000');
    const serviceCount = parsed.assets.length + parsed.errors.length;
    if (page > 1 && ids !== '' && ids === previousIds)
      throw new FeedError(
        'format',
        `The feed sent the same services for page ${page} as for page ${page - 1}, so it does not seem to support paging.`,
        page,
      );
    previousIds = ids;

    for (const asset of parsed.assets) {
      if (byId.has(asset.id))
        warnings.push({
          message: `Page ${page}: service id "${asset.id}" appeared earlier in the feed; the later copy is used.`,
        });
      byId.set(asset.id, { ...asset, source: base });
    }
    options.onProgress?.({ page, totalPages, services: byId.size });

    const done = parsed.page.last === true || serviceCount === 0 || (totalPages !== undefined && page >= totalPages);
    if (done) break;
  }

  const assets = [...byId.values()];
  if (assets.length === 0)
    throw new FeedError(
      'empty',
      errors.length
        ? `The feed sent ${errors.length} services but none could be used (first problem: ${errors[0].message}).`
        : 'The feed sent no services.',
      page,
    );
  return { url: base, pages: page, assets, errors, warnings };
}

export interface FeedState {
  url: string;
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  /** Plain-English reason the latest attempt failed; absent when it succeeded. */
  lastError?: string;
  /** Services imported by the last successful fetch. */
  lastCount?: number;
}

function isFeedState(value: unknown): value is FeedState {
  return !!value && typeof value === 'object' && typeof (value as FeedState).url === 'string';
}

export async function loadFeedState(db: Db): Promise<FeedState | null> {
  const value = await db.get('meta', FEED_META_KEY);
  return isFeedState(value) ? value : null;
}

/** Records one attempt; a success clears the previous error, a failure keeps the last success time. */
export async function recordFeedAttempt(
  db: Db,
  url: string,
  at: string,
  outcome: { ok: true; count: number } | { ok: false; error: string },
): Promise<FeedState> {
  const tx = db.transaction('meta', 'readwrite');
  const prevRaw = await tx.store.get(FEED_META_KEY);
  const prev = isFeedState(prevRaw) && prevRaw.url === url ? prevRaw : { url };
  const next: FeedState = outcome.ok
    ? { url, lastAttemptAt: at, lastSuccessAt: at, lastCount: outcome.count }
    : { ...prev, url, lastAttemptAt: at, lastError: outcome.error };
  await Promise.all([tx.store.put(next, FEED_META_KEY), tx.done]);
  return next;
}

export async function clearFeedState(db: Db): Promise<void> {
  await db.delete('meta', FEED_META_KEY);
}

/** Applies a fully fetched feed as a replacement and records the success. */
export async function applyFeed(db: Db, result: FeedResult, at: string): Promise<FeedState> {
  await replaceDirectory(db, result.assets, { source: result.url, at });
  return recordFeedAttempt(db, result.url, at, { ok: true, count: result.assets.length });
}

export interface ScheduledRefreshDeps {
  /** The configured feed address (settings, possibly fixed by policy); empty when none. */
  feedUrl: string;
  now: () => Date;
  fetch?: FetchLike;
  permissions?: PermissionsApi;
  signal?: AbortSignal;
}

export type RefreshOutcome =
  | { status: 'skipped'; reason: string }
  | { status: 'updated'; count: number }
  | { status: 'failed'; error: string };

/**
 * What the daily alarm does: refetch the configured feed, and only if every page arrived, replace
 * the directory. Without a feed nothing happens; without permission the failure is recorded so the
 * Directory tab can say why the directory is not being refreshed.
 */
export async function refreshFeed(db: Db, deps: ScheduledRefreshDeps): Promise<RefreshOutcome> {
  const address = deps.feedUrl.trim();
  if (!address) return { status: 'skipped', reason: 'No directory feed is connected.' };
  let url: string;
  try {
    url = feedBaseUrl(address);
  } catch (err) {
    return { status: 'skipped', reason: (err as Error).message };
  }
  const startedAt = deps.now().toISOString();
  if (!(await hasFeedPermission(url, deps.permissions))) {
    const error = `The browser no longer allows this extension to reach ${new URL(url).host}. Reconnect the feed on the Directory tab to allow it again.`;
    await recordFeedAttempt(db, url, startedAt, { ok: false, error });
    return { status: 'failed', error };
  }
  let result: FeedResult;
  try {
    result = await fetchFeed(url, { fetch: deps.fetch, signal: deps.signal });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await recordFeedAttempt(db, url, startedAt, { ok: false, error });
    return { status: 'failed', error };
  }
  try {
    await applyFeed(db, result, deps.now().toISOString());
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await recordFeedAttempt(db, url, startedAt, { ok: false, error });
    return { status: 'failed', error };
  }
  return { status: 'updated', count: result.assets.length };
}

export interface FeedAlarmOptions {
  openDb?: () => Promise<Db>;
  now?: () => Date;
  fetch?: FetchLike;
  permissions?: PermissionsApi;
}

/** One scheduled refresh with the current settings (what the alarm does). */
export async function runScheduledRefresh(options: FeedAlarmOptions = {}): Promise<RefreshOutcome> {
  const { settings } = await loadSettings();
  if (!settings.feedUrl) return { status: 'skipped', reason: 'No directory feed is connected.' };
  const db = await (options.openDb ?? openCareDb)();
  const now = options.now ?? (() => new Date());
  try {
    const outcome = await refreshFeed(db, {
      feedUrl: settings.feedUrl,
      now,
      fetch: options.fetch,
      permissions: options.permissions,
    });
    // The side panel's next open should not be the one that reads and indexes every new record.
    if (outcome.status === 'updated') await ensurePanelPack(db, now()).catch(() => false);
    return outcome;
  } finally {
    db.close();
  }
}

/**
 * Call at every background start: the listener must be added each time the service worker wakes,
 * while the alarm persists and is only created when missing (re-creating would push the next run back).
 */
export async function registerFeedAlarm(options: FeedAlarmOptions = {}): Promise<void> {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== FEED_ALARM) return;
    return runScheduledRefresh(options).then(
      () => undefined,
      (err) => console.error('The directory feed refresh failed; it will be tried again tomorrow.', err),
    );
  });
  const existing = await browser.alarms.get(FEED_ALARM);
  if (!existing) await browser.alarms.create(FEED_ALARM, { delayInMinutes: 5, periodInMinutes: FEED_REFRESH_MINUTES });
}
