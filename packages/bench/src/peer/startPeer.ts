import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import techInsightsJsonfcModule from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import {
  type FactRetriever,
  techInsightsFactRetrieversExtensionPoint,
} from '@backstage-community/plugin-tech-insights-node';
import { REPOSITORY_CHECK_IDS } from '@roadmap/plugin-maturity-common';
import type { Knex } from 'knex';
import { ManualScheduler } from '@roadmap/plugin-maturity-node/testUtils';
import { REPOSITORY_FACT_IDS, type SyntheticCatalog } from './syntheticFacts';

/** The id of the peer's fact retriever (and of its scheduled task). */
export const PEER_RETRIEVER_ID = 'benchRepositoryFacts';

/** The peer's check id for one of our repository checks (config keys allow no dots). */
export function peerCheckId(checkId: string): string {
  return `repository_${checkId.replace(/\./g, '_')}`;
}

/** Every peer check id, in our rubric's order. */
export const PEER_CHECK_IDS: string[] = REPOSITORY_CHECK_IDS.map(peerCheckId);

/**
 * The peer's checks, one per repository check of our default rubric: a
 * json-rules-engine rule `{ fact: 'repository.<id>', operator: 'equal',
 * value: true }`, the equivalent of our condition `{ fact:
 * 'repository.<id>', equals: true }`.
 */
export function peerChecksConfig() {
  return Object.fromEntries(
    REPOSITORY_CHECK_IDS.map(id => [
      peerCheckId(id),
      {
        type: 'json-rules-engine',
        name: id,
        description: `repository.${id} is true`,
        factIds: [PEER_RETRIEVER_ID],
        rule: {
          conditions: {
            all: [{ fact: `repository.${id}`, operator: 'equal', value: true }],
          },
        },
      },
    ]),
  );
}

/**
 * A fact retriever that answers from memory with the synthetic facts: one
 * fact row per entity holding the 36 booleans, which is how Tech Insights
 * stores a retriever's facts.
 */
export function inMemoryFactRetriever(
  catalog: SyntheticCatalog,
): FactRetriever {
  return {
    id: PEER_RETRIEVER_ID,
    version: '0.1.0',
    title: 'Repository facts (benchmark, from memory)',
    description: 'The synthetic repository facts of the benchmark',
    entityFilter: [{ kind: 'component' }],
    schema: Object.fromEntries(
      REPOSITORY_FACT_IDS.map(id => [
        id,
        { type: 'boolean', description: `${id} observed in the repository` },
      ]),
    ),
    handler: async () =>
      [...catalog.values].map(([ref, row]) => ({
        entity: {
          kind: 'component',
          namespace: 'default',
          name: ref.slice(ref.indexOf('/') + 1),
        },
        facts: row,
      })),
  };
}

/**
 * Starts Tech Insights (`@backstage-community/plugin-tech-insights-backend`
 * with its json-rules-engine fact checker module) in a test backend, with
 * the in-memory fact retriever registered through
 * `techInsightsFactRetrieversExtensionPoint` and the equivalent checks in
 * config.
 */
export async function startPeer(options: {
  catalog: SyntheticCatalog;
  knex: Knex;
  scheduler: ManualScheduler;
}) {
  const retriever = inMemoryFactRetriever(options.catalog);
  const retrieverModule = createBackendModule({
    pluginId: 'tech-insights',
    moduleId: 'bench-in-memory-facts',
    register(env) {
      env.registerInit({
        deps: { retrievers: techInsightsFactRetrieversExtensionPoint },
        async init({ retrievers }) {
          retrievers.addFactRetrievers({ [PEER_RETRIEVER_ID]: retriever });
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      techInsightsPlugin,
      techInsightsJsonfcModule,
      retrieverModule,
      catalogServiceMock.factory({ entities: options.catalog.entities }),
      options.scheduler.factory(),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: {
          techInsights: {
            factRetrievers: {
              [PEER_RETRIEVER_ID]: {
                cadence: '0 0 * * *',
                // Keeps history like ours (400 days), pruned with one indexed
                // delete; `maxItems` would run a window query on every insert.
                lifecycle: { timeToLive: { days: 400 } },
              },
            },
            factChecker: { checks: peerChecksConfig() },
          },
        },
      }),
    ],
  });
  return {
    backend,
    url: `http://localhost:${backend.server.port()}/api/tech-insights`,
  };
}
