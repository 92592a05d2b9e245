/* eslint-disable no-console */
/*
 * Hostile and expensive requests against the maturity backend with 10,000
 * scored services, on SQLite and PostgreSQL (when a server answers):
 *
 *  1. 2,000 requests — the hostile ones of issue 18 (hundreds of pillar
 *     ranges, NUL bytes, dates before 4713 BC) and random mixes of valid and
 *     invalid parameters — one at a time: the worst request time and any
 *     5xx.
 *  2. The list's latency (a plain page of 100) while 12 other clients send
 *     the most expensive valid list queries as fast as they can, next to
 *     the same latency without them.
 *
 * Run: yarn bench (or node -r @backstage/cli/config/nodeTransform.cjs packages/bench/src/hostile/hostileRequests.bench.ts [N])
 */
import { Worker } from 'node:worker_threads';
import { syntheticFacts } from '../peer/syntheticFacts';
import { OUR_REFRESH_TASK, startOurs } from '../peer/startOurs';
import { benchDatabase } from '../shared/benchDatabase';
import { ManualScheduler } from '@roadmap/plugin-maturity-node/testUtils';
import { measureLatency } from '../shared/measureLatency';
import { postgresAvailable } from '../shared/postgresAvailable';
import { hostileRequests, mostExpensiveQuery } from './hostileRequests';
import { positionalArgs } from '../shared/positionalArgs';

const N = Number(positionalArgs()[0] ?? 10_000);
const EXPENSIVE_CLIENTS = 12;

// The expensive clients run in a worker thread until told to stop.
const FLOOD = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, clients, queries } = workerData;
let stop = false;
parentPort.on('message', () => { stop = true; });
let sent = 0;
(async () => {
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    let i = c;
    while (!stop) {
      const res = await fetch(url + '/scores?' + queries[i++ % queries.length]);
      await res.arrayBuffer();
      sent++;
    }
  }));
  parentPort.postMessage(sent);
})();
`;

async function run(
  label: string,
  knexDb: Awaited<ReturnType<typeof benchDatabase>>,
) {
  const catalog = syntheticFacts(N);
  const scheduler = new ManualScheduler();
  const { backend, url } = await startOurs({
    catalog,
    knex: knexDb.knex,
    scheduler,
  });
  try {
    await scheduler.triggerTask(OUR_REFRESH_TASK);

    let worst = { ms: 0, path: '' };
    const statuses = new Map<number, number>();
    for (const path of hostileRequests(2000)) {
      const started = performance.now();
      const res = await fetch(url + path);
      await res.arrayBuffer();
      const ms = performance.now() - started;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (ms > worst.ms) worst = { ms, path };
    }
    const fiveHundreds = [...statuses]
      .filter(([s]) => s >= 500)
      .reduce((a, [, n]) => a + n, 0);
    console.log(
      `${label}: 2,000 hostile requests: worst ${worst.ms.toFixed(
        0,
      )} ms (${worst.path.slice(
        0,
        80,
      )}), ${fiveHundreds} × 5xx; statuses ${JSON.stringify(
        Object.fromEntries(statuses),
      )}`,
    );

    const pages = Array.from({ length: 50 }, (_, i) => ({
      path: `/scores?limit=100&offset=${i * 100}`,
    }));
    const quiet = await measureLatency({
      url,
      requests: pages,
      clients: 1,
      perClient: 200,
    });
    const flood = new Worker(FLOOD, {
      eval: true,
      workerData: {
        url,
        clients: EXPENSIVE_CLIENTS,
        queries: Array.from({ length: 100 }, (_, i) => mostExpensiveQuery(i)),
      },
    });
    const sent = new Promise<number>(resolve => flood.once('message', resolve));
    await new Promise(resolve => setTimeout(resolve, 1000));
    const loaded = await measureLatency({
      url,
      requests: pages,
      clients: 1,
      perClient: 200,
    });
    flood.postMessage('stop');
    const expensive = await sent;
    await flood.terminate();
    console.log(
      `${label}: list page p50/p95 ${quiet.p50.toFixed(1)}/${quiet.p95.toFixed(
        1,
      )} ms alone, ${loaded.p50.toFixed(1)}/${loaded.p95.toFixed(
        1,
      )} ms while ${EXPENSIVE_CLIENTS} clients sent ${expensive} of the most expensive valid queries`,
    );
  } finally {
    await backend.stop();
    await knexDb.close();
  }
}

async function main() {
  await run(`SQLite, ${N} services`, await benchDatabase('sqlite'));
  const postgres = await postgresAvailable();
  if (postgres) {
    await run(
      `PostgreSQL, ${N} services`,
      await benchDatabase('postgres', postgres),
    );
  } else {
    console.log('PostgreSQL: no server on 127.0.0.1:5432, skipped');
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
