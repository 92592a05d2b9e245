export { TeamMaturityPage } from './TeamMaturityPage';
