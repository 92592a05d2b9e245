export { MyTeamsMaturityCard } from './MyTeamsMaturityCard';
