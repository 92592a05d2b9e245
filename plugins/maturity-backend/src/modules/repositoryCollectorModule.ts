import {
  coreServices,
  createBackendModule,
  type UrlReaderService,
} from '@backstage/backend-plugin-api';
import { maturityCollectorsExtensionPoint } from '@roadmap/plugin-maturity-node';
import { LocalDirectoryUrlReader } from '../collectors/repository/LocalDirectoryUrlReader';
import { RepositoryCollector } from '../collectors/repository/RepositoryCollector';

/**
 * Adds the repository collector. URLs under `maturity.repository.localRoots`
 * are served from local folders (the demo's example repositories); all
 * others go through the backend's UrlReader and its integrations.
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
        const local = LocalDirectoryUrlReader.fromConfig(config);
        const reader: UrlReaderService = local
          ? {
              readUrl: (url, o) =>
                local.handles(url)
                  ? local.readUrl(url)
                  : urlReader.readUrl(url, o),
              readTree: (url, o) =>
                local.handles(url)
                  ? local.readTree(url, o)
                  : urlReader.readTree(url, o),
              search: (url, o) => urlReader.search(url, o),
            }
          : urlReader;
        collectors.addCollector(
          new RepositoryCollector({
            urlReader: reader,
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
