import { defineConfig } from '@playwright/test';

// E2E_BASE_URL points the suite at a server that is already running (e.g. `next dev`); otherwise the
// production server is built from a freshly seeded embedded database by scripts/e2e-server.ts.
const external = process.env.E2E_BASE_URL;
const PORT = process.env.E2E_PORT ?? '3100';
const PG_PORT = process.env.E2E_PG_PORT ?? '3101';
const baseURL = external ?? `http://127.0.0.1:${PORT}`;
const POSTGRES_URL = `http://127.0.0.1:${PG_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  // One server, one embedded database: run the specs one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    baseURL,
    screenshot: 'on',
    trace: 'retain-on-failure',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'light', use: { colorScheme: 'light' }, testIgnore: /smoke-postgres\.spec\.ts/ },
    // The dark theme only needs to render cleanly; the behavioural specs run once, in light.
    { name: 'dark', use: { colorScheme: 'dark' }, testMatch: /pages\.spec\.ts/ },
    // The same app on PostgreSQL (DATABASE_URL): the smoke spec only.
    ...(external
      ? []
      : [{ name: 'postgres', use: { baseURL: POSTGRES_URL }, testMatch: /smoke-postgres\.spec\.ts/ }]),
  ],
  webServer: external
    ? undefined
    : [
        {
          command: `npx tsx scripts/e2e-server.ts --db embedded --port ${PORT}`,
          url: `${baseURL}/api/health`,
          reuseExistingServer: false,
          // SIGTERM lets scripts/e2e-server.ts drop its database (the default SIGKILL would leave it behind).
          gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
          timeout: 300_000,
          stdout: 'pipe',
          stderr: 'pipe',
        },
        {
          command: `npx tsx scripts/e2e-server.ts --db postgres --port ${PG_PORT}`,
          url: `${POSTGRES_URL}/api/health`,
          reuseExistingServer: false,
          // SIGTERM lets scripts/e2e-server.ts drop its database (the default SIGKILL would leave it behind).
          gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
          timeout: 300_000,
          stdout: 'pipe',
          stderr: 'pipe',
        },
      ],
});
