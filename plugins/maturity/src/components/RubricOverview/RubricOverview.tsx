import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { Rubric } from '@roadmap/plugin-maturity-common';
import { dataTableSx } from '../dataTableSx';
import { RubricWhatIfPanel } from './RubricWhatIfPanel';

/**
 * The rubric as a roadmap grid: one row per pillar, one column per level,
 * each cell listing what that level asks of a service in that pillar.
 */
function RubricGrid(props: { rubric: Rubric }) {
  const { rubric } = props;
  return (
    <Table
      size="small"
      aria-label="Maturity rubric by pillar and level"
      sx={dataTableSx}
    >
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            Pillar
          </TableCell>
          {rubric.levels.map(level => (
            <TableCell key={level.id} component="th" scope="col">
              {level.title}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rubric.pillars.map(pillar => (
          <TableRow key={pillar.id}>
            <TableCell component="th" scope="row">
              <Typography variant="subtitle2">{pillar.title}</Typography>
            </TableCell>
            {rubric.levels.map(level => {
              const checks = rubric.checks.filter(
                c => c.pillar === pillar.id && c.level === level.id,
              );
              return (
                <TableCell key={level.id} sx={{ verticalAlign: 'top' }}>
                  {checks.length === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                      —
                    </Typography>
                  ) : (
                    <Box
                      component="ul"
                      sx={{ m: 0, pl: 0, listStyle: 'none' }}
                      aria-label={`${pillar.title}, ${level.title}`}
                    >
                      {checks.map(check => (
                        <Box component="li" key={check.id} sx={{ mb: 0.5 }}>
                          <Tooltip title={check.description}>
                            <Typography variant="body2" component="span">
                              {check.title}
                            </Typography>
                          </Tooltip>{' '}
                          <Chip
                            size="small"
                            variant="outlined"
                            label={`effort ${check.effort}`}
                          />
                        </Box>
                      ))}
                    </Box>
                  )}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The rubric view: the roadmap grid of pillars and levels, and below it a
 * "What if" panel that dry-runs proposed changes to checks.
 *
 * @public
 */
export function RubricOverview(props: { rubric: Rubric }) {
  return (
    <>
      <RubricGrid rubric={props.rubric} />
      <RubricWhatIfPanel rubric={props.rubric} />
    </>
  );
}
