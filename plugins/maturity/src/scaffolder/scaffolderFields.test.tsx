import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultRubric } from '@roadmap/plugin-maturity-common';
import { maturityApiRef } from '../api/MaturityApi';
import {
  evaluatedScore,
  mockMaturityApi,
} from '../__testUtils__/mockMaturityApi';
import { MaturityCheckPicker } from './MaturityCheckPicker';
import { MaturityGapsReview } from './MaturityGapsReview';
import {
  remediationPlanApiRef,
  type RemediationPlanApi,
} from './RemediationPlanApi';

/** The props the scaffolder's form gives a field, with the values of the earlier steps. */
function fieldProps(
  formData: unknown,
  earlier: Record<string, unknown>,
  onChange = jest.fn(),
) {
  return {
    formData,
    onChange,
    schema: { title: 'Checks to fix' },
    uiSchema: {},
    rawErrors: [],
    required: true,
    formContext: { formData: earlier },
    idSchema: { $id: 'root' },
  } as any;
}

describe('MaturityCheckPicker', () => {
  it('offers the service’s failing fixable checks by title, with Fix it’s checks ticked', async () => {
    const api = mockMaturityApi({
      getScore: jest.fn(async () =>
        evaluatedScore(['ci.pipeline', 'ci.tests']),
      ),
      getRubric: jest.fn(async () => defaultRubric),
    });
    const onChange = jest.fn();
    renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, api]]}>
        <MaturityCheckPicker
          {...fieldProps(
            ['obs.alerts'],
            { entityRef: 'component:default/payments-api' },
            onChange,
          )}
        />
      </TestApiProvider>,
    );
    const alerts = await screen.findByRole('checkbox', {
      name: /Alerting rules as code/,
    });
    expect(alerts).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: /Dashboards as code/ }),
    ).not.toBeChecked();
    // Passing checks and checks no generator fixes are not offered.
    expect(
      screen.queryByRole('checkbox', { name: /CI pipeline/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('checkbox', { name: /Progressive delivery/ }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('checkbox', { name: /Dashboards as code/ }),
    );
    expect(onChange).toHaveBeenLastCalledWith(['obs.alerts', 'obs.dashboards']);
    expect(api.getScore).toHaveBeenCalledWith('component:default/payments-api');
  });

  it('asks for the service first', async () => {
    renderInTestApp(
      <TestApiProvider apis={[[maturityApiRef, mockMaturityApi()]]}>
        <MaturityCheckPicker {...fieldProps(undefined, {})} />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Choose the service first.'),
    ).toBeInTheDocument();
  });
});

describe('MaturityGapsReview', () => {
  it('shows the files and diffs the pull request will contain, and the skipped checks with reasons', async () => {
    const plan: RemediationPlanApi = {
      plan: jest.fn(async () => ({
        checks: [{ id: 'rel.replicas', title: 'More than one replica' }],
        skipped: [
          {
            id: 'rel.pdb',
            reason:
              'cannot tell which workload is payments-api: Deployment a, Deployment b',
          },
        ],
        files: [
          {
            path: 'k8s/deployment.yaml',
            action: 'update' as const,
            content: 'spec:\n  replicas: 2\n',
            diff: '--- a/k8s/deployment.yaml\n+++ b/k8s/deployment.yaml\n@@ -1 +1,2 @@\n spec:\n+  replicas: 2\n',
            description: 'Runs two replicas.',
          },
        ],
        pullRequest: { title: 'Maturity: More than one replica', body: '' },
        unvalidated: [],
      })),
    };
    const onChange = jest.fn();
    renderInTestApp(
      <TestApiProvider apis={[[remediationPlanApiRef, plan]]}>
        <MaturityGapsReview
          {...fieldProps(
            undefined,
            {
              entityRef: 'component:default/payments-api',
              checks: ['rel.replicas', 'rel.pdb'],
            },
            onChange,
          )}
        />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Maturity: More than one replica'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Updates k8s/deployment.yaml' }),
    );
    expect(screen.getByText(/^--- a\/k8s\/deployment.yaml/)).toHaveTextContent(
      /\+ replicas: 2/,
    );
    expect(
      screen.getByRole('list', { name: 'Checks not fixed' }),
    ).toHaveTextContent('cannot tell which workload is payments-api');
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith('Maturity: More than one replica'),
    );
    expect(plan.plan).toHaveBeenCalledWith({
      entityRef: 'component:default/payments-api',
      checks: ['rel.replicas', 'rel.pdb'],
    });
  });

  it('cannot be passed when the plan changes nothing', async () => {
    const onChange = jest.fn();
    renderInTestApp(
      <TestApiProvider
        apis={[
          [
            remediationPlanApiRef,
            {
              plan: async () => ({
                checks: [],
                skipped: [],
                files: [],
                pullRequest: { title: 'Maturity: nothing to change', body: '' },
                unvalidated: [],
              }),
            },
          ],
        ]}
      >
        <MaturityGapsReview
          {...fieldProps(
            undefined,
            { entityRef: 'component:default/x', checks: [] },
            onChange,
          )}
        />
      </TestApiProvider>,
    );
    expect(await screen.findByText(/Nothing to change/)).toBeInTheDocument();
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });
});
