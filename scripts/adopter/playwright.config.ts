import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { chromiumLaunchOptions } from '../chromiumLaunchOptions';

// The adopter test's browser and API checks (scripts/verify-adopter.sh):
// Playwright starts the adopter app's backend, which serves its built
// frontend, on ADOPTER_PORT, and stops it when the checks end.
const app = process.env.ADOPTER_APP;
if (!app) throw new Error('ADOPTER_APP (the adopter app folder) is not set');
const port = Number(process.env.ADOPTER_PORT ?? 7027);
const configArgs = ['app-config.yaml', 'app-config.adopter-test.yaml']
  .map(file => `--config ${path.join(app, file)}`)
  .join(' ');

export default defineConfig({
  testDir: __dirname,
  testMatch: 'adopter.spec.ts',
  timeout: 240_000,
  expect: { timeout: 30_000 },
  retries: 0,
  workers: 1,
  reporter: [['list'], ['json']],
  outputDir: path.join(__dirname, '../../.cache/adopter/results'),
  webServer: {
    command: `yarn --cwd ${path.join(
      app,
      'packages/backend',
    )} start ${configArgs}`,
    url: `http://localhost:${port}/.backstage/health/v1/readiness`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'pipe',
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
