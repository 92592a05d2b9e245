import { ResponseErrorPanel } from '@backstage/core-components';
import Box from '@mui/material/Box';
import type { ScoreRefresh } from '../../hooks/useScoreRefresh';
import { ScoredAt } from '../ScoredAt';
import { ScoreNowButton } from '../ScoreNowButton';

/**
 * The last line of a score: when it was last scored, "Score now" for
 * those allowed, and why a requested scoring failed.
 */
export function ScoreFooter(props: { at: string; refresh: ScoreRefresh }) {
  const { at, refresh } = props;
  return (
    <>
      <Box
        sx={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          mt: 1,
        }}
      >
        <ScoredAt at={at} />
        <ScoreNowButton refresh={refresh} size="small" />
      </Box>
      {refresh.error && <ResponseErrorPanel error={refresh.error} />}
    </>
  );
}
