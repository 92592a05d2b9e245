import Typography from '@mui/material/Typography';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "x minutes ago", or "just now". */
export function timeAgo(at: string, now = Date.now()): string {
  const elapsed = now - Date.parse(at);
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, ms] of units) {
    if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  }
  return 'just now';
}

/**
 * When a score was computed, relative, with the exact time on hover.
 *
 * @public
 */
export function ScoredAt(props: { at: string }) {
  return (
    <Typography variant="caption" color="text.secondary">
      Scored{' '}
      <time dateTime={props.at} title={new Date(props.at).toLocaleString()}>
        {timeAgo(props.at)}
      </time>
    </Typography>
  );
}
