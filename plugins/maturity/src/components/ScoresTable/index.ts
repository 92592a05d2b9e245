export { ScoresTable, entityPath } from './ScoresTable';
