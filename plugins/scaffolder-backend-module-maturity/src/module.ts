import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { maturityRubricServiceRef } from '@roadmap/plugin-maturity-node';
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
        rubric: maturityRubricServiceRef,
      },
      async init({ scaffolderActions, catalog, config, rubric }) {
        scaffolderActions.addActions(
          createScoreWorkspaceAction({ rubric }),
          createPlanGapsAction({
            catalog,
            integrations: ScmIntegrations.fromConfig(config),
            rubric,
          }),
          createWriteGapsAction(),
        );
      },
    });
  },
});
