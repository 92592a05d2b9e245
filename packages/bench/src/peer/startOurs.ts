import {
  type BackendFeature,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { maturityPlugin } from '@roadmap/plugin-maturity-backend';
import {
  defaultRubric,
  type Fact,
  REPOSITORY_CHECK_IDS,
} from '@roadmap/plugin-maturity-common';
import {
  type MaturityCollector,
  maturityCollectorsExtensionPoint,
} from '@roadmap/plugin-maturity-node';
import type { Knex } from 'knex';
import { ManualScheduler } from '@roadmap/plugin-maturity-node/testUtils';
import { type SyntheticCatalog, toMaturityFacts } from './syntheticFacts';

/** The id of our plugin's scheduled refresh task. */
export const OUR_REFRESH_TASK = 'maturity-refresh';

/** The checks of the default rubric that read no repository fact: disabled, so both systems run the same 36 checks. */
export const NON_REPOSITORY_CHECK_IDS: string[] = defaultRubric.checks
  .map(c => c.id)
  .filter(id => !(REPOSITORY_CHECK_IDS as readonly string[]).includes(id));

/**
 * The repository source answered from memory: the synthetic facts of each
 * entity of the batch, with no I/O, so the refresh time is the plugin's own.
 */
export class InMemoryRepositoryCollector implements MaturityCollector {
  readonly source = 'repository';
  readonly #facts: Map<string, Fact[]>;

  constructor(catalog: SyntheticCatalog) {
    this.#facts = new Map(
      [...catalog.values].map(([ref, row]) => [
        ref,
        toMaturityFacts(row, catalog.observedAt),
      ]),
    );
  }

  async collect(request: { entities: { metadata: { name: string } }[] }) {
    const facts = new Map<string, Fact[]>();
    for (const entity of request.entities) {
      const ref = `component:default/${entity.metadata.name}`;
      const found = this.#facts.get(ref);
      if (found) facts.set(ref, found);
    }
    return { facts };
  }
}

/**
 * Starts our backend plugin (`maturityPlugin` of
 * `@roadmap/plugin-maturity-backend`) in a test backend, with the in-memory
 * repository collector as its only collector (the built-in repository,
 * Kubernetes and Prometheus collectors are modules of the default export and
 * are simply not added) and the rubric restricted to its repository checks.
 */
export async function startOurs(options: {
  catalog: SyntheticCatalog;
  knex: Knex;
  scheduler: ManualScheduler;
  /** More features or service overrides (the scale bench's capturing logger). */
  features?: BackendFeature[];
}) {
  const collector = new InMemoryRepositoryCollector(options.catalog);
  const collectorModule = createBackendModule({
    pluginId: 'maturity',
    moduleId: 'bench-in-memory-repository',
    register(env) {
      env.registerInit({
        deps: { collectors: maturityCollectorsExtensionPoint },
        async init({ collectors }) {
          collectors.addCollector(collector);
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      maturityPlugin,
      collectorModule,
      catalogServiceMock.factory({ entities: options.catalog.entities }),
      options.scheduler.factory(),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: {
          maturity: {
            rubric: {
              checks: NON_REPOSITORY_CHECK_IDS.map(id => ({
                id,
                enabled: false,
              })),
            },
            kubernetes: { enabled: false },
            refresh: { batchSize: 500 },
            // The latency clients all send the same token.
            api: { maxConcurrentRequestsPerClient: 1000 },
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 30 },
            },
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
  return {
    backend,
    url: `http://localhost:${backend.server.port()}/api/maturity`,
  };
}
