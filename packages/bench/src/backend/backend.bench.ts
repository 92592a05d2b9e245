/* eslint-disable no-console */
/*
 * Benchmark of the backend plugin in a real Backstage backend
 * (startTestBackend), on SQLite and on PostgreSQL (when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set or a server
 * answers on 127.0.0.1:5432):
 *
 *  - a full refresh of N synthetic entities (default 10,000) whose sources
 *    are the demo's example repositories, with a real Prometheus; prints the
 *    time and the number of Prometheus queries (read from Prometheus' own
 *    request counter), and checks that every source answered. Target: 15 s.
 *  - API latency under 20 concurrent clients: a page of 100 of the list, and
 *    one entity (and its revalidation). Targets: p95 ≤ 40 ms and ≤ 15 ms.
 *
 * Run: yarn bench (or node -r @backstage/cli/config/nodeTransform.cjs packages/bench/src/backend/backend.bench.ts [N])
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { type Knex } from 'knex';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import maturityFeatures from '@roadmap/plugin-maturity-backend';
import {
  hasPrometheus,
  startPrometheus,
} from '@roadmap/plugin-maturity-node/testUtils';
import {
  benchMaturityConfig,
  benchUrlReaderFactory,
} from '../shared/benchMaturityConfig';
import { measureLatency } from '../shared/measureLatency';
import { postgresAvailable } from '../shared/postgresAvailable';
import { syntheticCatalog } from '../shared/syntheticCatalog';
import { positionalArgs } from '../shared/positionalArgs';

const N = Number(positionalArgs()[0] ?? 10_000);
const SERVICES = 50;

// Prometheus' own request counter, read from its /metrics endpoint.
async function prometheusQueries(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let total = 0;
  for (const m of text.matchAll(
    /^prometheus_http_requests_total\{[^}]*handler="\/api\/v1\/(?:query|rules)"[^}]*\} (\d+)/gm,
  )) {
    total += Number(m[1]);
  }
  return total;
}

async function run(
  label: string,
  database: { knex?: Knex },
  prometheusUrl: string,
) {
  const features: any[] = [
    maturityFeatures,
    benchUrlReaderFactory,
    catalogServiceMock.factory({
      entities: syntheticCatalog(N, { prometheusServices: SERVICES }),
    }),
    mockServices.rootConfig.factory({
      data: benchMaturityConfig({
        prometheus: {
          servers: [{ url: prometheusUrl, availabilityWindow: '1h' }],
        },
        refresh: { batchSize: 250, concurrency: 8 },
        // The test backend's scheduler runs tasks without an initial delay at start.
        schedule: { frequency: { hours: 24 }, timeout: { minutes: 10 } },
      }),
    }),
  ];
  if (database.knex)
    features.push(mockServices.database.factory({ knex: database.knex }));
  const queriesBefore = await prometheusQueries(prometheusUrl);
  const started = performance.now();
  const backend = await startTestBackend({ features });
  const url = `http://localhost:${backend.server.port()}/api/maturity`;
  let scored = 0;
  while (scored < N) {
    await new Promise(resolve => setTimeout(resolve, 500));
    const res = await fetch(`${url}/scores?limit=1`);
    scored = ((await res.json()) as any).totalCount ?? 0;
    if (process.env.BENCH_DEBUG) console.log(`scored ${scored}`);
  }
  const refreshSeconds = (performance.now() - started) / 1000;
  // The refresh must have read the example repositories and Prometheus,
  // not timed out on them: a benchmark of failing sources measures nothing.
  const sample = (await (
    await fetch(`${url}/scores/component/default/svc-0`)
  ).json()) as { detail: { sources: { source: string; status: string }[] } };
  const sources = sample.detail.sources
    .map(x => `${x.source} ${x.status}`)
    .join(', ');
  if (sample.detail.sources.some(x => x.status !== 'ok')) {
    throw new Error(
      `${label}: a source failed during the refresh (${sources})`,
    );
  }
  const queries = (await prometheusQueries(prometheusUrl)) - queriesBefore;
  let peak = process.memoryUsage().rss;

  const pages = Array.from(
    { length: Math.max(1, Math.floor(N / 100)) },
    (_, i) => `/scores?limit=100&offset=${i * 100}&orderBy=score`,
  );
  const ones = Array.from(
    { length: 500 },
    (_, i) => `/scores/component/default/svc-${(i * 7919) % N}`,
  );
  // BENCH_PROFILE=file.cpuprofile: a CPU profile of the server while it
  // answers the latency clients.
  const session = process.env.BENCH_PROFILE ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const list = await measureLatency({
    url,
    requests: pages.map(path => ({ path })),
  });
  const one = await measureLatency({
    url,
    requests: ones.map(path => ({ path })),
  });
  // A portal revalidating what it holds: If-None-Match with each entity's
  // ETag, answered 304 from one indexed read.
  const validators = [];
  for (const path of ones.slice(0, 100)) {
    const res = await fetch(url + path);
    await res.arrayBuffer();
    validators.push({
      path,
      headers: { 'if-none-match': res.headers.get('etag') ?? '' },
    });
  }
  const revalidated = await measureLatency({ url, requests: validators });
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
    session.disconnect();
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${label}: full refresh of ${N} entities in ${refreshSeconds.toFixed(
      1,
    )} s (target ≤ 15 s); ${queries} Prometheus requests; sources of svc-0: ${sources}`,
  );
  console.log(
    `  list, page of 100: p50 ${list.p50.toFixed(1)} ms, p95 ${list.p95.toFixed(
      1,
    )} ms over ${list.n} requests (target p95 ≤ 40 ms)`,
  );
  console.log(
    `  one entity:        p50 ${one.p50.toFixed(1)} ms, p95 ${one.p95.toFixed(
      1,
    )} ms over ${one.n} requests (target p95 ≤ 15 ms)`,
  );
  console.log(
    `  one entity, 304:   p50 ${revalidated.p50.toFixed(
      1,
    )} ms, p95 ${revalidated.p95.toFixed(1)} ms over ${
      revalidated.n
    } revalidations (If-None-Match)`,
  );
  console.log(`  peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`);
  await backend.stop();
}

async function main() {
  if (!hasPrometheus) {
    console.log(
      'backend bench skipped: the prometheus binary is not installed (apt-get install prometheus)',
    );
    return;
  }
  const services = Array.from({ length: SERVICES }, (_, i) => `svc-${i}`);
  const prometheus = await startPrometheus({
    up: services.slice(0, SERVICES - 5),
    down: services.slice(SERVICES - 5),
    rules: `groups:\n  - name: bench\n    rules:\n${services
      .slice(0, 10)
      .map(
        s =>
          `      - alert: ${s.replace(
            '-',
            '',
          )}Down\n        expr: up{service="${s}"} == 0\n`,
      )
      .join('')}`,
  });
  try {
    if (process.env.BENCH_PG_ONLY)
      console.log('SQLite: skipped (BENCH_PG_ONLY)');
    else await run('SQLite', {}, prometheus.url);
    const pg = process.env.BENCH_SQLITE_ONLY
      ? undefined
      : await postgresAvailable();
    if (pg) {
      const dbName = `maturity_bench_${process.pid}`;
      const admin = knexFactory({ client: 'pg', connection: pg });
      await admin.raw(`CREATE DATABASE ${dbName}`);
      const knex = knexFactory({
        client: 'pg',
        connection: `${pg.replace(/\/$/, '')}/${dbName}`,
        pool: { min: 0, max: 10 },
      });
      try {
        await run('PostgreSQL', { knex }, prometheus.url);
      } finally {
        await knex.destroy();
        await admin.raw(`DROP DATABASE IF EXISTS ${dbName}`);
        await admin.destroy();
      }
    } else {
      console.log(
        process.env.BENCH_SQLITE_ONLY
          ? 'PostgreSQL: skipped (BENCH_SQLITE_ONLY)'
          : 'PostgreSQL: skipped (no server on 127.0.0.1:5432)',
      );
    }
  } finally {
    await prometheus.stop();
  }
}

// Exits explicitly: a stopped test backend on SQLite can leave a handle
// open, and a benchmark that never returns blocks `yarn bench`.
main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
