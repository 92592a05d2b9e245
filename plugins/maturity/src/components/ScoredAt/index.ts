export { ScoredAt, timeAgo } from './ScoredAt';
