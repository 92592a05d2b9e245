export { RollupMaturityCard } from './RollupMaturityCard';
