import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen } from '@testing-library/react';
import { mockMaturityApi } from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { CampaignsPage } from './CampaignsPage';

// A file of its own: usePermission caches decisions per permission for the
// module's lifetime, so a test denying what another allowed must not share
// the module with it.
describe('CampaignsPage without the campaign permissions', () => {
  it('says what to do when there is no campaign, and hides what the user may not do', async () => {
    const api = mockMaturityApi({
      listCampaigns: jest.fn(async () => ({ items: [] })),
    });
    renderWithMaturityApi(<CampaignsPage />, {
      api,
      permission: AuthorizeResult.DENY,
    });
    expect(
      await screen.findByText(/People allowed to create campaigns/),
    ).toBeInTheDocument();
    expect(screen.getByText('maturity.campaigns')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New campaign' })).toBeNull();
    expect(api.listExemptionRequests).not.toHaveBeenCalled();
  });
});
