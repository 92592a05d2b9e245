import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { testExemptionRequest } from '../../__testUtils__/campaignFixtures';
import {
  evaluatedScore,
  mockMaturityApi,
  testEntity,
} from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { EntityMaturityContent } from './EntityMaturityContent';

// The roadmap is 50 checks: wait with text queries, find a check's summary
// (role button) from its title, as EntityMaturityContent.test.tsx does.
function checkSummary(title: string): HTMLElement {
  return screen.getByText(title).closest('[role="button"]') as HTMLElement;
}

async function renderTab(api: ReturnType<typeof mockMaturityApi>) {
  renderWithMaturityApi(<EntityMaturityContent />, {
    api,
    entity: testEntity(),
  });
  await screen.findByText('Done', { selector: 'h2' });
  await screen.findByText(/^(No history yet|Scored once|Score \d+ on)/);
  await screen.findByText('Score now');
}

describe('EntityMaturityContent: exemptions and campaigns', () => {
  it('requests an exemption for a failing check, which then shows as pending', async () => {
    const score = evaluatedScore(['ci.pipeline']);
    const pending = testExemptionRequest({ requestedBy: 'user:default/guest' });
    const api = mockMaturityApi({
      getScore: jest.fn(async () => score),
      listExemptionRequests: jest
        .fn()
        .mockResolvedValueOnce([])
        .mockResolvedValue([pending]),
      requestExemption: jest.fn(async () => pending),
    });
    await renderTab(api);
    expect(api.listExemptionRequests).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
    });
    const user = userEvent.setup();
    await user.click(checkSummary('Secret scanning'));
    await user.click(
      await screen.findByRole('button', {
        name: 'Request exemption: Secret scanning',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Request an exemption: Secret scanning',
    });
    // a reason is required
    await user.click(
      within(dialog).getByRole('button', { name: 'Request exemption' }),
    );
    expect(
      within(dialog).getByText('Say why the check does not apply or must wait'),
    ).toBeInTheDocument();
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Reason' }),
      'The repository holds no secrets; a scanner is planned for Q2.',
    );
    const expires = within(dialog).getByLabelText(/^Expires/);
    await user.clear(expires);
    await user.type(expires, '2027-03-31');
    await user.click(
      within(dialog).getByRole('button', { name: 'Request exemption' }),
    );

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.requestExemption).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      checkId: 'sec.secret-scan',
      reason: 'The repository holds no secrets; a scanner is planned for Q2.',
      expires: '2027-03-31',
    });
    expect(
      await screen.findByText(/waiting for an approver/),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Exemption requested')).toHaveLength(2);
    expect(
      screen.getByText(/by guest on 30 Nov 2026, until 31 Mar 2027/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', {
        name: 'Request exemption: Secret scanning',
      }),
    ).toBeNull();
  });

  it('says where each exemption comes from, and shows the campaigns the service is in', async () => {
    const score = evaluatedScore(['ci.pipeline']);
    const waive = (checkId: string, exemption: object) => {
      const result = score.detail.results.find(r => r.checkId === checkId)!;
      result.status = 'exempt';
      result.exemption = { reason: 'why', expires: '2027-03-31', ...exemption };
      return result.title;
    };
    const sast = waive('sec.sast', {
      source: 'request',
      approvedBy: 'user:default/ana.platform',
    });
    const readme = waive('docs.readme', { source: 'annotation' });
    const api = mockMaturityApi({
      getScore: jest.fn(async () => score),
      listExemptionRequests: jest.fn(async () => [
        testExemptionRequest({
          checkId: 'sec.sast',
          status: 'approved',
          decidedBy: 'user:default/ana.platform',
          decidedAt: '2026-11-30T15:00:00.000Z',
        }),
      ]),
      getEntityCampaigns: jest.fn(async () => ({
        items: [
          {
            campaign: {
              id: 'c1',
              title: 'Payments reach Silver',
              state: 'active' as const,
              owner: 'group:default/platform',
            },
            phase: {
              index: 2,
              title: 'Security',
              dueDate: '2027-05-28',
              target: { level: 'silver' },
            },
            met: false,
            upcoming: false,
            checksLeft: ['sec.secret-scan', 'obs.metrics'],
          },
        ],
      })),
    });
    await renderTab(api);
    const strip = await screen.findByRole('list', { name: 'Campaigns' });
    expect(
      within(strip).getByRole('link', { name: 'Payments reach Silver' }),
    ).toHaveAttribute('href', '/maturity/campaigns/c1');
    expect(
      within(strip).getByText(/Silver by 28 May 2027: 2 checks left, due in/),
    ).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(checkSummary(sast));
    expect(
      await screen.findByText(
        /\(approved request by ana\.platform on 30 Nov 2026\): why/,
      ),
    ).toBeInTheDocument();
    await user.click(checkSummary(readme));
    expect(
      await screen.findByText(/\(from the entity's annotation\): why/),
    ).toBeInTheDocument();
  });
});
