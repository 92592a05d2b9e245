/* eslint-disable no-console */
/*
 * Rubric dry run with N scored services (default 10,000), on SQLite and
 * PostgreSQL (when a server answers): the plugin in a test backend over a
 * database seeded with N current scores and their stored last good facts
 * (every fact of the default rubric, per source, with evidence, as a
 * refresh stores them), then
 *
 *  - POST /rubric/dry-run with a proposal that moves, reweighs, disables
 *    and adds checks: every service evaluated twice (effective and proposed
 *    rubric) from its stored facts.
 *
 * Prints median and p95 of RUNS requests (default 10) after one warm-up,
 * and how many services were evaluated and would change level. Target:
 * ≤ 2 s for 10,000 services.
 *
 * Run: yarn bench (or node -r @backstage/cli/config/nodeTransform.cjs packages/bench/src/dryRun/dryRun.bench.ts [N] [RUNS])
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import maturityFeatures from '@roadmap/plugin-maturity-backend';
import {
  defaultRubric,
  type Fact,
  type RubricDryRunRequest,
  type RubricDryRunResponse,
} from '@roadmap/plugin-maturity-common';
import { ManualScheduler } from '@roadmap/plugin-maturity-node/testUtils';
import type { Knex } from 'knex';
import { mulberry32 } from '../peer/syntheticFacts';
import { benchDatabase } from '../shared/benchDatabase';
import { benchMaturityConfig } from '../shared/benchMaturityConfig';
import { percentile } from '../shared/measureLatency';
import { postgresAvailable } from '../shared/postgresAvailable';
import { positionalArgs } from '../shared/positionalArgs';

const N = Number(positionalArgs()[0] ?? 10_000);
const RUNS = Number(positionalArgs()[1] ?? 10);
const TARGET_MS = 2000;
const LEVELS = [null, 'bronze', 'silver', 'gold'];
const TYPES = ['service', 'service', 'service', 'website', 'library'];

// What a platform team might try: raise the bar for tests and health
// checks, lower dashboards, reweigh one, stop counting one, add one.
const PROPOSAL: RubricDryRunRequest = {
  checks: [
    { id: 'ci.tests', level: 'silver' },
    { id: 'obs.health', level: 'silver' },
    { id: 'obs.dashboards', level: 'bronze' },
    { id: 'docs.readme', weight: 10 },
    { id: 'sec.sast', enabled: false },
    {
      id: 'acme.typed-production',
      pillar: 'docs',
      level: 'bronze',
      title: 'Production services declare their lifecycle',
      appliesTo: { lifecycles: ['production'] },
      condition: { fact: 'catalog.lifecycle', exists: true },
    },
  ],
};

/** The stored facts of one service, by source, as a refresh writes them. */
function factsBySource(
  random: () => number,
  maturity: number,
  observedAt: string,
): Map<string, Fact[]> {
  const bySource = new Map<string, Fact[]>();
  for (const d of defaultRubric.facts) {
    // Live sources answered for most services, not all.
    if (
      (d.source === 'kubernetes' || d.source === 'prometheus') &&
      random() < 0.3
    ) {
      continue;
    }
    let value: Fact['value'];
    if (d.type === 'boolean') value = random() < maturity;
    else if (d.type === 'number')
      value = Math.round(random() * 100 * maturity * 10) / 10;
    else if (d.type === 'string')
      value = random() < maturity ? 'production' : '';
    else value = random() < 0.5 ? ['typescript'] : ['go', 'docker'];
    const fact: Fact = {
      id: d.id,
      value,
      source: d.source,
      observedAt,
      evidence:
        value === true
          ? [
              {
                path: '.github/workflows/ci.yml',
                line: 12,
                note: 'uses: actions/checkout',
              },
            ]
          : [],
    };
    const list = bySource.get(d.source) ?? [];
    list.push(fact);
    bySource.set(d.source, list);
  }
  return bySource;
}

