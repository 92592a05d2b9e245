import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { maturityCollectorsExtensionPoint } from '@roadmap/plugin-maturity-node';
import { CatalogCollector } from '../collectors/catalog/CatalogCollector';

/**
 * Adds the catalog collector: entity fields, annotations and owner lookup.
 *
 * @public
 */
export const maturityModuleCatalogCollector = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'catalog-collector',
  register(env) {
    env.registerInit({
      deps: {
        collectors: maturityCollectorsExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ collectors, catalog, auth }) {
        collectors.addCollector(new CatalogCollector({ catalog, auth }));
      },
    });
  },
});
