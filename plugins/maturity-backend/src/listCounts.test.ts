import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import request from 'supertest';
import {
  demoEntity,
  demoMaturityConfig,
  examplesDir,
} from './__testUtils__/demo';
import { directoryUrlReaderFactory } from './__testUtils__/directoryUrlReader';
import maturityFeatures from './index';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const SERVICES = ['payments-api', 'checkout-web', 'ledger-worker'];

describe.each(databases.eachSupportedId())(
  'list counts are kept until the scores change, on %s',
  id => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let knex: Knex;
    const counts: string[] = [];
    const listen = (q: { sql: string }) => {
      if (/count\(\*\)|group by/i.test(q.sql)) counts.push(q.sql);
    };
    const get = (path: string) =>
      request(backend.server)
        .get(`/api/maturity${path}`)
        .set('Authorization', mockCredentials.user.header())
        .expect(200);
    const refresh = (name: string) =>
      request(backend.server)
        .post(`/api/maturity/scores/component/default/${name}/refresh`)
        .set('Authorization', mockCredentials.user.header())
        .expect(200);
    // The list's total and level counts, and how many counting queries
    // answering them took.
    const read = async (query: string) => {
      counts.length = 0;
      const list = await get(`/scores?${query}`);
      const levels = await get(`/levels?${query}`);
      return {
        total: list.body.totalCount as number,
        names: list.body.items.map((i: { name: string }) => i.name),
        levels: levels.body.levels as Record<string, number>,
        counted: counts.length,
      };
    };

    beforeAll(async () => {
      knex = await databases.init(id);
      backend = await startTestBackend({
        features: [
          maturityFeatures,
          directoryUrlReaderFactory(examplesDir),
          catalogServiceMock.factory({
            entities: SERVICES.map(name => demoEntity(name)),
          }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({ data: demoMaturityConfig() }),
        ],
      });
      knex.on('query', listen);
    });
    afterAll(async () => {
      knex?.off('query', listen);
      await backend?.stop();
    });

    it('counts once per filter, serves later pages from it, and counts again after a score changes', async () => {
      await refresh('payments-api');
      await refresh('checkout-web');
      const first = await read('kind=Component&limit=1&orderBy=name&order=asc');
      expect(first).toMatchObject({ total: 2, names: ['checkout-web'] });
      expect(first.counted).toBe(2);
      expect(Object.values(first.levels).reduce((a, b) => a + b, 0)).toBe(2);

      // The next page, the same filters: no counting query at all.
      const next = await read(
        'kind=Component&limit=1&offset=1&orderBy=name&order=asc',
      );
      expect(next).toMatchObject({
        total: 2,
        names: ['payments-api'],
        levels: first.levels,
        counted: 0,
      });
      // Other filters are counted on their own.
      const owner = await read('owner=group:default/nobody');
      expect(owner).toMatchObject({ total: 0, counted: 2 });

      // Scored again with the same results: only confirmed, counts kept.
      await refresh('payments-api');
      expect(
        await read('kind=Component&limit=1&orderBy=name&order=asc'),
      ).toMatchObject({
        total: 2,
        counted: 0,
      });

      // A new score: counted again, never a stale total.
      await refresh('ledger-worker');
      const after = await read('kind=Component&limit=1&orderBy=name&order=asc');
      expect(after).toMatchObject({ total: 3, counted: 2 });
      expect(Object.values(after.levels).reduce((a, b) => a + b, 0)).toBe(3);
    });
  },
);
