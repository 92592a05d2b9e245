export { CampaignDetailPage } from './CampaignDetailPage';
