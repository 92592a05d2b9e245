export { campaignStripText, EntityCampaignStrip } from './EntityCampaignStrip';
