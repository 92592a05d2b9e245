import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createPlanGapsAction } from './actions/planGaps';
import { createScoreWorkspaceAction } from './actions/scoreWorkspace';
import { createWriteGapsAction } from './actions/writeGaps';

/**
 * Registers the `maturity:*` scaffolder actions.
 *
 * @public
 */
export const scaffolderModule = createBackendModule({
  moduleId: 'maturity',
  pluginId: 'scaffolder',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
      },
      async init({ scaffolderActions, catalog, config }) {
        scaffolderActions.addActions(
          createScoreWorkspaceAction(),
          createPlanGapsAction({
            catalog,
            integrations: ScmIntegrations.fromConfig(config),
          }),
          createWriteGapsAction(),
        );
      },
    });
  },
});
