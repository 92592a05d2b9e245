import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { RubricDryRunResponse } from '@roadmap/plugin-maturity-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MaturityApi } from '../../api/MaturityApi';
import {
  mockMaturityApi,
  servedRubric,
} from '../../__testUtils__/mockMaturityApi';
import { renderWithMaturityApi } from '../../__testUtils__/renderWithMaturityApi';
import { RubricOverview } from './RubricOverview';

const LEVELS = [
  { id: 'bronze', title: 'Bronze' },
  { id: 'silver', title: 'Silver' },
  { id: 'gold', title: 'Gold' },
];

function renderOverview(api: MaturityApi) {
  return renderWithMaturityApi(<RubricOverview rubric={servedRubric} />, {
    api,
    app: {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  });
}

/** Adds a change and picks its check by typing part of its title. */
async function addChange(
  user: ReturnType<typeof userEvent.setup>,
  n: number,
  checkTitle: string,
) {
  await user.click(screen.getByRole('button', { name: 'Add a change' }));
  const group = screen.getByRole('group', { name: new RegExp(`^Change ${n}`) });
  const check = within(group).getByRole('combobox', { name: 'Check' });
  await user.clear(check);
  await user.type(check, checkTitle);
  await user.click(await screen.findByRole('option', { name: checkTitle }));
  return screen.getByRole('group', { name: `Change ${n}: ${checkTitle}` });
}

describe('RubricOverview: what if', () => {
  it('dry-runs the changed checks and shows the levels before and after and the services that would move', async () => {
    const result: RubricDryRunResponse = {
      levels: LEVELS,
      evaluated: 4,
      before: { none: 1, bronze: 1, silver: 1, gold: 1 },
      after: { none: 0, bronze: 2, silver: 1, gold: 1 },
      changedCount: 1,
      changed: [
        {
          entityRef: 'component:default/legacy-billing',
          kind: 'Component',
          name: 'legacy-billing',
          title: 'Legacy billing',
          owner: 'group:default/payments',
          before: null,
          after: 'bronze',
        },
      ],
    };
    const api = mockMaturityApi({ dryRunRubric: jest.fn(async () => result) });
    renderOverview(api);
    const user = userEvent.setup();
    const run = screen.getByRole('button', { name: 'Run the what-if' });
    expect(run).toBeDisabled();

    const tests = await addChange(user, 1, 'Automated tests in CI');
    // Nothing changed yet: the run stays disabled and says why.
    expect(run).toBeDisabled();
    expect(
      screen.getByText(/Change a level, a weight or whether a check counts/),
    ).toBeInTheDocument();
    await user.click(within(tests).getByRole('combobox', { name: 'Level' }));
    await user.click(await screen.findByRole('option', { name: 'Silver' }));
    const weight = within(tests).getByRole('spinbutton', { name: 'Weight' });
    await user.clear(weight);
    await user.type(weight, '7');

    const readme = await addChange(user, 2, 'README');
    await user.click(
      within(readme).getByRole('checkbox', { name: 'Counts (enabled)' }),
    );

    await user.click(run);
    expect(api.dryRunRubric).toHaveBeenCalledWith({
      checks: [
        { id: 'ci.tests', level: 'silver', weight: 7 },
        { id: 'docs.readme', enabled: false },
      ],
    });

    expect(
      await screen.findByText('1 service of 4 would change level.'),
    ).toBeInTheDocument();
    const counts = screen.getByRole('table', {
      name: 'Services per level, now and with the changes',
    });
    const none = within(counts).getByRole('row', { name: /^No level/ });
    expect(
      within(none)
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['1', '0', '−1']);
    const bronze = within(counts).getByRole('row', { name: /^Bronze/ });
    expect(
      within(bronze)
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual(['1', '2', '+1']);

    const moved = screen.getByRole('table', {
      name: 'Services that would change level',
    });
    const rows = within(moved).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(
      within(rows[1]).getByRole('link', { name: 'Legacy billing' }),
    ).toHaveAttribute('href', '/catalog/default/component/legacy-billing');
    expect(within(rows[1]).getByText('No level yet')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Bronze')).toBeInTheDocument();

    // Editing the changes clears a result that no longer describes them.
    await user.click(screen.getByRole('button', { name: 'Remove change 2' }));
    expect(
      screen.queryByRole('table', { name: 'Services that would change level' }),
    ).not.toBeInTheDocument();
  });

  it('is usable from the keyboard and says so when no service would change level', async () => {
    const api = mockMaturityApi({
      dryRunRubric: jest.fn(async () => ({
        levels: LEVELS,
        evaluated: 12,
        before: { none: 2, bronze: 10, silver: 0, gold: 0 },
        after: { none: 2, bronze: 10, silver: 0, gold: 0 },
        changedCount: 0,
        changed: [],
      })),
    });
    renderOverview(api);
    const user = userEvent.setup();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Add a change' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const change = screen.getByRole('group', { name: /^Change 1/ });
    // Tab through the change's fields to its weight, and type a new one.
    const weight = within(change).getByRole('spinbutton', { name: 'Weight' });
    while (document.activeElement !== weight) await user.tab();
    await user.keyboard('{Control>}a{/Control}2');
    while (
      document.activeElement !==
      screen.getByRole('button', { name: 'Run the what-if' })
    ) {
      await user.tab();
    }
    await user.keyboard('{Enter}');

    expect(
      await screen.findByText(
        'No service would change level (12 services evaluated from their stored facts).',
      ),
    ).toBeInTheDocument();
    expect(api.dryRunRubric).toHaveBeenCalledWith({
      checks: [{ id: servedRubric.checks[0].id, weight: 2 }],
    });
    expect(
      screen.queryByRole('table', { name: 'Services that would change level' }),
    ).not.toBeInTheDocument();
  });

  it('shows the backend’s message naming what is wrong with the proposal', async () => {
    const message =
      'Invalid rubric overrides: body.checks[0].level: unknown level "platinum"; levels are bronze, silver, gold';
    const api = mockMaturityApi({
      dryRunRubric: jest.fn(async () => {
        throw await ResponseError.fromResponse({
          status: 400,
          statusText: 'Bad Request',
          headers: { get: () => 'application/json; charset=utf-8' },
          text: async () =>
            JSON.stringify({
              error: { name: 'InputError', message },
              response: { statusCode: 400 },
            }),
        } as unknown as Response);
      }),
    });
    renderOverview(api);
    const user = userEvent.setup();
    const change = await addChange(user, 1, 'README');
    await user.click(
      within(change).getByRole('checkbox', { name: 'Counts (enabled)' }),
    );
    await user.click(screen.getByRole('button', { name: 'Run the what-if' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `The what-if could not run: ${message}`,
    );
  });

  it('does not run a weight out of range', async () => {
    const api = mockMaturityApi();
    renderOverview(api);
    const user = userEvent.setup();
    const change = await addChange(user, 1, 'README');
    const weight = within(change).getByRole('spinbutton', { name: 'Weight' });
    await user.clear(weight);
    await user.type(weight, '11');
    expect(weight).toHaveAttribute('aria-invalid', 'true');
    expect(within(change).getByText('A number from 0 to 10')).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Run the what-if' }),
    ).toBeDisabled();
    expect(api.dryRunRubric).not.toHaveBeenCalled();
  });
});
