import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type {
  CampaignProgressResponse,
  Rubric,
} from '@roadmap/plugin-maturity-common';
import { dueIn, formatDay } from '../../campaigns/formatDay';
import { phaseTargetDescription } from '../../campaigns/phaseTargetLabel';
import { AtRiskChip } from '../CampaignStateChip';
import { dataTableSx } from '../dataTableSx';

/** The forecast of one phase in words. */
export function forecastText(
  forecast: CampaignProgressResponse['forecasts'][number] | undefined,
  options: { met: number; total: number; dueDate: string },
): string {
  if (options.total > 0 && options.met >= options.total) {
    return 'Done: every service meets it';
  }
  if (!forecast) return '—';
  if (!forecast.projectedDate) {
    return forecast.atRisk
      ? `No progress over the last ${forecast.windowDays} days`
      : 'Not enough history for a forecast';
  }
  return `At this rate: ${formatDay(
    forecast.projectedDate,
  )} — after the ${formatDay(options.dueDate)} due date? ${
    forecast.atRisk ? 'Yes' : 'No'
  }`;
}

/**
 * Each phase: its target, due date, how many services meet it, and when
 * the last one will at the rate observed — at risk when that is after the
 * due date.
 */
export function PhaseForecasts(props: {
  progress: CampaignProgressResponse;
  rubric: Pick<Rubric, 'levels'>;
  today: string;
}) {
  const { campaign, overall, forecasts, currentPhase } = props.progress;
  return (
    <Table size="small" aria-label="Phases and forecast" sx={dataTableSx}>
      <TableHead>
        <TableRow>
          <TableCell>Phase</TableCell>
          <TableCell>Target</TableCell>
          <TableCell>Due</TableCell>
          <TableCell align="right">Met</TableCell>
          <TableCell>Forecast</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {campaign.phases.map((phase, i) => {
          const met = overall.met[i] ?? 0;
          const forecast = forecasts[i];
          const done = overall.total > 0 && met >= overall.total;
          return (
            <TableRow key={i} selected={currentPhase === i}>
              <TableCell>
                {i + 1}. {phase.title}
                {currentPhase === i && (
                  <Typography variant="caption" display="block">
                    current phase
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {phaseTargetDescription(phase, props.rubric)}
                {phase.enabledFrom && (
                  <Typography variant="caption" display="block">
                    counts from {formatDay(phase.enabledFrom)}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {formatDay(phase.dueDate)}
                {!done && (
                  <Typography variant="caption" display="block">
                    {dueIn(phase.dueDate, props.today)}
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {met} of {overall.total}
              </TableCell>
              <TableCell>
                {forecastText(forecast, {
                  met,
                  total: overall.total,
                  dueDate: phase.dueDate,
                })}
                {!done && forecast?.atRisk && (
                  <>
                    {' '}
                    <AtRiskChip />
                  </>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
