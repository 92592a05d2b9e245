import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

const BAR_COLORS: Record<string, string> = {
  none: '#bdbdbd',
  bronze: '#a97142',
  silver: '#8a8d91',
  gold: '#c9a227',
};

/**
 * How many services sit at each level, as a bar with counts. Each level is
 * a button that filters the table to it.
 *
 * @public
 */
export function LevelDistribution(props: {
  counts: Record<string, number>;
  levels: { id: string; title: string }[];
  /** When given, each level is a button that filters to it. */
  onSelect?(level: string): void;
}) {
  const order = [{ id: 'none', title: 'No level yet' }, ...props.levels];
  const total = order.reduce((sum, l) => sum + (props.counts[l.id] ?? 0), 0);
  if (total === 0) return null;
  return (
    <Box>
      <Box
        role="img"
        aria-label={order
          .map(l => `${l.title}: ${props.counts[l.id] ?? 0}`)
          .join(', ')}
        sx={{
          display: 'flex',
          height: 12,
          borderRadius: 1,
          overflow: 'hidden',
          mb: 1,
        }}
      >
        {order.map(l =>
          props.counts[l.id] ? (
            <Box
              key={l.id}
              sx={{
                width: `${(100 * props.counts[l.id]) / total}%`,
                bgcolor: BAR_COLORS[l.id] ?? 'primary.main',
              }}
            />
          ) : null,
        )}
      </Box>
      <Stack direction="row" gap={1} flexWrap="wrap">
        {order.map(l => {
          const label = (
            <Typography variant="body2" component="span">
              {l.title}: <strong>{props.counts[l.id] ?? 0}</strong> (
              {Math.round((100 * (props.counts[l.id] ?? 0)) / total)}%)
            </Typography>
          );
          const { onSelect } = props;
          return onSelect ? (
            <Button
              key={l.id}
              size="small"
              variant="text"
              onClick={() => onSelect(l.id)}
            >
              {label}
            </Button>
          ) : (
            <Box key={l.id} sx={{ px: 1 }}>
              {label}
            </Box>
          );
        })}
      </Stack>
    </Box>
  );
}
