import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { resultTable, type SizeResult } from './search.bench';
import { keystrokes, LAY_QUERIES } from './synthetic';
import { type BenchSection, ms, percentile } from './types';

/**
 * The same keystroke measurement as `search.bench.ts`, inside Debian's Chromium: lib/search.ts, the
 * synthetic directory generator and fuse.js bundled in memory into one script, injected into about:blank,
 * timed in the page.
 */

const root = join(import.meta.dirname, '..');
const RUNS: [n: number, fuseEvery: number][] = [
  [10_000, 4],
  [50_000, 0],
];

const ENTRY = `
import { measureSize } from './bench/search.bench';
import { syntheticDirectory } from './bench/synthetic';
globalThis.searchBench = (n, fuseEvery) => measureSize(syntheticDirectory(n), fuseEvery);
`;

export default async function searchChromiumBench(): Promise<BenchSection> {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'search-chromium-entry.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: true,
    logLevel: 'error',
  });
  const content = bundle.outputFiles[0].text;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const results: SizeResult[] = [];
  let version = '';
  try {
    version = browser.version();
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content });
    for (const [n, fuseEvery] of RUNS) {
      console.error(`  search (Chromium): ${n} assets`);
      results.push(
        await page.evaluate(
          ([size, every]) =>
            (globalThis as unknown as { searchBench: (n: number, e: number) => SizeResult }).searchBench(size, every),
          [n, fuseEvery] as const,
        ),
      );
    }
  } finally {
    await browser.close();
  }
  const at = (n: number) => results.find((r) => r.n === n);
  const markdown = [
    `Headless Chromium ${version} (\`/usr/bin/chromium\`), about:blank, one ${(content.length / 1024).toFixed(0)} KB script bundled in memory with esbuild (lib/search.ts + vocabulary, bench/synthetic.ts, fuse.js). Same synthetic directories and the same ${keystrokes().length} keystrokes (every prefix of ${LAY_QUERIES.length} lay queries) as the Node table; timed in the page with \`performance.now()\` (which Chromium coarsens to 0.1 ms here, so sub-millisecond figures are approximate).`,
    'Fuse.js (default options, same keys) timed on every 4th keystroke at 10,000 assets and not run at 50,000, where it takes seconds per keystroke.',
    '',
    resultTable(results),
    '',
    `Side panel: it opens by restoring the index it stored after the last directory change: ${ms(at(10_000)?.restoreMs ?? Number.NaN)} ms at 10,000 assets in this page, against ${ms(at(10_000)?.buildMs ?? Number.NaN)} ms to build it (see "Side panel open" for the whole open, including reading it from IndexedDB).`,
    `Budgets: p95 ≤ 8 ms at 10,000 (measured ${ms(percentile(at(10_000)?.ours ?? [], 95))} ms), ≤ 40 ms at 50,000 (measured ${ms(percentile(at(50_000)?.ours ?? [], 95))} ms).`,
  ].join('\n');
  return { title: 'Search per keystroke (Chromium)', markdown };
}
