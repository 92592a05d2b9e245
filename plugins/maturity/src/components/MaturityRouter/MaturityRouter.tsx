import { Route, Routes } from 'react-router-dom';
import { CampaignDetailPage } from '../CampaignDetailPage';
import { CampaignEditorPage } from '../CampaignEditorPage';
import { CampaignsPage } from '../CampaignsPage';
import { ExemptionRequestsPage } from '../ExemptionRequestsPage';
import { MaturityPage } from '../MaturityPage';
import { RoadmapImportPage } from '../RoadmapImportPage';
import { TeamMaturityPage } from '../TeamMaturityPage';

/**
 * The plugin's page: the overview; one team's view at
 * `team/:namespace/:name`; the campaigns (list, new, import, detail, edit);
 * the exemption requests approvers decide.
 *
 * @public
 */
export function MaturityRouter() {
  return (
    <Routes>
      <Route path="/" element={<MaturityPage />} />
      <Route path="/team/:namespace/:name" element={<TeamMaturityPage />} />
      <Route path="/campaigns" element={<CampaignsPage />} />
      <Route path="/campaigns/new" element={<CampaignEditorPage />} />
      <Route path="/campaigns/import" element={<RoadmapImportPage />} />
      <Route path="/campaigns/:id" element={<CampaignDetailPage />} />
      <Route path="/campaigns/:id/edit" element={<CampaignEditorPage />} />
      <Route path="/exemptions" element={<ExemptionRequestsPage />} />
    </Routes>
  );
}
