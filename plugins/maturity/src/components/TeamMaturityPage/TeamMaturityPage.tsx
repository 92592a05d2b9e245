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
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { downloadText } from '../../download/downloadText';
import { LevelBadge } from '../LevelBadge';
import { LevelDistribution } from '../LevelDistribution';
import { ScoreCell } from '../ScoreCell';

const DAY = 86_400_000;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function signed(n: number): string {
  if (n > 0) return `+${n}`;
  return n === 0 ? '±0' : String(n);
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

  const data = useAsync(
    () => Promise.all([api.getGroupRollup(groupRef), api.getRubric()]),
    [api, groupRef],
  );
  const movers = useAsync(
    () => api.getMovers({ owner: [groupRef] }, days, { limit: 500 }),
    [api, groupRef, days],
  );

  if (data.loading) return <Progress />;
  if (data.error) return <ResponseErrorPanel error={data.error} />;
  const [rollup, rubric] = data.value!;
  const deltas = new Map(
    (movers.value?.items ?? []).map(m => [m.entityRef, m] as const),
  );
  const levelTitle = (id: string | null) =>
    rubric.levels.find(l => l.id === id)?.title;

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
        {rollup.group.title ?? name}: roadmap maturity
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
            subheader={`${rollup.summary.count} services, average score ${
              rollup.summary.averageScore ?? '—'
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
            {rollup.services.length === 0 ? (
              <Typography>
                No scored service is owned by this team yet.
              </Typography>
            ) : (
              <>
                <LevelDistribution
                  counts={rollup.summary.levels}
                  levels={rubric.levels}
                />
                <Table size="small" aria-label="Services of the team">
                  <TableHead>
                    <TableRow>
                      <TableCell>Service</TableCell>
                      <TableCell>Level</TableCell>
                      <TableCell align="right">Score</TableCell>
                      <TableCell align="right">Since {since}</TableCell>
                      {rubric.pillars.map(p => (
                        <TableCell key={p.id} align="center">
                          {p.title}
                        </TableCell>
                      ))}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {rollup.services.map(s => {
                      const moved = deltas.get(s.entityRef);
                      return (
                        <TableRow key={s.entityRef}>
                          <TableCell sx={{ whiteSpace: 'nowrap' }}>
                            <EntityRefLink
                              entityRef={s.entityRef}
                              title={s.title}
                            />
                          </TableCell>
                          <TableCell>
                            <LevelBadge
                              level={s.level}
                              title={levelTitle(s.level)}
                            />
                          </TableCell>
                          <TableCell align="right">
                            {Math.round(s.score)}
                          </TableCell>
                          <TableCell
                            align="right"
                            sx={{ whiteSpace: 'nowrap' }}
                          >
                            {moved
                              ? `${signed(Math.round(moved.delta))} (${
                                  levelTitle(moved.from.level) ?? 'none'
                                } → ${levelTitle(moved.to.level) ?? 'none'})`
                              : '±0'}
                          </TableCell>
                          {rubric.pillars.map(p => (
                            <TableCell key={p.id} align="center">
                              <ScoreCell
                                score={s.pillars[p.id]}
                                label={`${s.name} ${p.title}`}
                              />
                            </TableCell>
                          ))}
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </>
            )}
          </InfoCard>
        </Grid>
      </Grid>
    </Content>
  );
}
