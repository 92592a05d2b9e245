import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Edit from '@material-ui/icons/Edit';
import GetApp from '@material-ui/icons/GetApp';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import {
  type CampaignScope,
  maturityCampaignUpdatePermission,
} from '@roadmap/plugin-maturity-common';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../../api/MaturityApi';
import { campaignProgressToMarkdown } from '../../campaigns/campaignProgressToMarkdown';
import { formatDay, todayIso } from '../../campaigns/formatDay';
import { campaignProgressToCsv } from '../../csv/campaignProgressToCsv';
import { downloadText } from '../../download/downloadText';
import { useCampaignPaths } from '../../hooks/useCampaignPaths';
import { useRubric } from '../../hooks/useRubric';
import { AtRiskChip, CampaignStateChip } from '../CampaignStateChip';
import { MaturityNav } from '../MaturityNav';
import { ArchiveCampaignButton } from './ArchiveCampaignButton';
import { CampaignBurnUpChart } from './CampaignBurnUpChart';
import { CampaignServicesTable } from './CampaignServicesTable';
import { CampaignTeamsTable } from './CampaignTeamsTable';
import { PhaseForecasts } from './PhaseForecasts';
import { ScopeChanges } from './ScopeChanges';

const BURN_UP_DAYS = 90;

function scopeText(scope: CampaignScope): string {
  const short = (v: string) => v.replace(/^[a-z]+:default\//, '');
  const parts = [
    scope.kinds?.length && `kind ${scope.kinds.join(' or ')}`,
    scope.types?.length && `type ${scope.types.join(' or ')}`,
    scope.lifecycles?.length && `lifecycle ${scope.lifecycles.join(' or ')}`,
    scope.owners?.length && `owned by ${scope.owners.map(short).join(' or ')}`,
    scope.systems?.length && `in ${scope.systems.map(short).join(' or ')}`,
    scope.tags?.length && `tagged ${scope.tags.join(' or ')}`,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'everything';
}

/**
 * One campaign (`campaigns/:id`): its phases with progress and forecast,
 * the burn-up, per team and per service what is met and what is left (with
 * Fix it), the scope's changes; edit, archive, and CSV or Markdown for the
 * roadmap review.
 *
 * @public
 */
export function CampaignDetailPage() {
  const { id = '' } = useParams();
  const api = useApi(maturityApiRef);
  const paths = useCampaignPaths();
  const rubric = useRubric();
  const update = usePermission({
    permission: maturityCampaignUpdatePermission,
  });
  const progress = useAsyncRetry(() => api.getCampaignProgress(id), [api, id]);
  const burnUp = useAsync(
    () => api.getCampaignBurnUp(id, BURN_UP_DAYS),
    [api, id],
  );
  const [openOnly, setOpenOnly] = useState(false);
  const today = todayIso();

  if (rubric.loading || progress.loading) return <Progress />;
  const error = rubric.error ?? progress.error;
  if (error) {
    return (
      <Content>
        <MaturityNav current="campaigns" />
        <ResponseErrorPanel error={error} />
      </Content>
    );
  }
  const value = progress.value!;
  const { campaign, overall } = value;
  const editable =
    update.allowed &&
    campaign.source === 'database' &&
    campaign.state !== 'archived';
  const atRisk =
    campaign.state === 'active' &&
    value.forecasts.some((f, i) => f.atRisk && overall.met[i] < overall.total);
  const services = openOnly
    ? value.services.filter(s => s.phases.some(p => !p.met))
    : value.services;
  const slug = campaign.id.replace(/[^a-z0-9-]+/gi, '-');

  return (
    <Content>
      <Typography variant="h4" component="h1" gutterBottom>
        {campaign.title}
      </Typography>
      <MaturityNav current="campaigns" />
      <Box
        sx={{
          display: 'flex',
          gap: 1,
          alignItems: 'center',
          flexWrap: 'wrap',
          mb: 1,
        }}
      >
        <CampaignStateChip state={campaign.state} />
        {atRisk && <AtRiskChip />}
        {campaign.source === 'config' && (
          <Chip size="small" variant="outlined" label="as code (read-only)" />
        )}
        <Typography variant="body2">
          Run by <EntityRefLink entityRef={campaign.owner} /> · starts{' '}
          {formatDay(campaign.startsOn)} · scope: {scopeText(campaign.scope)} ·{' '}
          {overall.total} services
        </Typography>
      </Box>
      {campaign.description && (
        <Typography paragraph>{campaign.description}</Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        {editable && (
          <Button
            component={RouterLink}
            to={`${paths.campaign(campaign.id)}/edit`}
            startIcon={<Edit />}
            variant="outlined"
          >
            Edit
          </Button>
        )}
        {editable && (
          <ArchiveCampaignButton
            campaign={campaign}
            onArchived={progress.retry}
          />
        )}
        <Button
          startIcon={<GetApp />}
          onClick={() =>
            downloadText(
              `${slug}-progress.csv`,
              campaignProgressToCsv(value),
              'text/csv;charset=utf-8',
            )
          }
        >
          Export CSV
        </Button>
        <Button
          startIcon={<GetApp />}
          onClick={() =>
            downloadText(
              `${slug}-review.md`,
              campaignProgressToMarkdown(value, {
                rubric: rubric.value!,
                today,
              }),
              'text/markdown;charset=utf-8',
            )
          }
        >
          Export Markdown
        </Button>
      </Box>
      <Grid container spacing={3}>
        <Grid item xs={12} lg={6}>
          <InfoCard title="Phases and forecast">
            <PhaseForecasts
              progress={value}
              rubric={rubric.value!}
              today={today}
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12} lg={6}>
          <InfoCard
            title="Burn-up"
            subheader={`Services meeting each phase, last ${BURN_UP_DAYS} days`}
          >
            {burnUp.loading && <Progress />}
            {burnUp.error && <ResponseErrorPanel error={burnUp.error} />}
            {burnUp.value && (
              <CampaignBurnUpChart
                burnUp={burnUp.value}
                phases={campaign.phases}
              />
            )}
          </InfoCard>
        </Grid>
        {overall.total === 0 ? (
          <Grid item xs={12}>
            <InfoCard title="Services">
              <Typography>
                No scored service matches the scope yet. Check the scope
                {editable ? ' (Edit)' : ''} — every list given must match — or
                wait until the backend has scored the catalog.
              </Typography>
            </InfoCard>
          </Grid>
        ) : (
          <>
            <Grid item xs={12}>
              <InfoCard title="Teams">
                <CampaignTeamsTable progress={value} />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard
                title="Services"
                action={
                  <FormControlLabel
                    control={
                      <Switch
                        checked={openOnly}
                        onChange={e => setOpenOnly(e.target.checked)}
                      />
                    }
                    label="Only those with checks left"
                  />
                }
              >
                <CampaignServicesTable
                  progress={value}
                  rubric={rubric.value!}
                  services={services}
                />
              </InfoCard>
            </Grid>
          </>
        )}
        <Grid item xs={12}>
          <InfoCard title="Scope changes">
            <ScopeChanges progress={value} />
          </InfoCard>
        </Grid>
      </Grid>
    </Content>
  );
}
