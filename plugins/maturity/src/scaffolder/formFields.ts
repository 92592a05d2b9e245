import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  MaturityCheckPicker,
  validateCheckSelection,
} from './MaturityCheckPicker';
import { MaturityGapsReview, validateReview } from './MaturityGapsReview';

/** The check picker, for the new frontend system's scaffolder. */
export const checkPickerFormField = createFormField({
  name: 'MaturityCheckPicker',
  component: MaturityCheckPicker as any,
  validation: validateCheckSelection,
});

/** The review step, for the new frontend system's scaffolder. */
export const gapsReviewFormField = createFormField({
  name: 'MaturityGapsReview',
  component: MaturityGapsReview as any,
  validation: validateReview,
});
