import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { chromiumLaunchOptions } from './scripts/chromiumLaunchOptions';

// The e2e test runs against the real demo backend serving the built frontend
// on :7017 (see scripts/e2e.sh), in Debian's Chromium: Playwright's own
// browser downloads cannot be fetched on our machines.
const port = 7017;
const root = __dirname;
const config = (file: string) => path.join(root, file);

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [['list'], ['json']],
  outputDir: '.cache/e2e-results',
  webServer: {
    // As scripts/start.sh runs the demo: with the OpenTelemetry exporter of
    // the backend's metrics (on the e2e test's own port), which the demo
    // Prometheus that scripts/e2e.sh started scrapes.
    command: `yarn workspace backend start --require ${config(
      'packages/backend/src/instrumentation.js',
    )} --config ${config('app-config.yaml')} --config ${config(
      'app-config.e2e.yaml',
    )}`,
    env: { BACKSTAGE_METRICS_PORT: '9474' },
    url: `http://localhost:${port}/.backstage/health/v1/readiness`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1280, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: chromiumLaunchOptions,
  },
});
