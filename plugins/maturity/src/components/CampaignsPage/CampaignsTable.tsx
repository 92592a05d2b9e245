import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { CampaignListResponse } from '@roadmap/plugin-maturity-common';
import { Link as RouterLink } from 'react-router-dom';
import {
  currentPhaseIndex,
  lastPhaseMet,
} from '../../campaigns/currentPhaseIndex';
import { dueIn, formatDay } from '../../campaigns/formatDay';
import { AtRiskChip, CampaignStateChip } from '../CampaignStateChip';
import { dataTableSx } from '../dataTableSx';

type Item = CampaignListResponse['items'][number];

/**
 * The campaigns with their state, the share of services that meet the last
 * phase, the current phase's due date and whether the forecast says it is
 * at risk.
 */
export function CampaignsTable(props: {
  items: Item[];
  today: string;
  campaignPath: (id: string) => string;
}) {
  return (
    <TableContainer>
      <Table size="small" aria-label="Campaigns" sx={dataTableSx}>
        <TableHead>
          <TableRow>
            <TableCell>Campaign</TableCell>
            <TableCell>State</TableCell>
            <TableCell sx={{ minWidth: 200 }}>Progress</TableCell>
            <TableCell>Current phase</TableCell>
            <TableCell>Forecast</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.items.map(item => {
            const done = lastPhaseMet(item.overall);
            const total = item.overall.total;
            const percent = total ? Math.round((done / total) * 100) : 0;
            const current = currentPhaseIndex(item.overall);
            const phase = current === null ? undefined : item.phases[current];
            const progressLabel = `${done} of ${total} services meet the last phase`;
            return (
              <TableRow key={item.id}>
                <TableCell>
                  <Link component={RouterLink} to={props.campaignPath(item.id)}>
                    {item.title}
                  </Link>
                  {item.source === 'config' && (
                    <Chip
                      size="small"
                      variant="outlined"
                      label="as code"
                      title="Declared in app-config (maturity.campaigns): read-only here"
                      sx={{ ml: 1 }}
                    />
                  )}
                </TableCell>
                <TableCell>
                  <CampaignStateChip state={item.state} />
                </TableCell>
                <TableCell>
                  <Typography variant="body2">
                    {progressLabel} ({percent}%)
                  </Typography>
                  <LinearProgress
                    variant="determinate"
                    value={percent}
                    aria-label={`${item.title}: ${progressLabel}`}
                  />
                </TableCell>
                <TableCell>
                  {phase ? (
                    <>
                      <Typography variant="body2">
                        {current! + 1}. {phase.title}
                      </Typography>
                      <Typography variant="caption" color="text.secondary">
                        {/* keeps "31 Mar 2027" on one line */}
                        due{' '}
                        <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                          {formatDay(phase.dueDate)}
                        </Box>{' '}
                        ({dueIn(phase.dueDate, props.today)})
                      </Typography>
                    </>
                  ) : (
                    <Typography variant="body2">
                      {total === 0 ? 'No service in scope' : 'Every phase met'}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  {item.atRisk ? (
                    <AtRiskChip />
                  ) : (
                    <Typography variant="body2">
                      {item.state === 'active' ? 'On track' : '—'}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
