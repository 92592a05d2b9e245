import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { maturityApiRef, type MaturityApi } from '../../api/MaturityApi';
import {
  evaluatedScore,
  mockMaturityApi,
  testEntity,
} from '../../__testUtils__/mockMaturityApi';
import { GroupMaturityCard } from './GroupMaturityCard';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
  spec: { type: 'team', children: [] },
};

// Not awaited by the tests: awaiting the (synchronous) render would yield to
// the mock API's answers before the first wait, outside act().
function renderCard(api: MaturityApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[maturityApiRef, api]]}>
      <EntityProvider entity={group}>
        <GroupMaturityCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('GroupMaturityCard', () => {
  it('lists the team’s services with their levels and links the team view', async () => {
    const gold = {
      ...evaluatedScore([], testEntity('payments-api')),
      level: 'gold',
      score: 91,
    };
    const none = evaluatedScore([], testEntity('legacy-billing'));
    const api = mockMaturityApi({
      getGroupRollup: jest.fn(async () => ({
        group: { entityRef: 'group:default/payments', title: 'Payments' },
        services: [gold, none],
        summary: {
          count: 2,
          averageScore: 50,
          levels: { gold: 1, none: 1 },
          pillars: {},
        },
      })),
    });
    renderCard(api);
    const table = await screen.findByRole('table', {
      name: 'Services of the team',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText('Gold')).toBeInTheDocument();
    expect(within(rows[1]).getByText('91')).toBeInTheDocument();
    expect(within(rows[2]).getByText('No level yet')).toBeInTheDocument();
    expect(
      screen.getByText(
        /2 services, average score 50\. 1 Gold, 0 Silver, 0 Bronze, 1 without a level/,
      ),
    ).toBeInTheDocument();
    expect(api.getGroupRollup).toHaveBeenCalledWith('group:default/payments');
    expect(
      screen.getByRole('link', { name: /Team roadmap view/ }),
    ).toHaveAttribute('href', '/maturity/team/default/payments');
  });

  it('explains an empty team', async () => {
    renderCard(
      mockMaturityApi({
        getGroupRollup: jest.fn(async () => ({
          group: { entityRef: 'group:default/payments' },
          services: [],
          summary: { count: 0, averageScore: null, levels: {}, pillars: {} },
        })),
      }),
    );
    expect(
      await screen.findByText(/No scored service is owned by this team yet/),
    ).toBeInTheDocument();
  });
});
