import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'cms/src/**/*.test.ts',
            'plugins/*/server/src/**/*.test.ts',
            'plugins/*/admin/src/**/*.test.{ts,tsx}',
            'scripts/**/*.test.{ts,mjs}',
            'tests/fakes/**/*.test.ts',
            'site/src/**/*.test.ts',
            'packages/*/**/*.test.{ts,tsx}',
          ],
        },
      },
      {
        // Integration (HTTP against a real Strapi on real PostgreSQL) and e2e (Chromium against
        // the built site) share one Strapi boot: the global setup starts it once per run.
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
