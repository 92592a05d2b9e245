export { TeamCampaigns } from './TeamCampaigns';
