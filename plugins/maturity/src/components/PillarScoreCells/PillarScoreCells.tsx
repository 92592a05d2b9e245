import TableCell from '@mui/material/TableCell';
import type { Pillar, ScoreSummary } from '@roadmap/plugin-maturity-common';
import { ScoreCell } from '../ScoreCell';

/**
 * A service's row cells of a services × pillars table: one heat-map cell per
 * pillar, each labelled with the service and the pillar.
 *
 * @public
 */
export function PillarScoreCells(props: {
  service: Pick<ScoreSummary, 'name' | 'pillars'>;
  pillars: Pick<Pillar, 'id' | 'title'>[];
  align?: 'right' | 'center';
}) {
  const { service, align = 'right' } = props;
  return (
    <>
      {props.pillars.map(p => (
        <TableCell key={p.id} align={align}>
          <ScoreCell
            score={service.pillars[p.id]}
            label={`${service.name} ${p.title}`}
          />
        </TableCell>
      ))}
    </>
  );
}
