import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import {
  testBurnUp,
  testCampaign,
  testCampaignProgress,
} from '../../__testUtils__/campaignFixtures';
import { mockMaturityApi } from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { downloadText } from '../../download/downloadText';
import { CampaignDetailPage } from './CampaignDetailPage';

jest.mock('../../download/downloadText', () => ({ downloadText: jest.fn() }));

describe('CampaignDetailPage', () => {
  it('shows phases with forecast, burn-up, teams, services with Fix it and scope changes', async () => {
    const api = mockMaturityApi({
      getCampaignProgress: jest.fn(async () => testCampaignProgress()),
      getCampaignBurnUp: jest.fn(async () => testBurnUp()),
      archiveCampaign: jest.fn(async () => testCampaign({ state: 'archived' })),
    });
    renderWithMaturityApi(
      <Routes>
        <Route
          path="/maturity/campaigns/:id"
          element={<CampaignDetailPage />}
        />
      </Routes>,
      {
        api,
        app: {
          initialRouteEntries: ['/maturity/campaigns/c1'],
          mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        },
      },
    );
    expect(
      await screen.findByRole('heading', {
        name: 'Payments and search reach Silver',
      }),
    ).toBeInTheDocument();
    await screen.findByText(
      /^From 2026-11-29 to 2026-12-01: phase 1 \(CI\/CD\) 2 → 3 of 4/,
    );
    expect(api.getCampaignBurnUp).toHaveBeenCalledWith('c1', 90);

    const phases = within(
      screen.getByRole('table', { name: 'Phases and forecast' }),
    );
    expect(
      phases.getByText(
        /At this rate: 10 Dec 2026 — after the 29 Jan 2027 due date\? No/,
      ),
    ).toBeInTheDocument();
    expect(
      phases.getByText(
        /At this rate: 12 Apr 2027 — after the 31 Mar 2027 due date\? Yes/,
      ),
    ).toBeInTheDocument();
    expect(
      phases.getByText('No progress over the last 28 days'),
    ).toBeInTheDocument();
    expect(phases.getAllByText('At risk')).toHaveLength(2);

    const teams = within(screen.getByRole('table', { name: 'Teams' }));
    expect(teams.getByRole('link', { name: 'payments' })).toHaveAttribute(
      'href',
      '/maturity/team/default/payments',
    );

    const services = screen.getByRole('table', { name: 'Services in scope' });
    const searchApi = within(
      within(services).getByRole('link', { name: 'search-api' }).closest('tr')!,
    );
    expect(searchApi.getAllByText('1 left')).toHaveLength(2);
    expect(searchApi.getByText('Automated tests in CI')).toBeInTheDocument();
    const fix = new URL(
      searchApi
        .getByRole('link', { name: 'Fix it: search-api' })
        .getAttribute('href')!,
      'http://portal',
    );
    expect(JSON.parse(fix.searchParams.get('formData')!)).toEqual({
      entityRef: 'component:default/search-api',
      checks: ['ci.tests'],
    });
    expect(within(services).getByText('Met (1 exempt)')).toBeInTheDocument();

    const changes = within(screen.getByRole('list', { name: 'Scope changes' }));
    expect(changes.getByText(/^Joined 20 Nov 2026/)).toBeInTheDocument();
    expect(changes.getByText(/^Left 15 Nov 2026/)).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export Markdown' }));
    const [name, markdown] = jest.mocked(downloadText).mock.calls[0];
    expect(name).toBe('c1-review.md');
    expect(markdown).toContain('# Payments and search reach Silver');
    expect(markdown).toContain('| 3 | Security | reach Silver |');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const [csvName, csv] = jest.mocked(downloadText).mock.calls[1];
    expect(csvName).toBe('c1-progress.csv');
    expect(csv.split('\r\n')[1]).toMatch(/^component:default\/payments-api,/);

    await user.click(screen.getByRole('button', { name: 'Archive' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Archive “Payments and search reach Silver”?',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Archive' }));
    await waitFor(() =>
      expect(api.archiveCampaign).toHaveBeenCalledWith('c1', 3),
    );
    await waitFor(() =>
      expect(api.getCampaignProgress).toHaveBeenCalledTimes(2),
    );
    await screen.findByRole('link', { name: 'Edit' });
  });
});
