import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import TimelineIcon from '@material-ui/icons/Timeline';
import { maturityApiRef } from './api/MaturityApi';
import { MaturityClient } from './api/MaturityClient';
import { rootRouteRef } from './routes';

/** @public */
export const maturityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: maturityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MaturityClient(deps),
    }),
});

/** @public */
export const maturityPage = PageBlueprint.make({
  params: {
    path: '/maturity',
    title: 'Maturity',
    icon: <TimelineIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/MaturityPage').then(m => <m.MaturityPage />),
  },
});

/**
 * The Roadmap Maturity frontend plugin (new frontend system).
 *
 * @public
 */
export const maturityPlugin = createFrontendPlugin({
  pluginId: 'maturity',
  info: { packageJson: () => import('../package.json') },
  extensions: [maturityApi, maturityPage],
  routes: {
    root: rootRouteRef,
  },
});
