import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  evaluatedScore,
  mockMaturityApi,
  testEntity,
} from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { teamRollup } from '../../__testUtils__/teamRollup';
import { TeamMaturityPage } from './TeamMaturityPage';

describe('TeamMaturityPage', () => {
  it('shows the team’s services, their progress since a date, and exports the team report', async () => {
    const payments = evaluatedScore(
      ['ci.pipeline'],
      testEntity('payments-api'),
    );
    const ledger = evaluatedScore([], testEntity('ledger-worker'));
    const api = mockMaturityApi({
      getGroupRollup: jest.fn(async () =>
        teamRollup([payments, ledger], { averageScore: 10 }),
      ),
      getMovers: jest.fn(async () => ({
        since: '2026-08-26T00:00:00.000Z',
        items: [
          {
            entityRef: payments.entityRef,
            name: 'payments-api',
            from: {
              score: 2,
              level: null,
              scoredAt: '2026-09-01T00:00:00.000Z',
            },
            to: {
              score: 14,
              level: 'bronze',
              scoredAt: '2026-11-24T00:00:00.000Z',
            },
            delta: 12,
          },
        ],
      })),
      getGroupReport: jest.fn(async () => '# Payments\n'),
    });
    const createObjectURL = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    renderWithMaturityApi(
      <Routes>
        <Route path="/team/:namespace/:name" element={<TeamMaturityPage />} />
      </Routes>,
      {
        api,
        app: {
          initialRouteEntries: ['/team/default/payments'],
          mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        },
      },
    );
    expect(
      await screen.findByRole('heading', {
        name: 'Payments: roadmap maturity',
      }),
    ).toBeInTheDocument();
    const rows = within(
      screen.getByRole('table', { name: 'Services of the team' }),
    ).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(
      await within(rows[1]).findByText('+12 (none → Bronze)'),
    ).toBeInTheDocument();
    expect(within(rows[2]).getByText('±0')).toBeInTheDocument();
    // the default window: from midnight (UTC) 90 days ago until now
    const [query, days, moverOptions] = api.getMovers.mock.calls[0];
    expect(query).toEqual({ owner: ['group:default/payments'] });
    expect(days).toBe(
      Math.ceil(
        (Date.now() -
          Date.parse(
            `${
              screen.getByLabelText<HTMLInputElement>('Progress since').value
            }T00:00:00Z`,
          )) /
          86_400_000,
      ),
    );
    expect(moverOptions).toEqual({ limit: 500 });

    await userEvent.click(
      screen.getByRole('button', { name: 'Export team roadmap (Markdown)' }),
    );
    // the download starts once the report has arrived
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    const [groupRef, options] = api.getGroupReport.mock.calls[0];
    expect(groupRef).toBe('group:default/payments');
    expect(options!.since!.toISOString().slice(0, 10)).toBe(
      screen.getByLabelText<HTMLInputElement>('Progress since').value,
    );
  });
});
