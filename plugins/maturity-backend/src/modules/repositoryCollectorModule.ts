import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { maturityCollectorsExtensionPoint } from '@roadmap/plugin-maturity-node';
import { RepositoryCollector } from '../collectors/repository/RepositoryCollector';

/**
 * Adds the repository collector, which reads each entity's source location
 * through the backend's UrlReader and its integrations (custom sources are
 * added to the UrlReader by the backend, with `urlReaderFactoriesServiceRef`).
 *
 * @public
 */
export const maturityModuleRepositoryCollector = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'repository-collector',
  register(env) {
    env.registerInit({
      deps: {
        collectors: maturityCollectorsExtensionPoint,
        config: coreServices.rootConfig,
        urlReader: coreServices.urlReader,
      },
      async init({ collectors, config, urlReader }) {
        collectors.addCollector(
          new RepositoryCollector({
            urlReader,
            concurrency: config.getOptionalNumber(
              'maturity.refresh.concurrency',
            ),
            maxFileSize: config.getOptionalNumber(
              'maturity.repository.maxFileSize',
            ),
          }),
        );
      },
    });
  },
});
