export { ScoreFilters } from './ScoreFilters';
