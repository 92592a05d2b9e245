import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
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

/** A demo service placed in a system, providing the given APIs. */
function part(name: string, system: string, apis: string[] = []): Entity {
  const entity = demoEntity(name);
  entity.relations!.push(
    { type: 'partOf', targetRef: `system:default/${system}` },
    ...apis.map(api => ({
      type: 'providesApi',
      targetRef: `api:default/${api}`,
    })),
  );
  return entity;
}

function parent(kind: string, name: string, partOf?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: { owner: 'group:default/payments' },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/payments' },
      ...(partOf ? [{ type: 'partOf', targetRef: partOf }] : []),
    ],
  };
}

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  parent('Domain', 'commerce'),
  parent('System', 'payments', 'domain:default/commerce'),
  parent('System', 'ledger', 'domain:default/commerce'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: { type: 'openapi', owner: 'group:default/payments' },
  },
  // payments-api reaches Gold, legacy-billing no level, ledger-worker Silver
  // (examples/README.md). legacy-billing claims an API nobody registered.
  part('payments-api', 'payments', ['payments-api']),
  part('legacy-billing', 'payments', ['billing-api']),
  part('ledger-worker', 'ledger'),
];

const result = (body: any, id: string) =>
  body.detail.results.find((r: any) => r.checkId === id);
const notes = (r: any) => r.evidence.map((e: any) => e.note);

describe.each(databases.eachSupportedId())(
  'Systems, Domains and Groups scored over their children on %p',
  databaseId => {
    it('rolls up the stored scores of the children, keeps history, and is unknown while the catalog is down', async () => {
      const knex = await databases.init(databaseId);
      const catalog = catalogServiceMock({ entities });
      let catalogDown = false;
      const { server } = await startTestBackend({
        features: [
          maturityFeatures,
          directoryUrlReaderFactory(examplesDir),
          // The catalog whose queries can fail: the roll-up reads children
          // with queryEntities, the refresh reads the entity by ref.
          createServiceFactory({
            service: catalogServiceRef,
            deps: {},
            factory: () =>
              new Proxy(catalog, {
                get(target, prop) {
                  if (prop === 'queryEntities' && catalogDown) {
                    return async () => {
                      throw new Error('catalog unavailable');
                    };
                  }
                  const value = Reflect.get(target, prop);
                  return typeof value === 'function'
                    ? value.bind(target)
                    : value;
                },
              }),
          }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({ data: demoMaturityConfig() }),
        ],
      });
      const refresh = (ref: string) =>
        request(server)
          .post(`/api/maturity/scores/${ref}/refresh`)
          .expect(200)
          .then(res => res.body);

      // Scored before its children: none of them counts yet.
      const early = await refresh('system/default/payments');
      expect(result(early, 'system.owner').status).toBe('pass');
      expect(result(early, 'system.components')).toMatchObject({
        status: 'pass',
        message: expect.stringContaining('2 components'),
      });
      expect(result(early, 'system.components-scored').status).toBe('fail');
      expect(early.level).toBeNull();
      expect(early.detail.sources).toContainEqual(
        expect.objectContaining({ source: 'rollup', status: 'ok' }),
      );

      const component = await refresh('component/default/payments-api');
      expect(component.level).toBe('gold');
      // The roll-up source has nothing to say about a Component.
      expect(component.detail.sources.map((s: any) => s.source)).not.toContain(
        'rollup',
      );
      expect(result(component, 'system.owner').status).toBe('not-applicable');
      await refresh('component/default/legacy-billing');
      await refresh('component/default/ledger-worker');

      // One child below Bronze: the check fails and names it.
      const payments = await refresh('system/default/payments');
      expect(result(payments, 'system.components-scored').status).toBe('pass');
      const bronze = result(payments, 'system.components-bronze');
      expect(bronze.status).toBe('fail');
      expect(notes(bronze)).toContain(
        'component:default/legacy-billing: no level',
      );
      expect(notes(bronze)).not.toContain(
        expect.stringContaining('payments-api'),
      );
      const apis = result(payments, 'system.api-entities');
      expect(apis.status).toBe('fail');
      expect(notes(apis)).toEqual([
        'api:default/billing-api: provided, but no API entity',
      ]);
      expect(payments.level).toBe('bronze');

      // Every child at least Bronze: it passes.
      const ledger = await refresh('system/default/ledger');
      expect(result(ledger, 'system.components-bronze')).toMatchObject({
        status: 'pass',
        message: expect.stringContaining('1 of 1 component at Bronze'),
      });
      expect(result(ledger, 'system.components-silver').status).toBe('pass');
      expect(result(ledger, 'system.api-entities').status).toBe('pass');

      // A Domain over its Systems' stored levels, a Group over its services.
      const domain = await refresh('domain/default/commerce');
      expect(result(domain, 'domain.systems-bronze').status).toBe('pass');
      expect(result(domain, 'domain.systems-silver').status).toBe('fail');
      expect(domain.level).toBe('bronze');
      const group = await refresh('group/default/payments');
      expect(result(group, 'group.services')).toMatchObject({
        status: 'pass',
        message: expect.stringContaining('3 components'),
      });
      expect(notes(result(group, 'group.services-bronze'))).toContain(
        'component:default/legacy-billing: no level',
      );
      expect(result(group, 'group.services-half-silver').status).toBe('pass');

      // The catalog is down: the roll-up checks are unknown, never failed,
      // and the entity's own catalog facts still count.
      catalogDown = true;
      const down = await refresh('system/default/payments');
      expect(result(down, 'system.owner').status).toBe('pass');
      expect(result(down, 'system.components').status).toBe('unknown');
      expect(result(down, 'system.components-bronze').status).toBe('unknown');
      expect(down.detail.sources).toContainEqual(
        expect.objectContaining({ source: 'rollup', status: 'error' }),
      );
      expect(down.level).toBeNull();
      catalogDown = false;

      const history = await request(server)
        .get('/api/maturity/scores/system/default/payments/history')
        .expect(200);
      expect(history.body.items.map((h: any) => h.level)).toEqual([
        null,
        'bronze',
        null,
      ]);
      const list = await request(server)
        .get('/api/maturity/scores?kind=System&orderBy=name&order=asc')
        .expect(200);
      expect(list.body.items.map((i: any) => [i.name, i.level])).toEqual([
        ['ledger', 'bronze'],
        ['payments', null],
      ]);
    });
  },
);
