import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Add from '@material-ui/icons/Add';
import Description from '@material-ui/icons/Description';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import {
  maturityCampaignCreatePermission,
  maturityExemptionApprovePermission,
} from '@roadmap/plugin-maturity-common';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { todayIso } from '../../campaigns/formatDay';
import { useCampaignPaths } from '../../hooks/useCampaignPaths';
import { MaturityNav } from '../MaturityNav';
import { CampaignsTable } from './CampaignsTable';

const ORDER = ['active', 'scheduled', 'draft', 'completed', 'archived'];

/**
 * The campaigns under `/maturity/campaigns`: each with its state, progress,
 * current phase and forecast; "New campaign" and "Import roadmap" for those
 * who may create campaigns; a pointer to the requests waiting for
 * approvers.
 *
 * @public
 */
export function CampaignsPage() {
  const api = useApi(maturityApiRef);
  const paths = useCampaignPaths();
  const [showArchived, setShowArchived] = useState(false);
  const create = usePermission({
    permission: maturityCampaignCreatePermission,
  });
  const approve = usePermission({
    permission: maturityExemptionApprovePermission,
  });
  const campaigns = useAsync(() => api.listCampaigns(), [api]);
  const pending = useAsync(
    async () =>
      approve.allowed
        ? api.listExemptionRequests({ status: 'requested' })
        : undefined,
    [api, approve.allowed],
  );

  const today = todayIso();
  const all = [...(campaigns.value?.items ?? [])].sort(
    (a, b) =>
      ORDER.indexOf(a.state) - ORDER.indexOf(b.state) ||
      a.title.localeCompare(b.title),
  );
  const archived = all.filter(c => c.state === 'archived').length;
  const shown = showArchived ? all : all.filter(c => c.state !== 'archived');

  const actions = create.allowed && (
    <Box sx={{ display: 'flex', gap: 1 }}>
      <Button
        component={RouterLink}
        to={`${paths.list}/new`}
        variant="contained"
        startIcon={<Add />}
      >
        New campaign
      </Button>
      <Button
        component={RouterLink}
        to={`${paths.list}/import`}
        variant="outlined"
        startIcon={<Description />}
      >
        Import roadmap
      </Button>
    </Box>
  );

  return (
    <Content>
      <Typography variant="h4" component="h1" gutterBottom>
        Campaigns
      </Typography>
      <MaturityNav current="campaigns" />
      <Typography paragraph>
        A campaign asks every service in its scope to reach a target by a date —
        a level, or a set of checks — in ordered phases: who is on track, who is
        at risk, and what is left.
      </Typography>
      {pending.value && pending.value.length > 0 && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {pending.value.length} exemption request
          {pending.value.length === 1 ? ' waits' : 's wait'} for a decision:{' '}
          <Link component={RouterLink} to={paths.exemptions}>
            review them
          </Link>
          .
        </Alert>
      )}
      {campaigns.error && <ResponseErrorPanel error={campaigns.error} />}
      {campaigns.loading && <Progress />}
      {campaigns.value && (
        <InfoCard
          title="Campaigns"
          subheader={`${shown.length} of ${all.length} campaigns`}
          action={actions || undefined}
        >
          {all.length === 0 ? (
            <Box>
              <Typography paragraph>
                No campaign yet.{' '}
                {create.allowed
                  ? 'Create one with a target and due dates, or import a roadmap document (Markdown) and review the phases proposed from it.'
                  : 'People allowed to create campaigns (maturity.campaign.create) can start one here.'}{' '}
                Teams that keep campaigns as code declare them in app-config
                under <code>maturity.campaigns</code>.
              </Typography>
            </Box>
          ) : (
            <>
              {archived > 0 && (
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={showArchived}
                      onChange={e => setShowArchived(e.target.checked)}
                    />
                  }
                  label={`Show archived (${archived})`}
                />
              )}
              <CampaignsTable
                items={shown}
                today={today}
                campaignPath={paths.campaign}
              />
            </>
          )}
        </InfoCard>
      )}
    </Content>
  );
}
