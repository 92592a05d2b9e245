import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import type { MaturityApi } from '../../api/MaturityApi';
import {
  evaluatedScore,
  mockMaturityApi,
  testEntity,
} from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { teamRollup } from '../../__testUtils__/teamRollup';
import { GroupMaturityCard } from './GroupMaturityCard';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
  spec: { type: 'team', children: [] },
};

function renderCard(api: MaturityApi) {
  return renderWithMaturityApi(<GroupMaturityCard />, {
    api,
    entity: group,
    app: {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  });
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
      getGroupRollup: jest.fn(async () =>
        teamRollup([gold, none], { averageScore: 50 }),
      ),
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

  it('shows the group’s own score and checks alongside its services', async () => {
    const own = {
      ...evaluatedScore([], group),
      entityRef: 'group:default/payments',
      kind: 'Group',
      level: 'bronze',
      score: 60,
    };
    own.detail.results = [
      {
        ...own.detail.results[0],
        checkId: 'group.services-bronze',
        title: 'Every one of its services at least Bronze',
        level: 'silver',
        status: 'fail',
        message: 'Some of its services are below Bronze',
      },
    ];
    const api = mockMaturityApi({
      getScore: jest.fn(async () => own),
      getGroupRollup: jest.fn(async () =>
        teamRollup([evaluatedScore([], testEntity('legacy-billing'))]),
      ),
    });
    renderCard(api);
    const checks = await screen.findByRole('list', { name: 'Own checks' });
    expect(
      within(checks).getByText(/Every one of its services at least Bronze/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Score')).toHaveTextContent('60');
    expect(api.getScore).toHaveBeenCalledWith('group:default/payments');
    expect(
      await screen.findByRole('table', { name: 'Services of the team' }),
    ).toBeInTheDocument();
  });

  it('explains an empty team', async () => {
    renderCard(
      mockMaturityApi({
        getGroupRollup: jest.fn(async () => teamRollup([])),
      }),
    );
    expect(
      await screen.findByText(/No scored service is owned by this team yet/),
    ).toBeInTheDocument();
  });
});
