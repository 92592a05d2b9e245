import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { RubricDryRunResponse } from '@roadmap/plugin-maturity-common';
import { dataTableSx } from '../dataTableSx';
import { LevelBadge } from '../LevelBadge';

function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${-n}`;
  return '0';
}

/**
 * What a dry run found: services per level now and with the changes, and
 * the services that would change level, each linked to its entity page.
 */
export function DryRunResults(props: { result: RubricDryRunResponse }) {
  const { result } = props;
  const titles = new Map(result.levels.map(l => [l.id, l.title]));
  const rows = [
    { id: 'none', title: 'No level' },
    ...result.levels.map(l => ({ id: l.id, title: l.title })),
  ];
  const services = (n: number) => `${n} ${n === 1 ? 'service' : 'services'}`;
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {result.changedCount === 0
          ? `No service would change level (${services(
              result.evaluated,
            )} evaluated from their stored facts).`
          : `${services(result.changedCount)} of ${
              result.evaluated
            } would change level.`}
      </Typography>
      <Table
        size="small"
        aria-label="Services per level, now and with the changes"
        sx={{ ...dataTableSx, mb: 2, maxWidth: 560 }}
      >
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Level
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Now
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              With the changes
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Difference
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => {
            const before = result.before[row.id] ?? 0;
            const after = result.after[row.id] ?? 0;
            return (
              <TableRow key={row.id}>
                <TableCell component="th" scope="row">
                  {row.title}
                </TableCell>
                <TableCell align="right">{before}</TableCell>
                <TableCell align="right">{after}</TableCell>
                <TableCell align="right">{signed(after - before)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {result.changed.length > 0 && (
        <>
          {result.changedCount > result.changed.length && (
            <Typography variant="body2" color="text.secondary">
              Showing the first {result.changed.length} of {result.changedCount}
              .
            </Typography>
          )}
          <Table
            size="small"
            aria-label="Services that would change level"
            sx={dataTableSx}
          >
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Service
                </TableCell>
                <TableCell component="th" scope="col">
                  Owner
                </TableCell>
                <TableCell component="th" scope="col">
                  Now
                </TableCell>
                <TableCell component="th" scope="col">
                  With the changes
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {result.changed.map(c => (
                <TableRow key={c.entityRef}>
                  <TableCell component="th" scope="row">
                    <EntityRefLink entityRef={c.entityRef} title={c.title} />
                  </TableCell>
                  <TableCell>
                    {c.owner ? <EntityRefLink entityRef={c.owner} /> : '—'}
                  </TableCell>
                  <TableCell>
                    <LevelBadge
                      level={c.before}
                      title={c.before ? titles.get(c.before) : undefined}
                    />
                  </TableCell>
                  <TableCell>
                    <LevelBadge
                      level={c.after}
                      title={c.after ? titles.get(c.after) : undefined}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Box>
  );
}
