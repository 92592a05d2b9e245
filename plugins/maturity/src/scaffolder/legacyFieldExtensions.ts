import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { maturityPlugin } from '../plugin';
import {
  MaturityCheckPicker,
  validateCheckSelection,
} from './MaturityCheckPicker';
import { MaturityGapsReview, validateReview } from './MaturityGapsReview';

/**
 * `ui:field: MaturityCheckPicker` for apps on the legacy frontend system:
 * put it inside `<ScaffolderFieldExtensions>`.
 *
 * @public
 */
export const MaturityCheckPickerFieldExtension = maturityPlugin.provide(
  createScaffolderFieldExtension({
    name: 'MaturityCheckPicker',
    component: MaturityCheckPicker as any,
    validation: validateCheckSelection,
  }),
);

/**
 * `ui:field: MaturityGapsReview` for apps on the legacy frontend system.
 *
 * @public
 */
export const MaturityGapsReviewFieldExtension = maturityPlugin.provide(
  createScaffolderFieldExtension({
    name: 'MaturityGapsReview',
    component: MaturityGapsReview as any,
    validation: validateReview,
  }),
);
