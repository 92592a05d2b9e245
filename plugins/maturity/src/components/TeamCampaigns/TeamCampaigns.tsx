import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { currentPhaseIndex } from '../../campaigns/currentPhaseIndex';
import { dueIn, formatDay, todayIso } from '../../campaigns/formatDay';
import { useCampaignPaths } from '../../hooks/useCampaignPaths';
import { AtRiskChip, CampaignStateChip } from '../CampaignStateChip';
import { dataTableSx } from '../dataTableSx';

const RUNNING = ['active', 'scheduled'];

/**
 * The running campaigns a team has services in, with the team's own tally:
 * its next phase, how many of its services meet it, when it is due — for
 * the team's roadmap review.
 *
 * @public
 */
export function TeamCampaigns(props: { groupRef: string }) {
  const api = useApi(maturityApiRef);
  const paths = useCampaignPaths();
  const group = props.groupRef.toLocaleLowerCase('en-US');
  const rows = useAsync(async () => {
    const { items } = await api.listCampaigns();
    const running = items.filter(c => RUNNING.includes(c.state));
    const progress = await Promise.all(
      running.map(c => api.getCampaignProgress(c.id)),
    );
    return progress.flatMap((p, i) => {
      const team = p.teams.find(
        t => t.owner.toLocaleLowerCase('en-US') === group,
      );
      return team ? [{ item: running[i], team }] : [];
    });
  }, [api, group]);

  if (rows.loading) return <Progress />;
  if (rows.error) return <ResponseErrorPanel error={rows.error} />;
  if (!rows.value?.length) {
    return (
      <Typography>
        No running campaign has services of this team in its scope. Campaigns
        are listed under{' '}
        <Link component={RouterLink} to={paths.list}>
          Campaigns
        </Link>
        .
      </Typography>
    );
  }
  const today = todayIso();
  return (
    <Table size="small" aria-label="Campaigns of the team" sx={dataTableSx}>
      <TableHead>
        <TableRow>
          <TableCell>Campaign</TableCell>
          <TableCell>State</TableCell>
          <TableCell>The team&apos;s next phase</TableCell>
          <TableCell align="right">Services meeting it</TableCell>
          <TableCell>Campaign forecast</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.value.map(({ item, team }) => {
          const i = currentPhaseIndex(team);
          const phase = i === null ? undefined : item.phases[i];
          return (
            <TableRow key={item.id}>
              <TableCell>
                <Link component={RouterLink} to={paths.campaign(item.id)}>
                  {item.title}
                </Link>
              </TableCell>
              <TableCell>
                <CampaignStateChip state={item.state} />
              </TableCell>
              <TableCell>
                {phase
                  ? `${i! + 1}. ${phase.title}, due ${formatDay(
                      phase.dueDate,
                    )} (${dueIn(phase.dueDate, today)})`
                  : 'Every phase met'}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {i === null
                  ? `${team.total} of ${team.total}`
                  : `${team.met[i]} of ${team.total}`}
              </TableCell>
              <TableCell>{item.atRisk ? <AtRiskChip /> : 'On track'}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
