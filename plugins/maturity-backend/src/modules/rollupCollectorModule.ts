import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  maturityCollectorsExtensionPoint,
  maturityRubricServiceRef,
} from '@roadmap/plugin-maturity-node';
import { RollupCollector } from '../collectors/rollup/RollupCollector';
import { ScoreStore } from '../database/ScoreStore';

/**
 * Adds the roll-up collector: facts about Systems, Domains and Groups from
 * their children in the catalog and the children's stored scores.
 *
 * @public
 */
export const maturityModuleRollupCollector = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'rollup-collector',
  register(env) {
    env.registerInit({
      deps: {
        collectors: maturityCollectorsExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        // The plugin's own database: the children's current scores.
        database: coreServices.database,
        rubricService: maturityRubricServiceRef,
      },
      async init({ collectors, catalog, auth, database, rubricService }) {
        // Opened at the first collect: by then the plugin has migrated it.
        let scores: ScoreStore | undefined;
        collectors.addCollector(
          new RollupCollector({
            catalog,
            auth,
            levels: rubricService.getRubric().levels,
            storedLevels: {
              async currentOf(entityRefs) {
                scores ??= new ScoreStore(await database.getClient());
                return scores.currentOf(entityRefs);
              },
            },
          }),
        );
      },
    });
  },
});
