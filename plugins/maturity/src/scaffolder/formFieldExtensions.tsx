import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import {
  RemediationPlanClient,
  remediationPlanApiRef,
} from './RemediationPlanApi';

/** The client the review step plans with. @alpha */
export const remediationPlanApi = ApiBlueprint.make({
  name: 'remediation-plan',
  params: defineParams =>
    defineParams({
      api: remediationPlanApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new RemediationPlanClient(deps),
    }),
});

/** `ui:field: MaturityCheckPicker` in the scaffolder. @alpha */
export const maturityCheckPickerField = FormFieldBlueprint.make({
  name: 'maturity-check-picker',
  params: {
    field: () => import('./formFields').then(m => m.checkPickerFormField),
  },
});

/** `ui:field: MaturityGapsReview` in the scaffolder. @alpha */
export const maturityGapsReviewField = FormFieldBlueprint.make({
  name: 'maturity-gaps-review',
  params: {
    field: () => import('./formFields').then(m => m.gapsReviewFormField),
  },
});
