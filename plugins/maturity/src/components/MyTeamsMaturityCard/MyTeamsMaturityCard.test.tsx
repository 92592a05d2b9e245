import { identityApiRef } from '@backstage/frontend-plugin-api';
import { mockApis, TestApiProvider } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import {
  evaluatedScore,
  mockMaturityApi,
  testEntity,
} from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { MyTeamsMaturityCard } from './MyTeamsMaturityCard';

function renderFor(ownershipEntityRefs: string[], api = mockMaturityApi()) {
  renderWithMaturityApi(
    <TestApiProvider
      apis={[
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/dana',
            ownershipEntityRefs,
          }),
        ],
      ]}
    >
      <MyTeamsMaturityCard />
    </TestApiProvider>,
    { api },
  );
  return api;
}

describe('MyTeamsMaturityCard', () => {
  it('shows each of the user’s teams with its services per level, linking the team view', async () => {
    const latest = {
      ...evaluatedScore([], testEntity('payments-api')),
      confirmedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    };
    const api = mockMaturityApi({
      getLevelDistribution: jest.fn(
        async (query): Promise<Record<string, number>> =>
          query.owner?.[0] === 'group:default/payments'
            ? { gold: 1, silver: 2, none: 1 }
            : { none: 0 },
      ),
      listScores: jest.fn(async () => ({
        items: [latest],
        totalCount: 1,
        offset: 0,
        limit: 1,
      })),
    });
    renderFor(
      ['user:default/dana', 'group:default/payments', 'group:default/search'],
      api,
    );
    const payments = await screen.findByRole('link', { name: 'payments' });
    expect(payments).toHaveAttribute('href', '/maturity/team/default/payments');
    const item = payments.closest('li')!;
    expect(within(item as HTMLElement).getByText(/4 services/)).toBeVisible();
    expect(
      within(item as HTMLElement).getByRole('img', {
        name: 'No level yet: 1, Bronze: 0, Silver: 2, Gold: 1',
      }),
    ).toBeInTheDocument();
    // A team without scored services is left out.
    expect(screen.queryByRole('link', { name: 'search' })).toBeNull();
    expect(screen.getByText(/Last scored 5 minutes ago/)).toBeVisible();
    expect(api.getLevelDistribution).toHaveBeenCalledTimes(2);
    expect(api.listScores).toHaveBeenCalledWith({
      owner: ['group:default/payments', 'group:default/search'],
      orderBy: 'scoredAt',
      order: 'desc',
      limit: 1,
    });
  });

  it('points a user without a team to the overview', async () => {
    const api = renderFor(['user:default/dana']);
    expect(
      await screen.findByText(/None of your teams owns a scored service yet/),
    ).toBeVisible();
    expect(
      screen.getByRole('link', { name: 'maturity overview' }),
    ).toHaveAttribute('href', '/maturity');
    expect(api.listScores).not.toHaveBeenCalled();
  });
});
