import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import TimelineIcon from '@material-ui/icons/Timeline';
import { maturityApiRef } from './api/MaturityApi';
import { isMaturityAvailable } from './isMaturityAvailable';
import { isRollupMaturityAvailable } from './isRollupMaturityAvailable';
import { MaturityClient } from './api/MaturityClient';
import {
  campaignRouteRef,
  campaignsRouteRef,
  exemptionRequestsRouteRef,
  fixItTemplateRouteRef,
  rootRouteRef,
  teamRouteRef,
} from './routes';
import {
  maturityCheckPickerField,
  maturityGapsReviewField,
  remediationPlanApi,
} from './scaffolder/formFieldExtensions';

/** @alpha */
export const maturityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: maturityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MaturityClient(deps),
    }),
});

/**
 * The overview at `/maturity` (in the sidebar), and under it the team
 * views, the campaigns and the exemption requests.
 *
 * @alpha
 */
export const maturityPage = PageBlueprint.make({
  params: {
    path: '/maturity',
    title: 'Maturity',
    icon: <TimelineIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/MaturityRouter').then(m => <m.MaturityRouter />),
  },
});

/**
 * The maturity card, on Component pages only: a content card (the Overview's
 * wide main column). Its place is the app's to choose: list
 * `entity-card:maturity/maturity` in `app.extensions` to put it before the
 * catalog's own cards, and set `config.type: info` to move it to the narrow
 * column beside the About card.
 *
 * @alpha
 */
export const entityMaturityCard = EntityCardBlueprint.make({
  name: 'maturity',
  params: {
    type: 'content',
    filter: isMaturityAvailable,
    loader: () =>
      import('./components/EntityMaturityCard').then(m => (
        <m.EntityMaturityCard />
      )),
  },
});

/** The roadmap tab of Component pages. @alpha */
export const entityMaturityContent = EntityContentBlueprint.make({
  name: 'maturity',
  params: {
    path: '/maturity',
    title: 'Roadmap',
    filter: isMaturityAvailable,
    loader: () =>
      import('./components/EntityMaturityContent').then(m => (
        <m.EntityMaturityContent />
      )),
  },
});

/** The team's services and levels, on Group pages. @alpha */
export const groupMaturityCard = EntityCardBlueprint.make({
  name: 'group-maturity',
  params: {
    filter: entity => entity.kind.toLocaleLowerCase('en-US') === 'group',
    loader: () =>
      import('./components/GroupMaturityCard').then(m => (
        <m.GroupMaturityCard />
      )),
  },
});

/**
 * The maturity card of System and Domain pages: the entity's own score and
 * checks, and the levels of its Components (a System) or Systems (a Domain).
 *
 * @alpha
 */
export const rollupMaturityCard = EntityCardBlueprint.make({
  name: 'rollup-maturity',
  params: {
    filter: isRollupMaturityAvailable,
    loader: () =>
      import('./components/RollupMaturityCard').then(m => (
        <m.RollupMaturityCard />
      )),
  },
});

/**
 * The home page card: the levels of the signed-in user's teams' services,
 * each team linking to its roadmap view.
 *
 * @alpha
 */
export const myTeamsMaturityWidget = HomePageWidgetBlueprint.make({
  name: 'my-teams',
  params: {
    name: 'MaturityMyTeams',
    title: 'Your teams on the roadmap',
    description:
      'How many of your teams’ services are at each maturity level, and when they were last scored',
    components: () =>
      import('./components/MyTeamsMaturityCard').then(m => ({
        Content: m.MyTeamsMaturityCard,
      })),
  },
});

/**
 * The Roadmap Maturity frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'maturity',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    maturityApi,
    maturityPage,
    entityMaturityCard,
    entityMaturityContent,
    groupMaturityCard,
    rollupMaturityCard,
    myTeamsMaturityWidget,
    remediationPlanApi,
    maturityCheckPickerField,
    maturityGapsReviewField,
  ],
  routes: {
    root: rootRouteRef,
    team: teamRouteRef,
    campaigns: campaignsRouteRef,
    campaign: campaignRouteRef,
    exemptionRequests: exemptionRequestsRouteRef,
  },
  externalRoutes: { fixItTemplate: fixItTemplateRouteRef },
});
