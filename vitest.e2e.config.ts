import { defineConfig } from 'vitest/config';

// Real-browser tests: one Chromium at a time (2-core CI machines), files run one after another.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
