/**
 * Roadmap Maturity frontend plugin.
 *
 * @packageDocumentation
 */
export { maturityPlugin as default } from './plugin';
export { maturityApiRef, type MaturityApi } from './api/MaturityApi';
export { MaturityClient } from './api/MaturityClient';
export { MaturityPage } from './components/MaturityPage';
export { RubricOverview } from './components/RubricOverview';
