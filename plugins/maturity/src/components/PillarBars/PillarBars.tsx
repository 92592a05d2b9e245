import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';

/**
 * One labelled bar per pillar, with its score as text.
 *
 * @public
 */
export function PillarBars(props: {
  pillars: { id: string; title: string }[];
  scores: Record<string, number>;
}) {
  const shown = props.pillars.filter(p => props.scores[p.id] !== undefined);
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {shown.map(p => {
        const value = Math.round(props.scores[p.id]);
        const id = `pillar-${p.id}`;
        return (
          <Box component="li" key={p.id} sx={{ mb: 1 }}>
            <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
              <Typography variant="body2" id={id}>
                {p.title}
              </Typography>
              <Typography variant="body2">{value}</Typography>
            </Box>
            <LinearProgress
              variant="determinate"
              value={value}
              aria-labelledby={id}
              aria-valuetext={`${p.title}: ${value} of 100`}
            />
          </Box>
        );
      })}
    </Box>
  );
}
