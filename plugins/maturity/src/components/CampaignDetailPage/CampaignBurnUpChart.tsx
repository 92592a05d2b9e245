import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type {
  CampaignBurnUpResponse,
  CampaignPhase,
} from '@roadmap/plugin-maturity-common';
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

// Distinct in hue and lightness, and every line but one is dashed
// differently, so the phases are told apart without colour too.
const COLORS = ['#1f77b4', '#2e7d32', '#8a4baf', '#c26100', '#00838f'];
const DASHES = [undefined, '8 3', '2 2', '12 4 2 4', '4 4'];

/**
 * The burn-up: per day, how many services meet each phase, against how
 * many are in scope — with a sentence that says the same for screen
 * readers.
 *
 * @public
 */
export function CampaignBurnUpChart(props: {
  burnUp: CampaignBurnUpResponse;
  phases: Pick<CampaignPhase, 'title'>[];
}) {
  const { days } = props.burnUp;
  if (days.length === 0) {
    return (
      <Typography variant="body2">
        No history yet: the burn-up grows day by day from the services&apos;
        score history once they have been scored.
      </Typography>
    );
  }
  const first = days[0];
  const last = days[days.length - 1];
  const data = days.map(d => ({
    date: d.date,
    total: d.total,
    ...Object.fromEntries(d.met.map((m, i) => [`p${i}`, m])),
  }));
  const summary = `From ${first.date} to ${last.date}: ${props.phases
    .map(
      (p, i) =>
        `phase ${i + 1} (${p.title}) ${first.met[i] ?? 0} → ${
          last.met[i] ?? 0
        } of ${last.total} services`,
    )
    .join('; ')}.`;
  return (
    <Box>
      <Typography variant="body2" id="campaign-burnup-summary" paragraph>
        {summary}
      </Typography>
      <Box
        sx={{ width: '100%', height: 260 }}
        role="img"
        aria-labelledby="campaign-burnup-summary"
      >
        <ResponsiveContainer>
          <LineChart data={data} margin={{ top: 8, right: 24, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" />
            <YAxis allowDecimals={false} domain={[0, 'dataMax']} />
            <Tooltip />
            <Legend />
            <Line
              type="stepAfter"
              dataKey="total"
              name="In scope"
              stroke="#6d6d6d"
              strokeDasharray="1 3"
              dot={false}
              isAnimationActive={false}
            />
            {props.phases.map((p, i) => (
              <Line
                key={i}
                type="stepAfter"
                dataKey={`p${i}`}
                name={`${i + 1}. ${p.title}`}
                stroke={COLORS[i % COLORS.length]}
                strokeDasharray={DASHES[i % DASHES.length]}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </Box>
    </Box>
  );
}
