import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Level } from '@roadmap/plugin-maturity-common';
import { LevelBadge } from '../LevelBadge';

/**
 * A service's score out of 100, large, and the level it reached.
 *
 * @public
 */
export function ScoreHeadline(props: {
  score: number;
  level: string | null;
  levels: Pick<Level, 'id' | 'title'>[];
}) {
  const levelTitle = props.levels.find(l => l.id === props.level)?.title;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
      <Typography variant="h3" component="p" aria-label="Score">
        {Math.round(props.score)}
        <Typography component="span" variant="body2">
          {' '}
          / 100
        </Typography>
      </Typography>
      <LevelBadge level={props.level} title={levelTitle} />
    </Box>
  );
}
