import Box from '@mui/material/Box';

/** Background for a 0–100 score: red below 40, amber below 70, green above. */
export function scoreColor(score: number): string {
  if (score >= 70) return 'rgba(46, 125, 50, 0.22)';
  if (score >= 40) return 'rgba(237, 108, 2, 0.22)';
  return 'rgba(211, 47, 47, 0.2)';
}

/**
 * One heat-map cell. The number is always printed, so colour is never the
 * only signal.
 *
 * @public
 */
export function ScoreCell(props: { score?: number; label: string }) {
  const { score, label } = props;
  if (score === undefined) {
    return (
      <Box
        component="span"
        aria-label={`${label}: not scored`}
        color="text.secondary"
      >
        –
      </Box>
    );
  }
  const rounded = Math.round(score);
  return (
    <Box
      component="span"
      aria-label={`${label}: ${rounded} of 100`}
      sx={{
        display: 'inline-block',
        minWidth: 40,
        px: 1,
        py: 0.25,
        borderRadius: 1,
        textAlign: 'right',
        fontVariantNumeric: 'tabular-nums',
        whiteSpace: 'nowrap',
        bgcolor: scoreColor(score),
      }}
    >
      {rounded}
    </Box>
  );
}
