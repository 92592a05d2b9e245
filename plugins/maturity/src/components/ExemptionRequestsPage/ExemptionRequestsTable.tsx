import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ExemptionRequest } from '@roadmap/plugin-maturity-common';
import { formatDay } from '../../campaigns/formatDay';
import { dataTableSx } from '../dataTableSx';
import { visuallyHiddenSx } from '../visuallyHiddenSx';
import type { Decision } from './DecisionDialog';

const short = (ref: string) => ref.replace(/^[a-z]+:default\//, '');

/**
 * Exemption requests with who asked, why and until when; who decided and
 * their comment; and the decisions the viewer may take on each.
 */
export function ExemptionRequestsTable(props: {
  label: string;
  requests: ExemptionRequest[];
  checkTitle: (checkId: string) => string;
  /** The decisions offered per row; none for those who may not decide. */
  decisions: Decision[];
  onDecide: (request: ExemptionRequest, decision: Decision) => void;
}) {
  const words: Record<Decision, string> = {
    approve: 'Approve',
    deny: 'Deny',
    revoke: 'Revoke',
  };
  return (
    <TableContainer>
      <Table size="small" aria-label={props.label} sx={dataTableSx}>
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            <TableCell>Check</TableCell>
            <TableCell>Reason</TableCell>
            <TableCell>Until</TableCell>
            <TableCell>Requested</TableCell>
            <TableCell>Decision</TableCell>
            {props.decisions.length > 0 && (
              <TableCell>
                <Box component="span" sx={visuallyHiddenSx}>
                  Actions
                </Box>
              </TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.requests.map(r => {
            const title = props.checkTitle(r.checkId);
            return (
              <TableRow key={r.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <EntityRefLink entityRef={r.entityRef} />
                </TableCell>
                <TableCell>{title}</TableCell>
                <TableCell>{r.reason}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatDay(r.expires)}
                </TableCell>
                <TableCell>
                  <Typography
                    variant="body2"
                    component="span"
                    sx={{ whiteSpace: 'nowrap' }}
                  >
                    {short(r.requestedBy)}, {formatDay(r.requestedAt)}
                  </Typography>
                </TableCell>
                <TableCell>
                  {r.status === 'requested' ? (
                    'Waiting'
                  ) : (
                    <Typography variant="body2" component="span">
                      {r.status[0].toUpperCase()}
                      {r.status.slice(1)}
                      {r.decidedBy ? ` by ${short(r.decidedBy)}` : ''}
                      {r.decidedAt ? `, ${formatDay(r.decidedAt)}` : ''}
                      {r.decisionComment ? `: “${r.decisionComment}”` : ''}
                    </Typography>
                  )}
                </TableCell>
                {props.decisions.length > 0 && (
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {props.decisions.map(d => (
                      <Button
                        key={d}
                        size="small"
                        variant={d === 'approve' ? 'contained' : 'outlined'}
                        onClick={() => props.onDecide(r, d)}
                        aria-label={`${words[d]}: ${title} for ${short(
                          r.entityRef,
                        )}`}
                        sx={{ mr: 1 }}
                      >
                        {words[d]}
                      </Button>
                    ))}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
