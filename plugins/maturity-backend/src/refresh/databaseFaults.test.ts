import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { type Knex } from 'knex';
import { MaturityDatabase } from '../database/MaturityDatabase';
import {
  passingCollector,
  shareOfPassingFacts,
  testComponents,
} from '../__testUtils__/scoringFixture';
import { RefreshService } from './RefreshService';

jest.setTimeout(180_000);

// Terminating connections needs a server: PostgreSQL only.
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'the plugin’s PostgreSQL connections terminated mid-refresh on %p',
  id => {
    it('never changes a score for a reason other than its facts, and scores everything in the end', async () => {
      const knex = await databases.init(id);
      // A second, unpooled connection of our own to pull the plug with.
      const admin: Knex = knexFactory({
        client: 'pg',
        connection: { ...(knex.client.config.connection as object) },
        pool: { min: 0, max: 1 },
      });
      const terminated: number[] = [];
      const terminateAll = async () => {
        const result = await admin.raw(
          `select pg_terminate_backend(pid) as ok from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid()`,
        );
        terminated.push(result.rows.length);
      };
      const entities = testComponents(40);
      const db = await MaturityDatabase.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
      let clock = new Date('2026-11-24T10:00:00Z');
      const sources = ['repository', 'prometheus'];
      const service = new RefreshService({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        db,
        collectors: [
          // Twice during the run, while batches are being scored, every
          // connection of the plugin is terminated by the server.
          passingCollector('repository', async batch => {
            if (batch === 3 || batch === 6) await terminateAll();
          }),
          passingCollector('prometheus'),
        ],
        scorer: shareOfPassingFacts(sources),
        logger: mockServices.logger.mock(),
        options: {
          staleAfterMs: 3_600_000,
          batchSize: 5,
          sourceTimeoutMs: 10_000,
          leaseMs: 60_000,
          retry: { firstDelayMs: 60_000, maxDelayMs: 3_600_000 },
        },
        now: () => clock,
      });

      // Runs until everything is scored; a run may stop at a terminated
      // connection (the next one carries on), failed entities wait for
      // their retry.
      for (let run = 0; run < 10; run++) {
        await service.run().catch(() => undefined);
        const scored = Number(
          (await knex('maturity_scores').count({ n: '*' }))[0].n,
        );
        if (scored === entities.length) break;
        clock = new Date(clock.getTime() + 5 * 60_000);
      }
      await admin.destroy();

      expect(terminated.filter(n => n > 0)).toHaveLength(2);
      const scores = await knex('maturity_scores').select(
        'entity_ref',
        'score',
      );
      expect(scores).toHaveLength(entities.length);
      // Every snapshot ever written is the score of the entity's facts.
      const snapshots = await knex('maturity_snapshots').select(
        'entity_ref',
        'score',
        'detail',
      );
      expect(snapshots.length).toBeGreaterThanOrEqual(entities.length);
      for (const s of snapshots) {
        expect([s.entity_ref, Number(s.score)]).toEqual([s.entity_ref, 100]);
        const statuses = JSON.parse(s.detail).sources.map(
          (x: { source: string; status: string }) => `${x.source}:${x.status}`,
        );
        expect(statuses).toEqual(['prometheus:ok', 'repository:ok']);
      }
      expect(
        await knex('maturity_refresh_state').whereNotNull('lease_owner'),
      ).toEqual([]);
    });
  },
);
