import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useEntityScore } from '../../hooks/useEntityScore';
import { CheckStatusLabel } from '../CheckStatusLabel';
import { ScoreFooter } from '../ScoreFooter';
import { ScoreHeadline } from '../ScoreHeadline';
import { ScoreNowButton } from '../ScoreNowButton';

/**
 * The current entity's own score and level, and its own checks with their
 * status and what was found: for Systems, Domains and Groups, whose checks
 * are few (owner, docs, and the roll-up of their children).
 *
 * @public
 */
export function EntityOwnScore() {
  const { entity, rubric, score, refresh } = useEntityScore();
  const scoreNow = <ScoreNowButton refresh={refresh} size="small" />;
  if (rubric.loading || score.loading) return <Progress />;
  if (rubric.error || score.error) {
    return <ResponseErrorPanel error={(rubric.error ?? score.error)!} />;
  }
  if (!score.value) {
    return (
      <Box>
        <Typography variant="body1" paragraph>
          This {entity.kind.toLocaleLowerCase('en-US')} has not been scored yet.
          The maturity backend scores it on its schedule, after its children.
        </Typography>
        {scoreNow}
      </Box>
    );
  }
  const value = score.value;
  const levels = rubric.value!.levels;
  const levelTitle = (id: string) => levels.find(l => l.id === id)?.title;
  const checks = value.detail.results.filter(
    r => r.status !== 'not-applicable',
  );
  return (
    <Box>
      <ScoreHeadline score={value.score} level={value.level} levels={levels} />
      <List dense aria-label="Own checks" disablePadding>
        {checks.map(r => (
          <ListItem key={r.checkId} disableGutters>
            <ListItemText
              primary={
                <Box
                  component="span"
                  sx={{ display: 'flex', gap: 1, alignItems: 'center' }}
                >
                  <CheckStatusLabel status={r.status} />
                  <span>
                    {r.title} ({levelTitle(r.level) ?? r.level})
                  </span>
                </Box>
              }
              secondary={r.message}
            />
          </ListItem>
        ))}
      </List>
      <ScoreFooter at={value.confirmedAt ?? value.scoredAt} refresh={refresh} />
    </Box>
  );
}
