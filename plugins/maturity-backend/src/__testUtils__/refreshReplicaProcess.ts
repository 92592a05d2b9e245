/*
 * One backend replica's refresh in a process of its own, for the test that
 * kills a replica with SIGKILL mid-refresh (replicaKill.test.ts). Settings
 * come as JSON in MATURITY_REPLICA; it prints `scored <n>` after each batch
 * it stored and `done` when nothing is left to score.
 */
import type { Entity } from '@backstage/catalog-model';
import knexFactory from 'knex';
import { MaturityDatabase } from '../database/MaturityDatabase';
import { RefreshService } from '../refresh/RefreshService';
import {
  passingCollector,
  shareOfPassingFacts,
  testComponents,
} from './scoringFixture';

const settings = JSON.parse(process.env.MATURITY_REPLICA ?? '{}') as {
  connection: object;
  entities: number;
  leaseMs: number;
  batchDelayMs: number;
};

const silent = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silent;
  },
};

async function main() {
  const knex = knexFactory({ client: 'pg', connection: settings.connection });
  const db = await MaturityDatabase.create({
    database: { getClient: async () => knex, migrations: { skip: true } },
  });
  const entities: Entity[] = testComponents(settings.entities);
  const catalog = {
    async queryEntities() {
      return { items: entities, totalItems: entities.length, pageInfo: {} };
    },
    async getEntityByRef() {
      return undefined;
    },
  };
  let stored = 0;
  const refresh = new RefreshService({
    catalog: catalog as any,
    auth: { getOwnServiceCredentials: async () => ({}) } as any,
    db,
    collectors: [
      passingCollector('repository', async () => {
        await new Promise(r => setTimeout(r, settings.batchDelayMs));
      }),
    ],
    scorer: shareOfPassingFacts(['repository']),
    logger: silent as any,
    metrics: {
      setScores(samples: unknown[]) {
        stored += samples.length;
        process.stdout.write(`scored ${stored}\n`);
      },
      recordRun() {},
      recordSource() {},
    } as any,
    options: {
      staleAfterMs: 3_600_000,
      batchSize: 4,
      sourceTimeoutMs: 10_000,
      leaseMs: settings.leaseMs,
      retry: { firstDelayMs: 1_000, maxDelayMs: 10_000 },
    },
  });
  // Until every entity has a score: the other replica's leases expire and
  // are taken over.
  for (;;) {
    await refresh.run();
    const [{ n }] = await knex('maturity_scores').count({ n: '*' });
    if (Number(n) >= settings.entities) break;
    await new Promise(r => setTimeout(r, 200));
  }
  process.stdout.write('done\n');
  await knex.destroy();
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
