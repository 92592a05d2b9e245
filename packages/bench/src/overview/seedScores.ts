/*
 * Seeds a SQLite file with N scored services for the overview benchmark, the
 * way packages/bench/src/backend/backend.bench.ts does: the real maturity
 * plugin in a test backend (startTestBackend) scores N synthetic catalog
 * entities whose sources are the demo's example repositories, and writes
 * them through its own store and migrations. No Prometheus: those checks are
 * scored as unknown, which does not change the shape of the data the
 * overview reads.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import maturityFeatures from '@roadmap/plugin-maturity-backend';
import {
  benchMaturityConfig,
  benchUrlReaderFactory,
} from '../shared/benchMaturityConfig';
import { syntheticCatalog } from '../shared/syntheticCatalog';

/**
 * Writes the maturity plugin's database, with `n` scored services, to
 * `filename` (a new SQLite file). Resolves once all of them are scored.
 */
export async function seedScores(
  filename: string,
  n: number,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
  });
  try {
    const backend = await startTestBackend({
      features: [
        maturityFeatures,
        benchUrlReaderFactory,
        catalogServiceMock.factory({ entities: syntheticCatalog(n) }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: benchMaturityConfig({
            refresh: { batchSize: 250, concurrency: 8 },
            // The test backend's scheduler runs the refresh at start.
            schedule: { frequency: { hours: 24 }, timeout: { minutes: 30 } },
          }),
        }),
      ],
    });
    try {
      const url = `http://localhost:${backend.server.port()}/api/maturity`;
      const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
      for (let scored = 0; scored < n; ) {
        if (Date.now() > deadline) {
          throw new Error(`seeding timed out with ${scored}/${n} scored`);
        }
        await new Promise(resolve => setTimeout(resolve, 1000));
        const res = await fetch(`${url}/scores?limit=1`);
        scored = ((await res.json()) as any).totalCount ?? 0;
      }
    } finally {
      await backend.stop();
    }
  } finally {
    await knex.destroy();
  }
}
