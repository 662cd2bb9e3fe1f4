import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * Editable data files (lay-language vocabulary, script) get chunks of their own in the pages' builds, so
 * BENCHMARKS.md can report code and data sizes apart. The background is built as one file and is left alone.
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
          const m = id.match(/[\\/]data[\\/](vocabulary|script)\.json$/);
          return m ? `data-${m[1]}` : undefined;
        },
      };
    },
  };
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
