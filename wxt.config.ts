import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * The lay-language vocabulary, the list of ordinary words and the query word lists (editable data files) get a chunk of their own in the pages' builds, so
 * BENCHMARKS.md can report code and data sizes apart. The small script data stays in the page's code: every
 * file the side panel loads at open is another request to wait for. The background is built as one file.
 */
function dataChunks(): Plugin {
  return {
    name: 'care-navigation-data-chunks',
    outputOptions(options) {
      const o = options as typeof options & { codeSplitting?: boolean };
      if (o.codeSplitting === false || o.inlineDynamicImports) return null;
      return {
        ...options,
        manualChunks: (id: string) => {
          return /[\\/]data[\\/](vocabulary|ordinary-words|query-words)\.json(\?raw)?$/.test(id)
            ? 'data-vocabulary'
            : undefined;
        },
      };
    },
  };
}

/**
 * Identifies the code and bundled data a stored side-panel pack was built with (lib/panel-snapshot.ts): a
 * stored search index is only valid for the tokeniser that built it, and a demo pack for that demo data.
 */
function panelCacheBuild(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync('lib').sort()) hash.update(readFileSync(join('lib', file)));
  hash.update(readFileSync('data/demo-directory.json'));
  // The small words the tokeniser drops live here, so they are part of what built the index.
  hash.update(readFileSync('data/query-words.json'));
  return hash.digest('hex').slice(0, 16);
}

// Narrowest permissions: see the README's permissions table for why each is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  webExt: { disabled: true },
  // Store reviewers get the source, not test screenshots or other builds.
  zip: { excludeSources: ['test-results/**', '.output*/**', 'BENCHMARKS.md'] },
  vite: () => ({
    plugins: [preact(), dataChunks()],
    build: { target: 'es2022', sourcemap: process.env.SOURCEMAP === '1' },
    define: { __PANEL_CACHE_BUILD__: JSON.stringify(panelCacheBuild()) },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Care navigation side panel',
    description:
      'Guided care-navigation script, local support directory and anonymous signposting log for GP reception teams.',
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['https://*/*'], action: { default_title: 'Open care navigation' } }
      : { optional_permissions: ['https://*/*'] }),
    commands:
      browser === 'firefox'
        ? {
            _execute_sidebar_action: {
              suggested_key: { default: 'Alt+Shift+C' },
              description: 'Open the care navigation sidebar',
            },
          }
        : {
            _execute_action: {
              suggested_key: { default: 'Alt+Shift+C' },
              description: 'Open the care navigation side panel',
            },
          },
    // Chrome enterprise policy schema; Firefox reads policy-managed storage from a native manifest instead.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'care-navigation@example.nhs.uk',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
