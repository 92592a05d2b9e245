import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import request from 'supertest';
import { MaturityDatabase } from './database/MaturityDatabase';
import {
  demoEntity,
  demoMaturityConfig,
  examplesDir,
} from './__testUtils__/demo';
import { directoryUrlReaderFactory } from './__testUtils__/directoryUrlReader';
import maturityFeatures from './index';
import { RefreshService } from './refresh/RefreshService';
import { RubricEntityScorer } from './scoring/RubricEntityScorer';
import { defaultRubric, type Fact } from '@roadmap/plugin-maturity-common';

jest.setTimeout(120_000);

// Two backend replicas only share state through PostgreSQL; SQLite in
// memory is per process, so this is a PostgreSQL-only test.
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

const names = fs.readdirSync(examplesDir).sort();
const entities = names.map(demoEntity);

describe.each(databases.eachSupportedId())(
  'two replicas on one %p database',
  id => {
    it('never score an entity twice at once, and lose or duplicate no snapshot', async () => {
      const knex = await databases.init(id);
      const start = () =>
        startTestBackend({
          features: [
            maturityFeatures,
            directoryUrlReaderFactory(examplesDir),
            catalogServiceMock.factory({ entities }),
            mockServices.database.factory({ knex }),
            mockServices.rootConfig.factory({
              // One client sends every request at once here.
              data: demoMaturityConfig({
                api: { maxConcurrentRequestsPerClient: 1000 },
              }),
            }),
          ],
        });
      const [a, b] = await Promise.all([start(), start()]);

      // Every entity is refreshed three times on each replica, all at once.
      const calls = names.flatMap(name =>
        [a, b, a, b, a, b].map(backend =>
          request(backend.server).post(
            `/api/maturity/scores/component/default/${name}/refresh`,
          ),
        ),
      );
      const responses = await Promise.all(calls);
      const statuses = responses.map(r => r.status);
      expect(statuses.filter(s => s !== 200 && s !== 409)).toEqual([]);
      expect(statuses.filter(s => s === 200).length).toBeGreaterThanOrEqual(
        names.length,
      );

      // The repository did not change between the refreshes: one snapshot
      // per entity, none lost, none duplicated.
      const snapshots = await knex('maturity_snapshots').select('entity_ref');
      expect(snapshots.map(s => s.entity_ref).sort()).toEqual(
        names.map(n => `component:default/${n}`).sort(),
      );

      // Both replicas serve the same current scores.
      const [listA, listB] = await Promise.all([
        request(a.server).get(
          '/api/maturity/scores?orderBy=name&order=asc&limit=100',
        ),
        request(b.server).get(
          '/api/maturity/scores?orderBy=name&order=asc&limit=100',
        ),
      ]);
      expect(listA.body.totalCount).toBe(names.length);
      expect(listB.body).toEqual(listA.body);
      await Promise.all([a.stop(), b.stop()]);
    });

    it('split a scheduled refresh between replicas without overlap', async () => {
      const knex = await databases.init(id);
      const runs: string[][] = [[], []];
      // A slow collector widens the window in which the replicas race.
      const collector = (replica: number) => ({
        source: 'repository',
        async collect(req: { entities: Entity[]; now: Date }) {
          runs[replica].push(...req.entities.map(e => e.metadata.name));
          await new Promise(resolve => setTimeout(resolve, 50));
          const facts = new Map<string, Fact[]>();
          for (const e of req.entities) {
            facts.set(`component:default/${e.metadata.name}`, [
              {
                id: 'repository.ci.pipeline',
                value: true,
                source: 'repository',
                observedAt: req.now.toISOString(),
                evidence: [],
              },
            ]);
          }
          return { facts };
        },
      });
      const replica = async (index: number) =>
        new RefreshService({
          catalog: catalogServiceMock({ entities }),
          auth: mockServices.auth(),
          db: await MaturityDatabase.create({
            database: mockServices.database({
              knex,
              migrations: { skip: false },
            }),
          }),
          collectors: [collector(index)],
          scorer: new RubricEntityScorer(defaultRubric, [], ['repository']),
          logger: mockServices.logger.mock(),
          options: {
            staleAfterMs: 3_600_000,
            batchSize: 2,
            sourceTimeoutMs: 5_000,
            leaseMs: 60_000,
            retry: { firstDelayMs: 60_000, maxDelayMs: 3_600_000 },
          },
        });
      const [r0, r1] = await Promise.all([replica(0), replica(1)]);
      const [s0, s1] = await Promise.all([r0.run(), r1.run()]);

      expect(s0.scored + s1.scored).toBe(names.length);
      const scoredByBoth = runs[0].filter(n => runs[1].includes(n));
      expect(scoredByBoth).toEqual([]);
      const rows = await knex('maturity_snapshots').count({ n: '*' });
      expect(Number(rows[0].n)).toBe(names.length);
    });
  },
);