async function seed(knex: Knex, now: Date): Promise<number> {
  const random = mulberry32(11);
  const observedAt = now.toISOString();
  const scores: Record<string, unknown>[] = [];
  const snapshots: Record<string, unknown>[] = [];
  const states: Record<string, unknown>[] = [];
  let factRows = 0;
  for (let i = 0; i < N; i++) {
    const ref = `component:default/svc-${i}`;
    const rank = Math.floor(random() * 4);
    snapshots.push({
      id: i + 1,
      entity_ref: ref,
      score: 20 + rank * 25,
      level: LEVELS[rank],
      pillar_scores: '{}',
      detail: '{"results":[],"nextSteps":[],"sources":[]}',
      passed_checks: '',
      // One in ten waived a check by annotation when last scored.
      exempt_checks: i % 10 === 0 ? 'rel.chaos' : '',
      rubric_hash: 'bench',
      scored_at: now,
    });
    scores.push({
      entity_ref: ref,
      kind: 'Component',
      namespace: 'default',
      name: `svc-${i}`,
      title: `Service ${i}`,
      owner: `group:default/team-${i % 40}`,
      system: `system:default/sys-${i % 25}`,
      type: TYPES[i % TYPES.length],
      lifecycle: i % 7 === 0 ? 'experimental' : 'production',
      tags: i % 3 === 0 ? 'typescript,payments' : 'go',
      score: 20 + rank * 25,
      level: LEVELS[rank],
      level_rank: rank - 1,
      next_level: null,
      detail: null,
      rubric_hash: 'bench',
      snapshot_id: i + 1,
      scored_at: now,
      summary: JSON.stringify({ entityRef: ref, name: `svc-${i}` }),
    });
    // The last good facts of every source, on the entity's refresh state.
    const stored = [...factsBySource(random, random(), observedAt)].map(
      ([source, list]) => ({
        source,
        facts: list,
        observedAt: now.toISOString(),
      }),
    );
    factRows += stored.length;
    states.push({
      entity_ref: ref,
      due_at: now,
      confirmed_at: now,
      facts: JSON.stringify(stored),
    });
  }
  // SQLite takes at most 500 terms in one compound insert.
  const insert = async (table: string, rows: Record<string, unknown>[]) => {
    for (let i = 0; i < rows.length; i += 400) {
      await knex(table).insert(rows.slice(i, i + 400));
    }
  };
  await insert('maturity_snapshots', snapshots);
  await insert('maturity_scores', scores);
  await insert('maturity_refresh_state', states);
  return factRows;
}

async function dryRun(url: string): Promise<{
  ms: number;
  body: RubricDryRunResponse;
}> {
  const started = performance.now();
  const res = await fetch(`${url}/rubric/dry-run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(PROPOSAL),
  });
  if (!res.ok) throw new Error(`${res.status}: ${await res.text()}`);
  const body = (await res.json()) as RubricDryRunResponse;
  return { ms: performance.now() - started, body };
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
    const factRows = await seed(db.knex, new Date());
    const url = `http://localhost:${backend.server.port()}/api/maturity`;
    const warm = await dryRun(url);
    if (warm.body.evaluated !== N) {
      throw new Error(`the dry run evaluated ${warm.body.evaluated}, not ${N}`);
    }
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push((await dryRun(url)).ms);
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    console.log(
      `${label}: ${N} services, ${factRows} stored fact rows — dry run p50/p95 ${p50.toFixed(
        0,
      )}/${p95.toFixed(0)} ms over ${RUNS} runs (target ≤ ${TARGET_MS}: ${
        p95 <= TARGET_MS ? 'met' : 'NOT met'
      }; first ${warm.ms.toFixed(0)} ms); ${
        warm.body.changedCount
      } would change level; before ${JSON.stringify(
        warm.body.before,
      )}, after ${JSON.stringify(warm.body.after)}`,
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
