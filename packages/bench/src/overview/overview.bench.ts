/* eslint-disable no-console */
/*
 * Benchmark of the maturity overview page (/maturity) in headless Chromium,
 * against the real demo backend (packages/backend) serving the built
 * frontend, with N scored services (default 10,000) in the maturity
 * plugin's database:
 *
 *  1. seeds a SQLite file with N scored services (./seedScores.ts);
 *  2. starts the demo backend as scripts/e2e.sh does, plus a config overlay
 *     (written to a temp dir) that points the maturity plugin at that file,
 *     moves it to its own port and keeps the scheduled refresh from running;
 *  3. signs in as the guest, loads /maturity once to warm up, then L times
 *     (default 10), each measured from navigation start until the first
 *     table row and the level distribution are visible and the "Search
 *     services" box has taken typed input.
 *
 * Prints median and p95. Target: a median of 1 s. Exits 0 whenever it ran; non-zero
 * only when it could not run (no Chromium, backend did not start, ...).
 *
 * Run: yarn bench (or node -r @backstage/cli/config/nodeTransform.cjs packages/bench/src/overview/overview.bench.ts [N] [LOADS])
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_PORT (default 7027),
 *      BENCH_KEEP=1 keeps the temp dir (seeded database, backend log).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedScores } from './seedScores';
import { positionalArgs } from '../shared/positionalArgs';

const N = Number(positionalArgs()[0] ?? 10_000);
const LOADS = Number(positionalArgs()[1] ?? 10);
const TARGET_MS = 1000;
const PORT = Number(process.env.BENCH_PORT ?? 7027);
const BASE = `http://localhost:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Run from the repository root (`yarn bench` does).
const root = process.cwd();

class CannotRun extends Error {}

function percentile(sorted: number[], p: number): number {
  // Nearest rank: with 10 loads, p95 is the slowest one.
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

function ensureFrontendBuild() {
  if (fs.existsSync(path.join(root, 'packages/app/dist/index.html'))) return;
  console.log('building the frontend (packages/app/dist is missing)');
  const log = path.join(root, '.cache/bench-app-build.log');
  fs.mkdirSync(path.dirname(log), { recursive: true });
  const out = fs.openSync(log, 'w');
  const result = spawnSync(
    'yarn',
    [
      'workspace',
      'app',
      'build',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.e2e.yaml',
    ],
    { cwd: root, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  if (result.status !== 0) {
    throw new CannotRun(`the frontend build failed; see ${log}`);
  }
}

function writeOverlay(dir: string): string {
  const file = path.join(dir, 'app-config.bench.yaml');
  fs.writeFileSync(
    file,
    JSON.stringify({
      app: { baseUrl: BASE },
      backend: {
        baseUrl: BASE,
        listen: { port: PORT },
        cors: { origin: BASE },
        database: {
          plugin: {
            maturity: {
              connection: { directory: dir, filename: 'maturity.sqlite' },
            },
          },
        },
      },
      // Scores only what was seeded: no refresh while measuring.
      maturity: {
        schedule: {
          frequency: { hours: 24 },
          timeout: { minutes: 5 },
          initialDelay: { hours: 24 },
        },
      },
    }),
  );
  return file;
}

async function startBackend(
  overlay: string,
  log: string,
): Promise<ChildProcess> {
  const inUse = await fetch(BASE).then(
    () => true,
    () => false,
  );
  if (inUse) {
    throw new CannotRun(`port ${PORT} is in use (set BENCH_PORT)`);
  }
  const out = fs.openSync(log, 'w');
  const child = spawn(
    'yarn',
    [
      'workspace',
      'backend',
      'start',
      ...['app-config.yaml', 'app-config.e2e.yaml'].flatMap(f => [
        '--config',
        path.join(root, f),
      ]),
      '--config',
      overlay,
    ],
    { cwd: root, stdio: ['ignore', out, out], detached: true },
  );
  fs.closeSync(out);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline && !exited) {
    try {
      const res = await fetch(`${BASE}/.backstage/health/v1/readiness`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  await stopBackend(child);
  const tail = fs.readFileSync(log, 'utf8').split('\n').slice(-30).join('\n');
  throw new CannotRun(`the backend did not become ready:\n${tail}`);
}

async function stopBackend(child: ChildProcess | undefined) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise(resolve => child.once('exit', resolve));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal); // its own process group only
    } catch {
      // already gone
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

// Runs in the page on every animation frame: the moment the overview shows
// its first row, its level distribution and an enabled search box, and how
// many services its header says match.
function overviewShown(): { at: number; listed?: string } | false {
  const visible = (el: Element | null | undefined) => {
    if (!el) return false;
    const rect = el.getBoundingClientRect();
    return (
      rect.width > 0 &&
      rect.height > 0 &&
      getComputedStyle(el).visibility !== 'hidden'
    );
  };
  const row = document.querySelector(
    'table[aria-label="Services by pillar score"] tbody tr th[scope="row"]',
  );
  const levels = document.querySelector(
    '[role="img"][aria-label^="No level yet:"]',
  );
  const label = [...document.querySelectorAll('label')].find(
    l => l.textContent?.trim() === 'Search services',
  );
  const input = label?.htmlFor
    ? (document.getElementById(label.htmlFor) as HTMLInputElement | null)
    : null;
  if (!visible(row) || !visible(levels) || !visible(input)) return false;
  if (input!.disabled || input!.readOnly) return false;
  const at = performance.now();
  return {
    at,
    listed: document.body.innerText.match(
      /([\d,]+) scored services match/,
    )?.[1],
  };
}

// Records when the search box first receives typed input (page clock, ms
// since navigation start).
function recordInput() {
  document.addEventListener(
    'input',
    event => {
      const w = window as any;
      if (
        w.__benchInputAt === undefined &&
        event.target instanceof HTMLInputElement
      ) {
        w.__benchInputAt = performance.now();
      }
    },
    true,
  );
}

async function signIn(page: Page) {
  await page.goto(`${BASE}/`);
  await page.getByRole('button', { name: 'Enter' }).click({ timeout: 60_000 });
  await page
    .getByRole('link', { name: 'Catalog', exact: true })
    .waitFor({ timeout: 60_000 });
}

/**
 * One load of /maturity: when it was shown and when it took input, in ms
 * from navigation start, and the number of services it says match.
 */
