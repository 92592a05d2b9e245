import { screen, within } from '@testing-library/react';
import {
  testCampaignList,
  testExemptionRequest,
} from '../../__testUtils__/campaignFixtures';
import { mockMaturityApi } from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { CampaignsPage } from './CampaignsPage';

describe('CampaignsPage', () => {
  it('lists each campaign with state, progress, current phase and risk', async () => {
    const api = mockMaturityApi({
      listCampaigns: jest.fn(async () => testCampaignList()),
      listExemptionRequests: jest.fn(async () => [testExemptionRequest()]),
    });
    renderWithMaturityApi(<CampaignsPage />, { api });
    await screen.findByText('Payments and search reach Silver');
    await screen.findByText(/1 exemption request waits for a decision/);

    const rows = within(
      screen.getByRole('table', { name: 'Campaigns' }),
    ).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const silver = within(rows[1]);
    expect(
      silver.getByRole('link', { name: 'Payments and search reach Silver' }),
    ).toHaveAttribute('href', '/maturity/campaigns/c1');
    expect(silver.getByText('Active')).toBeInTheDocument();
    expect(
      silver.getByRole('progressbar', {
        name: 'Payments and search reach Silver: 0 of 4 services meet the last phase',
      }),
    ).toHaveAttribute('aria-valuenow', '0');
    // the first phase not met by every service is the current one
    expect(silver.getByText('1. CI/CD')).toBeInTheDocument();
    expect(silver.getByText('29 Jan 2027')).toBeInTheDocument();
    expect(silver.getByText('At risk')).toBeInTheDocument();
    const docs = within(rows[2]);
    expect(docs.getByText('as code')).toBeInTheDocument();
    expect(docs.getByText('Scheduled')).toBeInTheDocument();
    expect(docs.getByText('Every phase met')).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'New campaign' })).toHaveAttribute(
      'href',
      '/maturity/campaigns/new',
    );
    expect(
      screen.getByRole('link', { name: 'Import roadmap' }),
    ).toBeInTheDocument();
    expect(api.listExemptionRequests).toHaveBeenCalledWith({
      status: 'requested',
    });
  });
});
