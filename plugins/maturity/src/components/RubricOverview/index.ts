export { RubricOverview } from './RubricOverview';
