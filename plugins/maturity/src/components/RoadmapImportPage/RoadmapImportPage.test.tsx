import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RoadmapImportResponse } from '@roadmap/plugin-maturity-common';
import { Route, Routes } from 'react-router-dom';
import { testCampaign } from '../../__testUtils__/campaignFixtures';
import { mockMaturityApi } from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { RoadmapImportPage } from './RoadmapImportPage';

const ROADMAP = `# Next Steps & Roadmap

### 1. CI/CD Pipelines
- Build Docker images
- Run unit tests
**Time Estimate**: 2-3 days

### 2. Monitoring
- Prometheus exporters for each service
- Kafka consumer lag
`;

const proposal: RoadmapImportResponse = {
  proposal: {
    title: 'Next Steps & Roadmap',
    phases: [
      {
        title: 'CI/CD Pipelines',
        dueDate: '2027-01-15',
        target: { checks: ['ci.container-build', 'ci.tests'] },
        items: [
          {
            line: 4,
            text: 'Build Docker images',
            checks: ['ci.container-build'],
          },
          { line: 5, text: 'Run unit tests', checks: ['ci.tests'] },
        ],
      },
      {
        title: 'Monitoring',
        dueDate: '2027-02-15',
        target: { checks: ['obs.metrics'] },
        items: [
          {
            line: 9,
            text: 'Prometheus exporters for each service',
            checks: ['obs.metrics'],
          },
        ],
      },
    ],
  },
  unmapped: [
    {
      line: 10,
      text: 'Kafka consumer lag',
      checks: [],
      reason: 'no check observes a dashboard panel for consumer lag',
    },
  ],
  ignored: [
    {
      line: 6,
      text: 'Time Estimate: 2-3 days',
      checks: [],
      reason: 'an estimate',
    },
  ],
};

describe('RoadmapImportPage', () => {
  it('uploads a roadmap, shows what became of every item, and creates the reviewed campaign', async () => {
    const api = mockMaturityApi({
      getFacets: jest.fn(async () => ({
        owners: [],
        systems: [],
        kinds: ['Component'],
        types: [],
        lifecycles: ['production'],
        levels: [],
      })),
      importRoadmap: jest.fn(async () => proposal),
      createCampaign: jest.fn(async input => ({
        ...testCampaign(),
        ...input,
        id: 'c7',
      })),
    });
    renderWithMaturityApi(
      <Routes>
        <Route
          path="/maturity/campaigns/import"
          element={<RoadmapImportPage />}
        />
        <Route
          path="/maturity/campaigns/:id"
          element={<p>Campaign detail</p>}
        />
      </Routes>,
      { api, app: { initialRouteEntries: ['/maturity/campaigns/import'] } },
    );
    const user = userEvent.setup();
    await user.upload(
      await screen.findByLabelText('Upload a Markdown file'),
      new File([ROADMAP], 'roadmap.md', { type: 'text/markdown' }),
    );
    expect(await screen.findByText('From roadmap.md')).toBeInTheDocument();
    const starts = screen.getByLabelText('Starts on');
    await user.clear(starts);
    await user.type(starts, '2026-12-07');
    await user.click(
      screen.getByRole('button', { name: 'Propose a campaign' }),
    );

    expect(api.importRoadmap).toHaveBeenCalledWith({
      markdown: ROADMAP,
      startsOn: '2026-12-07',
    });
    const first = await screen.findByRole('table', {
      name: 'Items of phase 1',
    });
    expect(within(first).getByText('Build Docker images')).toBeInTheDocument();
    expect(
      within(first).getByText('Container image built in CI'),
    ).toBeInTheDocument();
    const unmapped = screen.getByRole('table', { name: 'Items not mapped' });
    expect(
      within(unmapped).getByText(
        'no check observes a dashboard panel for consumer lag',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Lines that are no action (1)'),
    ).toBeInTheDocument();

    // the proposal fills the form; the author picks the team and creates it
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue(
      'Next Steps & Roadmap',
    );
    expect(
      within(screen.getByRole('group', { name: 'Phase 2' })).getByRole(
        'textbox',
        {
          name: 'Phase title',
        },
      ),
    ).toHaveValue('Monitoring');
    await user.click(
      screen.getByRole('combobox', { name: /^Owner \(the team/ }),
    );
    await user.click(await screen.findByRole('option', { name: 'Platform' }));
    await user.click(screen.getByRole('button', { name: 'Create campaign' }));

    expect(await screen.findByText('Campaign detail')).toBeInTheDocument();
    const input = api.createCampaign.mock.calls[0][0];
    expect(input).toMatchObject({
      title: 'Next Steps & Roadmap',
      owner: 'group:default/platform',
      startsOn: '2026-12-07',
      phases: [
        {
          title: 'CI/CD Pipelines',
          dueDate: '2027-01-15',
          target: { checks: ['ci.container-build', 'ci.tests'] },
        },
        {
          title: 'Monitoring',
          dueDate: '2027-02-15',
          target: { checks: ['obs.metrics'] },
        },
      ],
    });
    expect(input.phases[0]).not.toHaveProperty('items');
  });
});
