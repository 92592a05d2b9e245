import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type {
  Level,
  Pillar,
  ScoreMoverResponse,
  ScoreSummary,
} from '@roadmap/plugin-maturity-common';
import { LevelBadge } from '../LevelBadge';
import { PillarScoreCells } from '../PillarScoreCells';
import { dataTableSx } from '../dataTableSx';

function signed(n: number): string {
  if (n > 0) return `+${n}`;
  return n === 0 ? '±0' : String(n);
}

/**
 * A team's services with their level and score; optionally the change since
 * a date and a column per pillar (the team view).
 *
 * @public
 */
export function TeamServicesTable(props: {
  services: ScoreSummary[];
  levels: Pick<Level, 'id' | 'title'>[];
  pillars?: Pick<Pillar, 'id' | 'title'>[];
  progress?: { since: string; movers: ScoreMoverResponse[] };
}) {
  const { services, levels, pillars = [], progress } = props;
  const levelTitle = (id: string | null) =>
    levels.find(l => l.id === id)?.title;
  const moved = new Map(
    (progress?.movers ?? []).map(m => [m.entityRef, m] as const),
  );
  return (
    // a team with many pillars scrolls sideways inside its card
    <TableContainer>
      <Table size="small" aria-label="Services of the team" sx={dataTableSx}>
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            <TableCell>Level</TableCell>
            <TableCell align="right">Score</TableCell>
            {progress && (
              <TableCell align="right">
                {/* may wrap after "Since", not inside the date */}
                Since{' '}
                <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
                  {progress.since}
                </Box>
              </TableCell>
            )}
            {pillars.map(p => (
              <TableCell key={p.id} align="center">
                {p.title}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {services.map(s => {
            const mover = moved.get(s.entityRef);
            return (
              <TableRow key={s.entityRef}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <EntityRefLink entityRef={s.entityRef} title={s.title} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <LevelBadge level={s.level} title={levelTitle(s.level)} />
                </TableCell>
                <TableCell align="right">{Math.round(s.score)}</TableCell>
                {progress && (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {mover
                      ? `${signed(Math.round(mover.delta))} (${
                          levelTitle(mover.from.level) ?? 'none'
                        } → ${levelTitle(mover.to.level) ?? 'none'})`
                      : '±0'}
                  </TableCell>
                )}
                <PillarScoreCells
                  service={s}
                  pillars={pillars}
                  align="center"
                />
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
