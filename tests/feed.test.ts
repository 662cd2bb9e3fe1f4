import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type Db, openCareDb } from '@/lib/db';
import { loadDirectory, replaceDirectory } from '@/lib/directory-store';
import {
  FEED_ALARM,
  FEED_META_KEY,
  FeedError,
  type FeedProgress,
  type FetchLike,
  feedBaseUrl,
  fetchFeed,
  loadFeedState,
  recordFeedAttempt,
  refreshFeed,
  registerFeedAlarm,
  servicesPageUrl,
} from '@/lib/feed';
import { openPanelPack } from '@/lib/panel-snapshot';
import type { PermissionsApi } from '@/lib/permissions';
import { saveSettings } from '@/lib/settings';
import type { Asset } from '@/lib/types';

type Dialect = 'oruk1' | 'hsds3';

function service(i: number, dialect: Dialect, prefix = 'svc') {
  const base = {
    id: `${prefix}-${i}`,
    name: `Lunch club ${i}`,
    description: 'A friendly lunch club for older people who feel lonely or isolated.',
    email: `club${i}@example.org`,
    url: `https://example.org/club/${i}`,
    status: 'active',
  };
  return dialect === 'oruk1'
    ? {
        ...base,
        service_taxonomys: [{ id: `t${i}`, taxonomy: { id: 'loneliness', name: 'Loneliness and isolation' } }],
        contacts: [{ id: `c${i}`, name: 'Office', phones: [{ id: `p${i}`, number: '01632 960000' }] }],
      }
    : {
        ...base,
        phones: [{ id: `p${i}`, number: '01632 960000' }],
        attributes: [{ id: `a${i}`, taxonomy_term: { id: 'loneliness', name: 'Loneliness and isolation' } }],
      };
}

function pageBody(dialect: Dialect, items: unknown[], page: number, perPage: number, total: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return dialect === 'oruk1'
    ? {
        totalElements: total,
        totalPages,
        number: page,
        size: perPage,
        first: page === 1,
        last: page >= totalPages,
        content: items,
      }
    : {
        total_items: total,
        total_pages: totalPages,
        page_number: page,
        size: perPage,
        first_page: page === 1,
        last_page: page >= totalPages,
        empty: items.length === 0,
        contents: items,
      };
}

interface FakeFeedOptions {
  total: number;
  dialect?: Dialect;
  /** page → what to do instead of serving it */
  faults?: Record<number, 'hang' | 'invalid-json' | 'html' | 'network' | number>;
  prefix?: string;
  serviceFor?: (i: number) => unknown;
}

/** A feed server in memory: serves `/services?page=N&per_page=M` from `total` generated services. */
function fakeFeed(options: FakeFeedOptions) {
  const dialect = options.dialect ?? 'oruk1';
  const requested: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    requested.push(url);
    const u = new URL(url);
    const page = Number(u.searchParams.get('page'));
    const perPage = Number(u.searchParams.get('per_page'));
    const fault = options.faults?.[page];
    if (fault === 'hang')
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    if (fault === 'network') throw new TypeError('Failed to fetch');
    if (typeof fault === 'number') return new Response('{"error":"oops"}', { status: fault });
    if (fault === 'invalid-json') return new Response('{"content": [', { status: 200 });
    if (fault === 'html') return new Response('<!doctype html><title>Login</title>', { status: 200 });
    const items: unknown[] = [];
    for (let i = (page - 1) * perPage; i < Math.min(page * perPage, options.total); i++)
      items.push(options.serviceFor ? options.serviceFor(i) : service(i, dialect, options.prefix));
    return new Response(JSON.stringify(pageBody(dialect, items, page, perPage, options.total)), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, requested };
}

const BASE = 'https://feed.example.org/api/v1';

describe('feedBaseUrl and servicesPageUrl', () => {
  it.each([
    ['https://feed.example.org/api/v1', 'https://feed.example.org/api/v1'],
    ['https://feed.example.org/api/v1/', 'https://feed.example.org/api/v1'],
    ['  https://feed.example.org/api/v1/services?page=3#x ', 'https://feed.example.org/api/v1'],
    ['https://feed.example.org', 'https://feed.example.org'],
  ])('%j → %s', (input, expected) => {
    expect(feedBaseUrl(input)).toBe(expected);
  });

  it.each([['http://feed.example.org/'], ['feed.example.org'], ['']])('rejects %j', (input) => {
    expect(() => feedBaseUrl(input)).toThrow(FeedError);
  });

  it('adds page and per_page to /services', () => {
    expect(servicesPageUrl(`${BASE}/`, 3, 50)).toBe(`${BASE}/services?page=3&per_page=50`);
  });
});

