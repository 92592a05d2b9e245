/* eslint-disable no-console */
/*
 * Campaign progress and burn-up with N in-scope services (default 10,000),
 * on SQLite and PostgreSQL (when a server answers): the plugin in a test
 * backend over a database seeded with N current scores and ~90 days of
 * step-function history (a few changes per service), then
 *
 *  - GET /campaigns/:id/progress (per phase, team and service, forecast);
 *  - GET /campaigns/:id/burnup?days=90.
 *
 * Prints median and p95 of 20 requests each, the first (cold) read of the
 * burn-up, whose past days the backend's cache then holds for the day, and
 * the size of the progress body. Targets: progress ≤ 200 ms, 90-day
 * burn-up ≤ 300 ms.
 *
 * Run: yarn bench (or node -r @backstage/cli/config/nodeTransform.cjs packages/bench/src/campaigns/campaigns.bench.ts [N])
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import maturityFeatures from '@roadmap/plugin-maturity-backend';
import { defaultRubric } from '@roadmap/plugin-maturity-common';
import { ManualScheduler } from '@roadmap/plugin-maturity-node/testUtils';
import type { Knex } from 'knex';
import { mulberry32 } from '../peer/syntheticFacts';
import { benchDatabase } from '../shared/benchDatabase';
import { benchMaturityConfig } from '../shared/benchMaturityConfig';
import { percentile } from '../shared/measureLatency';
import { postgresAvailable } from '../shared/postgresAvailable';
import { positionalArgs } from '../shared/positionalArgs';

const N = Number(positionalArgs()[0] ?? 10_000);
const DAY_MS = 86_400_000;
const CHECKS = defaultRubric.checks.map(c => c.id);
const LEVELS = [null, 'bronze', 'silver', 'gold'];

async function seed(knex: Knex, now: number) {
  const random = mulberry32(7);
  let snapshotId = 0;
  const scores: Record<string, unknown>[] = [];
  const states: Record<string, unknown>[] = [];
  const snapshots: Record<string, unknown>[] = [];
  for (let i = 0; i < N; i++) {
    const ref = `component:default/svc-${i}`;
    const changes = 1 + Math.floor(random() * 5);
    let rank = Math.floor(random() * 2);
    let at = now - 120 * DAY_MS;
    for (let c = 0; c < changes; c++) {
      at += Math.floor(random() * (110 / changes)) * DAY_MS;
      rank = Math.min(3, rank + (random() < 0.7 ? 1 : 0));
      const chance = 0.35 + rank * 0.2;
      const passed = CHECKS.filter(() => random() < chance);
      snapshotId += 1;
      snapshots.push({
        id: snapshotId,
        entity_ref: ref,
        score: 20 + rank * 25,
        level: LEVELS[rank],
        pillar_scores: '{}',
        detail: '{"results":[],"nextSteps":[],"sources":[]}',
        passed_checks: passed.join(','),
        exempt_checks: '',
        rubric_hash: 'bench',
        scored_at: new Date(at),
      });
    }
    scores.push({
      entity_ref: ref,
      kind: 'Component',
      namespace: 'default',
      name: `svc-${i}`,
      owner: `group:default/team-${i % 40}`,
      system: null,
      type: 'service',
      lifecycle: 'production',
      score: 20 + rank * 25,
      level: LEVELS[rank],
      level_rank: rank - 1,
      next_level: null,
      detail: null,
      rubric_hash: 'bench',
      snapshot_id: snapshotId,
      scored_at: new Date(at),
      summary: JSON.stringify({ entityRef: ref, name: `svc-${i}` }),
    });
    states.push({
      entity_ref: ref,
      due_at: new Date(now),
      confirmed_at: new Date(now),
    });
  }
  for (let i = 0; i < snapshots.length; i += 500) {
    await knex('maturity_snapshots').insert(snapshots.slice(i, i + 500));
  }
  for (let i = 0; i < scores.length; i += 500) {
    await knex('maturity_scores').insert(scores.slice(i, i + 500));
  }
  for (let i = 0; i < states.length; i += 500) {
    await knex('maturity_refresh_state').insert(states.slice(i, i + 500));
  }
  return snapshots.length;
}

async function timed(url: string, runs = 20) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await fetch(url);
    if (!res.ok)
      throw new Error(`${res.status} for ${url}: ${await res.text()}`);
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function run(
  label: string,
  db: Awaited<ReturnType<typeof benchDatabase>>,
) {
  const backend = await startTestBackend({
    features: [
      maturityFeatures,
      new ManualScheduler().factory(),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.database.factory({ knex: db.knex }),
      mockServices.rootConfig.factory({
        data: benchMaturityConfig({ notifications: { enabled: false } }),
      }),
    ],
  });
  try {
    const now = Date.now();
    const snapshots = await seed(db.knex, now);
    const url = `http://localhost:${backend.server.port()}/api/maturity`;
    const day = (offset: number) =>
      new Date(now + offset * DAY_MS).toISOString().slice(0, 10);
    const created = await fetch(`${url}/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Everyone reaches Silver',
        owner: 'group:default/platform',
        scope: { kinds: ['Component'] },
        startsOn: day(0),
        published: true,
        phases: [
          {
            title: 'CI/CD',
            dueDate: day(30),
            target: {
              checks: ['ci.pipeline', 'ci.tests', 'ci.container-build'],
            },
          },
          { title: 'Bronze', dueDate: day(60), target: { level: 'bronze' } },
          { title: 'Silver', dueDate: day(120), target: { level: 'silver' } },
        ],
      }),
    });
    if (!created.ok)
      throw new Error(`create: ${created.status} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    // Warm: the first read records the scope's members.
    const warm = await fetch(`${url}/campaigns/${id}/progress`);
    const bytes = (await warm.arrayBuffer()).byteLength;
    // The first reads after a day turns (or a change) read the history.
    const cold = await timed(`${url}/campaigns/${id}/burnup?days=90`, 1);
    const progress = await timed(`${url}/campaigns/${id}/progress`);
    const burnUp = await timed(`${url}/campaigns/${id}/burnup?days=90`);
    console.log(
      `${label}: ${N} services, ${snapshots} snapshots — progress p50/p95 ${progress.p50.toFixed(
        0,
      )}/${progress.p95.toFixed(
        0,
      )} ms (target ≤ 200), 90-day burn-up ${burnUp.p50.toFixed(
        0,
      )}/${burnUp.p95.toFixed(
        0,
      )} ms (target ≤ 300; its first read ${cold.p50.toFixed(
        0,
      )} ms); progress body ${(bytes / 1e6).toFixed(1)} MB`,
    );
  } finally {
    await backend.stop();
    await db.close();
  }
}

async function main() {
  await run('SQLite', await benchDatabase('sqlite'));
  const postgres = await postgresAvailable();
  if (postgres)
    await run('PostgreSQL', await benchDatabase('postgres', postgres));
  else console.log('PostgreSQL: no server on 127.0.0.1:5432, skipped');
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
