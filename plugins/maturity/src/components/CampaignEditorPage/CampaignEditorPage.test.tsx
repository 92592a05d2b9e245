import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import type { MaturityApi } from '../../api/MaturityApi';
import { testCampaign } from '../../__testUtils__/campaignFixtures';
import { mockMaturityApi } from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { CampaignEditorPage } from './CampaignEditorPage';

const facets = {
  owners: [],
  systems: ['system:default/payments'],
  kinds: ['Component'],
  types: ['service', 'website'],
  lifecycles: ['production', 'experimental'],
  levels: ['bronze'],
};

function renderAt(path: string, api: MaturityApi) {
  renderWithMaturityApi(
    <Routes>
      <Route path="/maturity/campaigns/new" element={<CampaignEditorPage />} />
      <Route
        path="/maturity/campaigns/:id/edit"
        element={<CampaignEditorPage />}
      />
      <Route path="/maturity/campaigns/:id" element={<p>Campaign detail</p>} />
    </Routes>,
    { api, app: { initialRouteEntries: [path] } },
  );
}

describe('CampaignEditorPage', () => {
  it('names what to fix with the API’s rules, then creates the campaign', async () => {
    const api = mockMaturityApi({
      getFacets: jest.fn(async () => facets),
      createCampaign: jest.fn(async input => ({
        ...testCampaign(),
        ...input,
        id: 'c9',
      })),
    });
    renderAt('/maturity/campaigns/new', api);
    await screen.findByText('Phase 1');
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Create campaign' }));
    const summary = await screen.findByRole('alert', {
      name: 'The campaign cannot be saved yet',
    });
    expect(
      within(summary).getByText('Title: title is required'),
    ).toBeInTheDocument();
    expect(
      within(summary).getByText('Phase 1 title: title is required'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(api.createCampaign).not.toHaveBeenCalled();

    await user.type(
      screen.getByRole('textbox', { name: 'Title' }),
      'Reach Silver',
    );
    await user.click(
      screen.getByRole('combobox', { name: /^Owner \(the team/ }),
    );
    await user.click(await screen.findByRole('option', { name: 'Platform' }));
    const phase = screen.getByRole('group', { name: 'Phase 1' });
    await user.type(
      within(phase).getByRole('textbox', { name: 'Phase title' }),
      'Silver',
    );
    await user.type(within(phase).getByLabelText(/^Due date/), '2027-03-31');
    await user.click(within(phase).getByRole('combobox', { name: 'Level' }));
    await user.click(await screen.findByRole('option', { name: 'Silver' }));
    // the issues follow the edits: none is left
    await waitFor(() =>
      expect(
        screen.queryByRole('alert', {
          name: 'The campaign cannot be saved yet',
        }),
      ).toBeNull(),
    );

    await user.click(screen.getByRole('button', { name: 'Create campaign' }));
    expect(await screen.findByText('Campaign detail')).toBeInTheDocument();
    expect(api.createCampaign).toHaveBeenCalledWith({
      title: 'Reach Silver',
      owner: 'group:default/platform',
      scope: { kinds: ['Component'], lifecycles: ['production'] },
      phases: [
        { title: 'Silver', dueDate: '2027-03-31', target: { level: 'silver' } },
      ],
      startsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      published: true,
    });
  });

  it('sends the version read, and asks to reload when someone else saved first', async () => {
    const stored = testCampaign();
    const api = mockMaturityApi({
      getFacets: jest.fn(async () => facets),
      getCampaign: jest.fn(async () => stored),
      updateCampaign: jest.fn(async () => {
        throw Object.assign(new Error('Campaign c1 changed'), {
          statusCode: 409,
        });
      }),
    });
    renderAt('/maturity/campaigns/c1/edit', api);
    const title = await screen.findByRole('textbox', { name: 'Title' });
    expect(title).toHaveValue('Payments and search reach Silver');
    const user = userEvent.setup();
    await user.type(title, ' by May');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(
      await screen.findByText(/changed by someone else since you opened it/),
    ).toBeInTheDocument();
    const [id, version, input] = api.updateCampaign.mock.calls[0];
    expect([id, version, input.title]).toEqual([
      'c1',
      3,
      'Payments and search reach Silver by May',
    ]);
    expect(input.phases[0].target).toEqual({
      checks: ['ci.pipeline', 'ci.tests'],
    });

    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(api.getCampaign).toHaveBeenCalledTimes(2));
    expect(await screen.findByRole('textbox', { name: 'Title' })).toHaveValue(
      'Payments and search reach Silver',
    );
  });
});