describe('fetchFeed', () => {
  it.each<Dialect>(['oruk1', 'hsds3'])('fetches all of 10,050 services across 101 pages (%s)', async (dialect) => {
    const feed = fakeFeed({ total: 10_050, dialect });
    const progress: FeedProgress[] = [];
    const result = await fetchFeed(BASE, { fetch: feed.fetch, perPage: 100, onProgress: (p) => progress.push(p) });
    expect(result.assets).toHaveLength(10_050);
    expect(result.pages).toBe(101);
    expect(feed.requested).toHaveLength(101);
    expect(feed.requested[0]).toBe(`${BASE}/services?page=1&per_page=100`);
    expect(feed.requested[100]).toBe(`${BASE}/services?page=101&per_page=100`);
    expect(new Set(result.assets.map((a) => a.id)).size).toBe(10_050);
    expect(result.assets.every((a) => a.source === BASE)).toBe(true);
    expect(result.assets[0].categories).toContain('loneliness');
    expect(progress[0]).toEqual({ page: 0, services: 0 });
    expect(progress.at(-1)).toEqual({ page: 101, totalPages: 101, services: 10_050 });
    expect(progress.map((p) => p.page)).toEqual([...Array(102).keys()]);
  });

  it('stops after one page when the feed has a single page', async () => {
    const feed = fakeFeed({ total: 7 });
    const result = await fetchFeed(BASE, { fetch: feed.fetch });
    expect(result.assets).toHaveLength(7);
    expect(feed.requested).toHaveLength(1);
  });

  it.each([
    [500, /page 50 of 101.*server had an error \(500/],
    [404, /page 50 of 101.*not found \(404/],
    [403, /refused access \(403/],
    [429, /too many requests/],
  ])('a %i mid-way fails the whole fetch', async (status, message) => {
    const feed = fakeFeed({ total: 10_050, faults: { 50: status } });
    const err = await fetchFeed(BASE, { fetch: feed.fetch, perPage: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(FeedError);
    expect(err.kind).toBe('http');
    expect(err.page).toBe(50);
    expect(err.message).toMatch(message);
    expect(feed.requested).toHaveLength(50);
  });

  it('gives up on a page that takes too long', async () => {
    const feed = fakeFeed({ total: 500, faults: { 3: 'hang' } });
    const err = await fetchFeed(BASE, { fetch: feed.fetch, perPage: 100, timeoutMs: 5 }).catch((e) => e);
    expect(err).toBeInstanceOf(FeedError);
    expect(err.kind).toBe('timeout');
    expect(err.message).toMatch(/page 3 of 5 took longer than/);
  });

  it.each([
    ['invalid-json' as const, 'json', /page 2 of 3 is not valid JSON\.$/],
    ['html' as const, 'json', /not valid JSON \(it looks like a web page/],
    ['network' as const, 'network', /Could not reach the feed for page 2 of 3 \(Failed to fetch\)/],
  ])('reports %s on page 2', async (fault, kind, message) => {
    const feed = fakeFeed({ total: 300, faults: { 2: fault } });
    const err = await fetchFeed(BASE, { fetch: feed.fetch, perPage: 100 }).catch((e) => e);
    expect(err.kind).toBe(kind);
    expect(err.message).toMatch(message);
  });

  it('stops when cancelled and fetches nothing more', async () => {
    const feed = fakeFeed({ total: 1_000 });
    const ctrl = new AbortController();
    const err = await fetchFeed(BASE, {
      fetch: feed.fetch,
      perPage: 100,
      signal: ctrl.signal,
      onProgress: (p) => {
        if (p.page === 2) ctrl.abort();
      },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(FeedError);
    expect(err.kind).toBe('cancelled');
    expect(feed.requested).toHaveLength(2);
  });

  it('cancelling during a slow page aborts that request', async () => {
    const feed = fakeFeed({ total: 300, faults: { 2: 'hang' } });
    const ctrl = new AbortController();
    const pending = fetchFeed(BASE, {
      fetch: feed.fetch,
      perPage: 100,
      signal: ctrl.signal,
      onProgress: (p) => {
        if (p.page === 1) queueMicrotask(() => ctrl.abort());
      },
    });
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it.each([
    ['a list', []],
    ['an object without content', { services: [] }],
    ['a number', 42],
  ])('rejects a page that is %s', async (_what, body) => {
    const fetch: FetchLike = async () => new Response(JSON.stringify(body));
    await expect(fetchFeed(BASE, { fetch })).rejects.toMatchObject({
      kind: 'format',
      message: expect.stringMatching(/not an Open Referral list of services/),
    });
  });

  it('keeps the later copy of a service repeated on a later page, with a warning', async () => {
    const feed = fakeFeed({ total: 200, serviceFor: (i) => service(i === 150 ? 5 : i, 'oruk1') });
    const result = await fetchFeed(BASE, { fetch: feed.fetch, perPage: 100 });
    expect(result.assets).toHaveLength(199);
    expect(result.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/Page 2: .*"svc-5" appeared earlier/),
    );
  });

  it('gives up on a feed that ignores the page number', async () => {
    const fetch: FetchLike = async () =>
      new Response(JSON.stringify(pageBody('oruk1', [service(1, 'oruk1')], 1, 1, 5)));
    await expect(fetchFeed(BASE, { fetch, perPage: 1 })).rejects.toMatchObject({
      kind: 'format',
      message: expect.stringMatching(/same services for page 2 as for page 1/),
    });
  });

  it('gives up on a feed that never ends', async () => {
    let n = 0;
    const fetch: FetchLike = async () => {
      n += 1;
      return new Response(JSON.stringify({ content: [service(n, 'oruk1')], last: false }));
    };
    await expect(fetchFeed(BASE, { fetch, maxPages: 20 })).rejects.toMatchObject({ kind: 'format' });
    expect(n).toBe(20);
  });

  it('fails when no service can be used', async () => {
    const feed = fakeFeed({ total: 3, serviceFor: (i) => ({ id: `x${i}` }) });
    await expect(fetchFeed(BASE, { fetch: feed.fetch })).rejects.toMatchObject({ kind: 'empty' });
  });

  it('fails on an empty feed', async () => {
    const feed = fakeFeed({ total: 0 });
    await expect(fetchFeed(BASE, { fetch: feed.fetch })).rejects.toMatchObject({
      kind: 'empty',
      message: 'The feed sent no services.',
    });
  });
});

describe('refreshFeed (scheduled) and feed state', () => {
  let db: Db;
  let n = 0;
  const granted = (ok: boolean): PermissionsApi => ({ request: async () => ok, contains: async () => ok });
  const at = (iso: string) => () => new Date(iso);
  const local: Asset = {
    id: 'local-1',
    name: 'Local walking group',
    categories: ['activity'],
    phone: '01632 960001',
    status: 'active',
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    n += 1;
    db = await openCareDb(`feed-test-${n}`);
    await replaceDirectory(db, [local], { source: 'csv', at: '2026-01-01T00:00:00.000Z' });
  });
  afterEach(() => db.close());

  it('does nothing without a configured feed', async () => {
    const feed = fakeFeed({ total: 10 });
    const outcome = await refreshFeed(db, { feedUrl: '', now: at('2026-03-01T00:00:00Z'), fetch: feed.fetch });
    expect(outcome.status).toBe('skipped');
    expect(feed.requested).toEqual([]);
    expect(await loadFeedState(db)).toBeNull();
  });

  it('records a failure and leaves the directory when permission was withdrawn', async () => {
    const feed = fakeFeed({ total: 10 });
    const outcome = await refreshFeed(db, {
      feedUrl: BASE,
      now: at('2026-03-01T00:00:00Z'),
      fetch: feed.fetch,
      permissions: granted(false),
    });
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringMatching(/feed\.example\.org/) });
    expect(feed.requested).toEqual([]);
    expect((await loadDirectory(db)).assets.map((a) => a.id)).toEqual(['local-1']);
    expect(await loadFeedState(db)).toMatchObject({ url: BASE, lastAttemptAt: '2026-03-01T00:00:00.000Z' });
  });

  it('replaces the directory after a complete fetch, then keeps it when a later refresh fails', async () => {
    const good = fakeFeed({ total: 250 });
    const first = await refreshFeed(db, {
      feedUrl: `${BASE}/`,
      now: at('2026-03-01T06:00:00Z'),
      fetch: good.fetch,
      permissions: granted(true),
    });
    expect(first).toEqual({ status: 'updated', count: 250 });
    let dir = await loadDirectory(db);
    expect(dir.assets).toHaveLength(250);
    expect(dir.source).toBe(BASE);
    expect(await db.get('meta', FEED_META_KEY)).toEqual({
      url: BASE,
      lastAttemptAt: '2026-03-01T06:00:00.000Z',
      lastSuccessAt: '2026-03-01T06:00:00.000Z',
      lastCount: 250,
    });

    const broken = fakeFeed({ total: 400, faults: { 3: 500 }, prefix: 'new' });
    const second = await refreshFeed(db, {
      feedUrl: BASE,
      now: at('2026-03-02T06:00:00Z'),
      fetch: broken.fetch,
      permissions: granted(true),
    });
    expect(second).toMatchObject({ status: 'failed', error: expect.stringMatching(/page 3 of 4.*500/) });
    dir = await loadDirectory(db);
    expect(dir.assets).toHaveLength(250);
    expect(dir.assets.some((a) => a.id.startsWith('new-'))).toBe(false);
    expect(await loadFeedState(db)).toMatchObject({
      url: BASE,
      lastSuccessAt: '2026-03-01T06:00:00.000Z',
      lastAttemptAt: '2026-03-02T06:00:00.000Z',
      lastCount: 250,
      lastError: expect.stringMatching(/500/),
    });

    const third = await refreshFeed(db, {
      feedUrl: BASE,
      now: at('2026-03-03T06:00:00Z'),
      fetch: fakeFeed({ total: 5 }).fetch,
      permissions: granted(true),
    });
    expect(third).toEqual({ status: 'updated', count: 5 });
    expect((await loadFeedState(db))?.lastError).toBeUndefined();
  });

  it('forgets the state of a previous feed address', async () => {
    await recordFeedAttempt(db, 'https://old.example.org', '2026-01-01T00:00:00.000Z', { ok: true, count: 3 });
    const next = await recordFeedAttempt(db, BASE, '2026-02-01T00:00:00.000Z', { ok: false, error: 'nope' });
    expect(next).toEqual({ url: BASE, lastAttemptAt: '2026-02-01T00:00:00.000Z', lastError: 'nope' });
  });
});

describe('registerFeedAlarm', () => {
  let n = 100;
  beforeEach(() => fakeBrowser.reset());

  it('creates a daily alarm once and does not push it back on every start', async () => {
    await registerFeedAlarm();
    const first = await fakeBrowser.alarms.get(FEED_ALARM);
    expect(first?.periodInMinutes).toBe(24 * 60);
    await fakeBrowser.alarms.create(FEED_ALARM, { when: 12345, periodInMinutes: 24 * 60 });
    await registerFeedAlarm();
    expect((await fakeBrowser.alarms.get(FEED_ALARM))?.scheduledTime).toBe(12345);
  });

  it('refreshes the configured feed when the alarm fires', async () => {
    n += 1;
    const name = `feed-alarm-${n}`;
    await saveSettings({ feedUrl: BASE });
    const feed = fakeFeed({ total: 12 });
    await registerFeedAlarm({
      openDb: () => openCareDb(name),
      fetch: feed.fetch,
      permissions: { request: async () => true, contains: async () => true },
      now: () => new Date('2026-04-01T00:00:00Z'),
    });
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'some-other-alarm', scheduledTime: 0 });
    expect(feed.requested).toEqual([]);
    await fakeBrowser.alarms.onAlarm.trigger({ name: FEED_ALARM, scheduledTime: 0 });
    expect(feed.requested).toHaveLength(1);
    const db = await openCareDb(name);
    expect((await loadDirectory(db)).assets).toHaveLength(12);
    // The side panel's ready-made copy of the new directory is stored too, so its next open is fast.
    const pack = await openPanelPack(db, {});
    expect(pack?.assets()).toHaveLength(12);
    db.close();
  });
});
