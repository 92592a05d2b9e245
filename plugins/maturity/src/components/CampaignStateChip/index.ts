export { AtRiskChip, CampaignStateChip } from './CampaignStateChip';