async function loadOverview(
  page: Page,
): Promise<{ shown: number; interactive: number; listed: number }> {
  await page.goto('about:blank');
  await page.goto(`${BASE}/maturity`, { waitUntil: 'commit' });
  const { at: shown, listed } = (await (
    await page.waitForFunction(overviewShown, undefined, {
      polling: 'raf',
      timeout: 60_000,
    })
  ).jsonValue()) as { at: number; listed?: string };
  const search = page.getByLabel('Search services', { exact: true });
  await search.pressSequentially('s', { timeout: 10_000 });
  const typed = await search.inputValue();
  const interactive = (await page.evaluate(
    () => (window as any).__benchInputAt,
  )) as number | undefined;
  if (typed !== 's' || interactive === undefined) {
    throw new Error(`the search box did not take input (value "${typed}")`);
  }
  // Let this load's remaining requests (movers, the filter the typing
  // started) finish, so the next load starts on an idle backend.
  await page.waitForLoadState('networkidle', { timeout: 60_000 });
  return {
    shown,
    interactive,
    listed: Number(listed?.replace(/,/g, '') ?? NaN),
  };
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median:
      sorted.length % 2
        ? sorted[(sorted.length - 1) / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2,
    p95: percentile(sorted, 95),
  };
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new CannotRun(
      `no Chromium at ${CHROMIUM} (scripts/system-deps.sh installs Debian's chromium; or set CHROMIUM_PATH)`,
    );
  }
  ensureFrontendBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'overview-bench-'));
  let backend: ChildProcess | undefined;
  let browser: Browser | undefined;
  const onSignal = () => {
    if (backend?.pid) {
      try {
        process.kill(-backend.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    let started = performance.now();
    await seedScores(path.join(dir, 'maturity.sqlite'), N);
    console.log(
      `seeded ${N} scored services in ${(
        (performance.now() - started) /
        1000
      ).toFixed(1)} s`,
    );

    started = performance.now();
    const log = path.join(dir, 'backend.log');
    backend = await startBackend(writeOverlay(dir), log);
    console.log(
      `demo backend ready on ${BASE} in ${(
        (performance.now() - started) /
        1000
      ).toFixed(1)} s`,
    );

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    await context.addInitScript(recordInput);
    const page = await context.newPage();
    await signIn(page);

    // Warm-up (HTTP cache, backend and SQLite caches), and a check that the
    // page really lists the seeded services.
    const { listed } = await loadOverview(page);
    // The seeded services, and the teams' Groups, which are scored too.
    if (listed < N) {
      throw new CannotRun(
        `the overview lists ${listed} scored entities, fewer than the ${N} seeded services`,
      );
    }

    const loadBefore = os.loadavg()[0];
    const shown: number[] = [];
    const interactive: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const { shown: s, interactive: t } = await loadOverview(page);
      shown.push(s);
      interactive.push(t);
      if (process.env.BENCH_DEBUG) {
        console.log(
          `load ${i + 1}: shown ${s.toFixed(0)} ms, interactive ${t.toFixed(
            0,
          )} ms`,
        );
      }
    }
    const n = N.toLocaleString('en-US');
    const ready = summary(interactive);
    const seen = summary(shown);
    console.log(
      `overview interactive: median ${ready.median.toFixed(
        0,
      )} ms, p95 ${ready.p95.toFixed(
        0,
      )} ms over ${LOADS} loads (${n} scored services; target median ≤ ${TARGET_MS} ms: ${
        ready.median <= TARGET_MS
          ? 'met'
          : `NOT met, ${(ready.median / TARGET_MS).toFixed(2)}× the target`
      })`,
    );
    console.log(
      `  first row + level distribution shown: median ${seen.median.toFixed(
        0,
      )} ms, p95 ${seen.p95.toFixed(0)} ms`,
    );
    console.log(
      `  load average ${loadBefore.toFixed(1)} -> ${os
        .loadavg()[0]
        .toFixed(1)} on ${os.cpus().length} cores while measuring`,
    );
    console.log(
      `  all loads (interactive, ms): ${interactive
        .map(t => t.toFixed(0))
        .join(', ')}`,
    );
  } finally {
    await browser?.close().catch(() => {});
    await stopBackend(backend);
    if (process.env.BENCH_KEEP) {
      console.log(`kept ${dir}`);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

// Explicit exit codes: the seeding's test backend leaves a `beforeExit`
// handler behind that would otherwise end the process with 0.
main().then(
  () => process.exit(0),
  error => {
    console.error(
      `overview bench could not run: ${
        error instanceof CannotRun ? error.message : error?.stack ?? error
      }`,
    );
    process.exit(1);
  },
);
