import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  // `#i18n` is the module @wxt-dev/i18n generates (`wxt prepare`); in the unit tests it reads
  // the English messages through tests/fixtures/i18n.ts.
  resolve: { alias: { '#i18n': fileURLToPath(new URL('./.wxt/i18n/index.ts', import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/e2e-firefox/**'],
          environment: 'node',
          setupFiles: ['tests/fixtures/setup-i18n.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // The reader's core journeys in Firefox ESR (puppeteer-core over WebDriver BiDi).
          name: 'e2e-firefox',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each poll reaches into the page over WebDriver BiDi; a loaded machine needs longer than 1 s.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
