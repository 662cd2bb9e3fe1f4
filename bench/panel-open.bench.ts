import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import {
  launchExtension,
  mirrorRevision,
  removeProfile,
  waitForPanelPack,
  writeStraightToDirectory,
} from '../tests/e2e/browser';
import { syntheticDirectory } from './synthetic';
import { type BenchSection, ms, percentile } from './types';

const OPENS = 12;
const QUERY_OPENS = 7;

/** Waits, from outside the page, until it has finished starting up and has its `search-ready` mark. */
async function settle(page: Page): Promise<void> {
  await new Promise((r) => setTimeout(r, 600));
  await page.waitForFunction(() => performance.getEntriesByName('search-ready').length > 0);
}

/**
 * Side panel open → first usable search box, in Debian's Chromium with the built extension, measured by the
 * panel's own `search-ready` performance mark (set once the directory is loaded, the index built and the
 * search box rendered) relative to navigation start. Same browser, same run: demo directory vs 10,000 assets.
 */
/**
 * The floor: a blank extension page (one input, one tiny script) opened the same way in the same browser.
 * Everything above this is the panel's own start-up.
 */
async function blankPageBaseline(): Promise<number[]> {
  const root = mkdtempSync(join(tmpdir(), 'blank-ext-'));
  const ext = join(root, 'ext');
  mkdirSync(ext);
  writeFileSync(
    join(ext, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'blank', version: '1.0', background: { service_worker: 'bg.js' } }),
  );
  writeFileSync(join(ext, 'bg.js'), '');
  writeFileSync(join(ext, 'page.html'), '<!doctype html><input aria-label="x"><script src="p.js"></script>');
  writeFileSync(join(ext, 'p.js'), "performance.mark('ready')");
  const context = await chromium.launchPersistentContext(join(root, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const times: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${id}/page.html`);
      times.push(await page.evaluate(() => performance.getEntriesByName('ready')[0]?.startTime ?? Number.NaN));
      await page.close();
    }
    return times.slice(2).sort((a, b) => a - b);
  } finally {
    await context.close();
    rmSync(root, { recursive: true, force: true });
  }
}

export default async function panelOpen(): Promise<BenchSection> {
  const blank = await blankPageBaseline();
  const l = await launchExtension();
  const breakdown: string[] = [];
  try {
    const url = `chrome-extension://${l.extensionId}/sidepanel.html#lookup`;
    const firstOpens: number[] = [];
    const firstQueries: number[][] = [];
    const conversationOpens: number[][] = [];
    const staleOpens: number[] = [];
    const measure = async () => {
      const times: number[] = [];
      const firstQuery: number[] = [];
      firstQueries.push(firstQuery);
      const phases: Record<string, number[]> = {};
      // The first open after a directory change reads the directory itself and stores the pack when idle.
      const first = await l.context.newPage();
      await first.goto(url);
      await settle(first);
      firstOpens.push(
        await first.evaluate(() => performance.getEntriesByName('search-ready')[0]?.startTime ?? Number.NaN),
      );
      await waitForPanelPack(first);
      await first.close();
      for (let i = 0; i < OPENS; i++) {
        const page = await l.context.newPage();
        await page.goto(url);
        // Nothing of Playwright's runs in the page while it starts (its injected script costs the page's main
        // thread several milliseconds): the panel's own marks are read once it has settled, as for the floor.
        await settle(page);
        const t = await page.evaluate(() => performance.getEntriesByName('search-ready')[0]?.startTime ?? Number.NaN);
        const marks = await page.evaluate(() =>
          Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
        );
        if (i >= 2)
          for (const [k, v] of Object.entries(marks)) {
            phases[k] ??= [];
            phases[k].push(v as number);
          }
        times.push(t);
        await page.close();
      }
      for (let i = 0; i < QUERY_OPENS; i++) {
        const page = await l.context.newPage();
        await page.goto(url);
        await page.waitForFunction(() => performance.getEntriesByName('search-ready').length > 0);
        // A query typed the moment the box is usable, before any idle preparation: time to its results.
        firstQuery.push(
          await page.evaluate(async () => {
            const box = document.getElementById('support-search') as HTMLInputElement;
            const list = document.getElementById('support-results') as HTMLElement;
            const t0 = performance.now();
            box.value = 'lonley';
            box.dispatchEvent(new Event('input', { bubbles: true }));
            while (list.children.length === 0) await new Promise((r) => setTimeout(r, 0));
            return performance.now() - t0;
          }),
        );
        await page.close();
      }
      // Its default mode, the guided script: ready once the script is shown and the directory confirmed.
      const scriptReady: number[] = [];
      conversationOpens.push(scriptReady);
      for (let i = 0; i < QUERY_OPENS; i++) {
        const page = await l.context.newPage();
        await page.goto(`chrome-extension://${l.extensionId}/sidepanel.html`);
        await new Promise((r) => setTimeout(r, 600));
        await page.waitForFunction(() => performance.getEntriesByName('conversation-ready').length > 0);
        scriptReady.push(
          await page.evaluate(() => performance.getEntriesByName('conversation-ready')[0]?.startTime ?? Number.NaN),
        );
        await page.close();
      }
      // As the daily feed refresh leaves things: the directory changed in the background (which cannot reach
      // localStorage) and a current pack stored in IndexedDB, so the quick copy is stale and not used.
      const stale = await l.context.newPage();
      await stale.goto(`chrome-extension://${l.extensionId}/sidepanel.html#lookup`);
      await stale.waitForFunction(() => performance.getEntriesByName('search-ready').length > 0);
      // As lib/directory-store.ts does: the revision's mirror goes before the write and is set after it.
      await mirrorRevision(stale, null);
      const revision = `feed-${Date.now()}`;
      await stale.evaluate(
        (revision) =>
          new Promise<void>((ok, fail) => {
            const r = indexedDB.open('care-navigation');
            r.onsuccess = () => {
              const tx = r.result.transaction('meta', 'readwrite');
              const meta = tx.objectStore('meta');
              const pack = meta.get('panel-pack');
              pack.onsuccess = () => {
                meta.put({ ...pack.result, revision }, 'panel-pack');
                meta.put(revision, 'directory-revision');
              };
              tx.oncomplete = () => {
                r.result.close();
                ok();
              };
              tx.onerror = () => fail(tx.error);
            };
          }),
        revision,
      );
      await mirrorRevision(stale, revision);
      await stale.close();
      const afterFeed = await l.context.newPage();
      await afterFeed.goto(url);
      await settle(afterFeed);
      staleOpens.push(
        await afterFeed.evaluate(() => performance.getEntriesByName('search-ready')[0]?.startTime ?? Number.NaN),
      );
      await waitForPanelPack(afterFeed);
      await afterFeed.close();
      // The first open pays for the service worker and the cold disk cache; report warm opens.
      const median = (k: string) => {
        const list = (phases[k] ?? []).sort((a, b) => a - b);
        return list.length ? ms(percentile(list, 50)) : '–';
      };
      breakdown.push(
        `${['panel-script-start', 'quick-copy-restored', 'revision-mirrored', 'search-ready', 'db-open'].map(median).join(' | ')}`,
      );
      return times.slice(2).sort((a, b) => a - b);
    };
    // Warm the browser up first (service worker, extension files, database), so the demo's first open is
    // not also the context's first page.
    const warmUp = await l.context.newPage();
    await warmUp.goto(`chrome-extension://${l.extensionId}/dashboard.html`);
    await warmUp.getByRole('heading', { level: 1 }).first().waitFor();
    await warmUp.close();
    const demo = await measure();

    const assets = syntheticDirectory(10_000, 7);
    const seed = await l.context.newPage();
    await seed.goto(url);
    await seed.waitForFunction(() => performance.getEntriesByName('search-ready').length > 0);
    await writeStraightToDirectory(seed, assets, { replace: true, source: 'bench' });
    await seed.close();
    const big = await measure();

    const row = (label: string, t: number[]) =>
      `| ${label} | ${t.length} | ${ms(percentile(t, 50))} | ${ms(percentile(t, 95))} | ${ms(t[t.length - 1])} |`;
    const warm = (list: number[]) => list.slice(2).sort((a, b) => a - b);
    const [demoQuery, bigQuery] = firstQueries.map(warm);
    const [demoScript, bigScript] = conversationOpens.map(warm);
    const verdict = percentile(big, 50) <= 150 ? 'within' : 'OVER';
    return {
      title: 'Side panel open to usable search box (Chromium)',
      markdown: [
        `Headless Debian Chromium, built extension loaded; \`sidepanel.html#lookup\` opened ${OPENS} times per directory (first 2 opens discarded as cold), time from navigation start to the panel's \`search-ready\` mark: set after the directory has been read, the search over it is complete (no index left to build) and the page has been painted with it. The marks are read once the page has settled, so no test-driver script runs in the page while it starts (the floor page is read the same way). Before every series the directory is changed and opened once, so the panel has stored its search pack (\`lib/panel-snapshot.ts\`: the prebuilt index and each asset trimmed to what the results list shows; full records follow in idle parts) in IndexedDB and its quick copy in \`localStorage\` (\`lib/panel-quick-copy.ts\`). The panel restores the search from the quick copy while IndexedDB opens, and uses it once the directory revision's mirror in extension storage (\`lib/revision-mirror.ts\`: removed before every directory write and set after it commits) shows the copy was built from the directory as it is now; IndexedDB confirms the revision again once open, and a panel that finds it changed swaps to the directory IndexedDB holds. Budget at 10,000 assets: ≤ 150 ms (p50 ${verdict} budget).`,
        '',
        '| directory | opens | p50 ms | p95 ms | max ms |',
        '|---|---:|---:|---:|---:|',
        row('blank extension page (floor, same browser)', blank),
        row('bundled demo (~130 assets)', demo),
        row('10,000 synthetic assets', big),
        '',
        `First open after a directory change (reads every record, builds the index in idle slices, then stores the pack): ${ms(firstOpens[0])} ms with the demo directory, ${ms(firstOpens[1])} ms at 10,000 assets. First open after the feed refresh changed the directory in the background (quick copy stale, so the pack is read from IndexedDB): ${ms(staleOpens[0])} ms with the demo directory, ${ms(staleOpens[1])} ms at 10,000 assets.`,
        '',
        `In ${QUERY_OPENS} further opens per directory (first 2 discarded), a query ("lonley") typed the moment the box is usable, before any idle preparation (its first use compiles the vocabulary and the prefix and typo tables): results in p50 ${ms(percentile(demoQuery, 50))} ms / p95 ${ms(percentile(demoQuery, 95))} ms with the demo directory, p50 ${ms(percentile(bigQuery, 50))} ms / p95 ${ms(percentile(bigQuery, 95))} ms at 10,000 assets. A query typed once the page has been idle for a moment takes the per-keystroke times below.`,
        '',
        `Opened in its default mode, the guided script (\`sidepanel.html\`, ${QUERY_OPENS} opens per directory, first 2 discarded), the panel is ready (script shown, directory confirmed current, painted) at p50 ${ms(percentile(demoScript, 50))} ms with the demo directory and ${ms(percentile(bigScript, 50))} ms at 10,000 assets.`,
        '',
        "Median time (ms from navigation start) at which each phase finished: page scripts loaded and evaluated; search restored from the quick copy; copy confirmed current by the revision's mirror; search box usable (page painted with it); IndexedDB open (it is no longer on the way to a usable search box, but logging needs it).",
        '',
        '| directory | scripts evaluated | quick copy restored | confirmed current (mirror) | search box usable | database open |',
        '|---|---:|---:|---:|---:|---:|',
        `| bundled demo | ${breakdown[0]} |`,
        `| 10,000 synthetic assets | ${breakdown[1]} |`,
      ].join('\n'),
    };
  } finally {
    await l.context.close();
    removeProfile(l.profileDir);
  }
}
