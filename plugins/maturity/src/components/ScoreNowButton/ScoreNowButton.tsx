import Refresh from '@material-ui/icons/Refresh';
import Button from '@mui/material/Button';
import type { ScoreRefresh } from '../../hooks/useScoreRefresh';

/**
 * "Score now": scores the entity on demand. Renders nothing for callers
 * without `maturity.score.refresh`.
 *
 * @public
 */
export function ScoreNowButton(props: {
  refresh: ScoreRefresh;
  size?: 'small' | 'medium';
}) {
  const { refresh } = props;
  if (!refresh.allowed) return null;
  return (
    <Button
      startIcon={<Refresh />}
      onClick={refresh.run}
      disabled={refresh.running}
      size={props.size}
    >
      {refresh.running ? 'Scoring…' : 'Score now'}
    </Button>
  );
}
