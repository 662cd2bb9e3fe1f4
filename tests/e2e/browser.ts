import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Built MV3 extension (npm run build writes it; WXT_OUT_DIR moves it). */
export const extensionDir = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
export const screenshotDir = resolve('test-results/screenshots');

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
}

/** Launch Debian's Chromium with the built extension; reuse `profileDir` to test durability across restarts. */
export async function launchExtension(profileDir?: string): Promise<Launched> {
  const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'care-nav-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, profileDir: dir };
}

export async function openPage(l: Launched, page: 'sidepanel' | 'dashboard', hash = ''): Promise<Page> {
  const p = await l.context.newPage();
  await p.goto(`chrome-extension://${l.extensionId}/${page}.html${hash}`);
  return p;
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2.2 AA violations on the current page. The extension's CSP forbids injected <script> tags,
 * so axe is evaluated as a string in the page's context.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // DevTools-protocol evaluation is not subject to the page's CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

/**
 * Waits until the side panel has stored its search pack for the directory as it is now (the first open after a
 * directory change does it when idle; lib/panel-snapshot.ts), and its quick copy of that pack
 * (lib/panel-quick-copy.ts), so the next open reads them. Polls with `evaluate`, which awaits the page's
 * promise: `waitForFunction` would take the promise itself as a truthy answer and return at once.
 */
export async function waitForPanelPack(page: Page, timeout = 20_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const stored = await page.evaluate(
      () =>
        new Promise<boolean>((ok) => {
          const r = indexedDB.open('care-navigation');
          r.onsuccess = () => {
            const meta = r.result.transaction('meta').objectStore('meta');
            const pack = meta.get('panel-pack');
            const revision = meta.get('directory-revision');
            revision.onsuccess = () => {
              r.result.close();
              // Only a pack of the directory as it is now counts (the panel ignores any other).
              const current = pack.result !== undefined && pack.result.revision === revision.result;
              const quick = (localStorage.getItem('care-navigation:panel-pack') ?? '').split('\n', 1)[0];
              const head = quick ? JSON.parse(quick) : null;
              ok(current && head?.stamp === pack.result.stamp && head?.revision === revision.result);
            };
          };
        }),
    );
    if (stored) return;
    if (Date.now() > until) throw new Error(`The side panel did not store its search pack within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface LocalArea {
  remove(key: string): Promise<void>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * As every directory write does (lib/revision-mirror.ts): removes the directory revision's mirror from
 * extension storage (`null`) before a write straight to IndexedDB, or sets it once the write has committed.
 */
export async function mirrorRevision(page: Page, revision: string | null): Promise<void> {
  await page.evaluate((revision) => {
    const local = (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome.storage.local;
    return revision === null ? local.remove('directoryRevision') : local.set({ directoryRevision: revision });
  }, revision);
}

interface StraightWrite {
  /** Clear every stored service first (an import applied as a replacement). */
  replace?: boolean;
  /** Record the directory as the practice's own, from this source (as an import does). */
  source?: string;
  /** Leave the revision's mirror as it was, as code that does not know about it would. */
  skipMirror?: boolean;
  revision?: string;
}

/**
 * Writes services straight into the panel's IndexedDB from `page`, the way lib/directory-store.ts writes:
 * the revision's mirror removed first, then one transaction that drops the panel's search pack and moves
 * the revision on, then the mirror set. For directories the dashboard would refuse, or the size of a feed.
 */
export async function writeStraightToDirectory(
  page: Page,
  services: unknown[],
  { replace = false, source, skipMirror = false, revision = `direct-${Date.now()}` }: StraightWrite = {},
): Promise<void> {
  if (!skipMirror) await mirrorRevision(page, null);
  await page.evaluate(
    ({ services, replace, source, revision }) =>
      new Promise<void>((ok, fail) => {
        const r = indexedDB.open('care-navigation');
        r.onerror = () => fail(r.error);
        r.onsuccess = () => {
          const tx = r.result.transaction(['assets', 'meta'], 'readwrite');
          const store = tx.objectStore('assets');
          if (replace) store.clear();
          for (const service of services) store.put(service);
          const meta = tx.objectStore('meta');
          meta.delete('panel-pack');
          meta.delete(IDBKeyRange.bound('panel-snapshot:', 'panel-snapshot:\uffff'));
          meta.put(revision, 'directory-revision');
          if (source) meta.put({ origin: 'stored', source, updatedAt: new Date().toISOString() }, 'directory');
          tx.oncomplete = () => {
            r.result.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { services, replace, source, revision },
  );
  if (!skipMirror) await mirrorRevision(page, revision);
}
