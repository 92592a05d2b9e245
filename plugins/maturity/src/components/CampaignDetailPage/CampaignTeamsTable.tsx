import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { CampaignProgressResponse } from '@roadmap/plugin-maturity-common';
import { Link as RouterLink } from 'react-router-dom';
import { useTeamPath } from '../../hooks/useTeamPath';
import { dataTableSx } from '../dataTableSx';

/** Per team: its services in scope and how many meet each phase. */
export function CampaignTeamsTable(props: {
  progress: CampaignProgressResponse;
}) {
  const { campaign, teams } = props.progress;
  const teamPath = useTeamPath();
  return (
    <Table size="small" aria-label="Teams" sx={dataTableSx}>
      <TableHead>
        <TableRow>
          <TableCell>Team</TableCell>
          <TableCell align="right">Services</TableCell>
          {campaign.phases.map((p, i) => (
            <TableCell key={i} align="right">
              {i + 1}. {p.title}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {teams.map(team => (
          <TableRow key={team.owner}>
            <TableCell>
              {team.owner.startsWith('group:') ? (
                <Link component={RouterLink} to={teamPath(team.owner)}>
                  {team.owner.replace(/^group:default\//, '')}
                </Link>
              ) : (
                team.owner.replace(/^[a-z]+:default\//, '') || 'No owner'
              )}
            </TableCell>
            <TableCell align="right">{team.total}</TableCell>
            {team.met.map((met, i) => (
              <TableCell key={i} align="right" sx={{ whiteSpace: 'nowrap' }}>
                {met} of {team.total}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
