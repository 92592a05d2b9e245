import {
  Content,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import GetApp from '@material-ui/icons/GetApp';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { downloadText } from '../../download/downloadText';
import { useRubric } from '../../hooks/useRubric';
import { LevelDistribution } from '../LevelDistribution';
import { TeamCampaigns } from '../TeamCampaigns';
import { TeamServicesTable } from '../TeamServicesTable';

const DAY = 86_400_000;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * One team's roadmap view: its services, their levels and pillar scores,
 * the progress since a date, and the team's Markdown roadmap report — what
 * a team lead brings to a roadmap review.
 *
 * @public
 */
export function TeamMaturityPage() {
  const { namespace = 'default', name = '' } = useParams();
  const groupRef = `group:${namespace}/${name}`;
  const api = useApi(maturityApiRef);
  const [since, setSince] = useState(isoDay(new Date(Date.now() - 90 * DAY)));
  const [exportError, setExportError] = useState<Error>();
  const sinceDate = new Date(`${since}T00:00:00Z`);
  const days = Math.min(
    730,
    Math.max(1, Math.ceil((Date.now() - sinceDate.getTime()) / DAY)),
  );

  const rubric = useRubric();
  const rollup = useAsync(() => api.getGroupRollup(groupRef), [api, groupRef]);
  const movers = useAsync(
    () => api.getMovers({ owner: [groupRef] }, days, { limit: 500 }),
    [api, groupRef, days],
  );

  if (rubric.loading || rollup.loading) return <Progress />;
  const error = rubric.error ?? rollup.error;
  if (error) return <ResponseErrorPanel error={error} />;
  const { group, services, summary } = rollup.value!;
  const { levels, pillars } = rubric.value!;

  const exportReport = async () => {
    setExportError(undefined);
    try {
      downloadText(
        `${name}-roadmap.md`,
        await api.getGroupReport(groupRef, { since: sinceDate }),
        'text/markdown;charset=utf-8',
      );
    } catch (e) {
      setExportError(e as Error);
    }
  };

  return (
    <Content>
      <Typography variant="h4" component="h1" gutterBottom>
        {group.title ?? name}: roadmap maturity
      </Typography>
      <Typography paragraph>
        <Link to={`../..?owner=${encodeURIComponent(groupRef)}`}>
          Open in the overview
        </Link>{' '}
        · <EntityRefLink entityRef={groupRef}>Team page</EntityRefLink>
      </Typography>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard
            title="Services"
            subheader={`${summary.count} services, average score ${
              summary.averageScore ?? '—'
            }`}
            action={
              <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
                <TextField
                  type="date"
                  size="small"
                  label="Progress since"
                  value={since}
                  onChange={e => e.target.value && setSince(e.target.value)}
                  InputLabelProps={{ shrink: true }}
                />
                <Button startIcon={<GetApp />} onClick={exportReport}>
                  Export team roadmap (Markdown)
                </Button>
              </Box>
            }
          >
            {exportError && <ResponseErrorPanel error={exportError} />}
            {services.length === 0 ? (
              <Typography>
                No scored service is owned by this team yet.
              </Typography>
            ) : (
              <>
                <LevelDistribution counts={summary.levels} levels={levels} />
                <TeamServicesTable
                  services={services}
                  levels={levels}
                  pillars={pillars}
                  progress={{ since, movers: movers.value?.items ?? [] }}
                />
              </>
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title="Campaigns">
            <TeamCampaigns groupRef={groupRef} />
          </InfoCard>
        </Grid>
      </Grid>
    </Content>
  );
}
