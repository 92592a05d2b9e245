/**
 * Roadmap Maturity frontend plugin. This entry point serves apps on the
 * legacy frontend system; the new system's plugin is the default export of
 * `@roadmap/plugin-maturity/alpha`.
 *
 * @packageDocumentation
 */
export {
  maturityPlugin,
  MaturityPage,
  EntityMaturityCard,
  EntityMaturityContent,
  GroupMaturityCard,
  RollupMaturityCard,
} from './plugin';
export { maturityApiRef, type MaturityApi } from './api/MaturityApi';
export { MaturityClient } from './api/MaturityClient';
export { RubricOverview } from './components/RubricOverview';
export { isMaturityAvailable } from './isMaturityAvailable';
export { isRollupMaturityAvailable } from './isRollupMaturityAvailable';
export {
  MaturityCheckPickerFieldExtension,
  MaturityGapsReviewFieldExtension,
} from './scaffolder/legacyFieldExtensions';
export {
  remediationPlanApiRef,
  RemediationPlanClient,
  type RemediationPlanApi,
  type RemediationPlanPreview,
} from './scaffolder/RemediationPlanApi';
