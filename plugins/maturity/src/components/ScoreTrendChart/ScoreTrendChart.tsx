import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Level, ScoreHistoryPoint } from '@roadmap/plugin-maturity-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const day = (iso: string) => iso.slice(0, 10);

/**
 * Score and level over time, from the history API, with a sentence that
 * says the same for screen readers. History keeps a point only when the
 * results changed, so both lines are steps, drawn on to `until` (when the
 * current score was last confirmed).
 *
 * @public
 */
export function ScoreTrendChart(props: {
  history: ScoreHistoryPoint[];
  levels: Pick<Level, 'id' | 'title'>[];
  /** ISO 8601: the current score still held then. */
  until?: string;
}) {
  const { history, levels } = props;
  if (history.length === 0) {
    return (
      <Typography variant="body2">
        No history yet: the trend appears after the service has been scored.
      </Typography>
    );
  }
  const rank = (level: string | null) =>
    level ? levels.findIndex(l => l.id === level) + 1 : 0;
  const levelTitle = (r: number) => (r === 0 ? 'None' : levels[r - 1]?.title);
  const data = history.map(p => ({
    at: day(p.scoredAt),
    score: Math.round(p.score),
    level: rank(p.level),
  }));
  const first = history[0];
  const last = history[history.length - 1];
  if (props.until && day(props.until) > day(last.scoredAt)) {
    data.push({ ...data[data.length - 1], at: day(props.until) });
  }
  return (
    <Box>
      <Typography variant="body2" id="maturity-trend-summary" paragraph>
        {history.length === 1
          ? `Scored once, ${Math.round(last.score)} on ${day(last.scoredAt)}.`
          : `Score ${Math.round(first.score)} on ${day(
              first.scoredAt,
            )}, ${Math.round(last.score)} on ${day(
              last.scoredAt,
            )}; level ${levelTitle(rank(first.level))} → ${levelTitle(
              rank(last.level),
            )}.`}
      </Typography>
      <Box
        sx={{ width: '100%', height: 240 }}
        role="img"
        aria-labelledby="maturity-trend-summary"
      >
        <ResponsiveContainer>
          <LineChart data={data} margin={{ top: 8, right: 24, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="at" />
            <YAxis yAxisId="score" domain={[0, 100]} />
            <YAxis
              yAxisId="level"
              orientation="right"
              domain={[0, levels.length]}
              ticks={levels.map((_, i) => i + 1)}
              tickFormatter={levelTitle}
              allowDecimals={false}
            />
            <Tooltip
              formatter={(value: unknown, name: unknown) =>
                name === 'Level' ? levelTitle(Number(value)) : String(value)
              }
            />
            <Legend />
            <Line
              yAxisId="score"
              type="stepAfter"
              dataKey="score"
              name="Score"
              stroke="#1f77b4"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              yAxisId="level"
              type="stepAfter"
              dataKey="level"
              name="Level"
              stroke="#c9a227"
              strokeDasharray="6 3"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </Box>
    </Box>
  );
}
