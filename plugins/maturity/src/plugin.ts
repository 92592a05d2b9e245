import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { maturityApiRef } from './api/MaturityApi';
import { MaturityClient } from './api/MaturityClient';
import {
  RemediationPlanClient,
  remediationPlanApiRef,
} from './scaffolder/RemediationPlanApi';

const legacyRootRouteRef = createRouteRef({ id: 'maturity' });

/**
 * The Roadmap Maturity plugin for apps on the legacy frontend system. Apps on
 * the new system use the default export of `@roadmap/plugin-maturity/alpha`.
 *
 * @public
 */
export const maturityPlugin = createPlugin({
  id: 'maturity',
  apis: [
    createApiFactory({
      api: maturityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MaturityClient(deps),
    }),
    createApiFactory({
      api: remediationPlanApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new RemediationPlanClient(deps),
    }),
  ],
  routes: { root: legacyRootRouteRef },
});

/**
 * The overview and team pages; mount at `/maturity`.
 *
 * @public
 */
export const MaturityPage: () => JSX.Element = maturityPlugin.provide(
  createRoutableExtension({
    name: 'MaturityPage',
    component: () =>
      import('./components/MaturityRouter').then(m => m.MaturityRouter),
    mountPoint: legacyRootRouteRef,
  }),
);

/**
 * The maturity card for Component pages.
 *
 * @public
 */
export const EntityMaturityCard: (props: {
  /** Link to the roadmap tab; defaults to `./maturity`. */
  roadmapPath?: string;
}) => JSX.Element = maturityPlugin.provide(
  createComponentExtension({
    name: 'EntityMaturityCard',
    component: {
      lazy: () =>
        import('./components/EntityMaturityCard').then(
          m => m.EntityMaturityCard,
        ),
    },
  }),
);

/**
 * The roadmap tab for Component pages.
 *
 * @public
 */
export const EntityMaturityContent: () => JSX.Element = maturityPlugin.provide(
  createComponentExtension({
    name: 'EntityMaturityContent',
    component: {
      lazy: () =>
        import('./components/EntityMaturityContent').then(
          m => m.EntityMaturityContent,
        ),
    },
  }),
);

/**
 * The team card for Group pages.
 *
 * @public
 */
export const GroupMaturityCard: () => JSX.Element = maturityPlugin.provide(
  createComponentExtension({
    name: 'GroupMaturityCard',
    component: {
      lazy: () =>
        import('./components/GroupMaturityCard').then(m => m.GroupMaturityCard),
    },
  }),
);

/**
 * The roll-up card for System and Domain pages: the entity's own score and
 * checks, and the levels of its children.
 *
 * @public
 */
export const RollupMaturityCard: () => JSX.Element = maturityPlugin.provide(
  createComponentExtension({
    name: 'RollupMaturityCard',
    component: {
      lazy: () =>
        import('./components/RollupMaturityCard').then(
          m => m.RollupMaturityCard,
        ),
    },
  }),
);
