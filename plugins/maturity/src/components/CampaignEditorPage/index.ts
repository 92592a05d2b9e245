export { CampaignEditorPage } from './CampaignEditorPage';
