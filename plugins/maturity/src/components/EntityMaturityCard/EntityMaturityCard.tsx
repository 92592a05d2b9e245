import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Refresh from '@material-ui/icons/Refresh';
import Warning from '@material-ui/icons/Warning';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type {
  NextStep,
  Rubric,
  ScoreDetailResponse,
} from '@roadmap/plugin-maturity-common';
import { useFixItUrl } from '../../fixIt/useFixItUrl';
import { useEntityScore } from '../../hooks/useEntityScore';
import { LevelBadge } from '../LevelBadge';
import { PillarBars } from '../PillarBars';
import { ScoredAt } from '../ScoredAt';

function applicableKinds(rubric: Rubric): string[] {
  const kinds = new Set<string>();
  for (const check of rubric.checks) {
    for (const kind of check.appliesTo?.kinds ?? ['any']) kinds.add(kind);
  }
  return [...kinds];
}

/** Whether any check of the rubric applies to entities of this kind. */
export function rubricAppliesTo(rubric: Rubric, kind: string): boolean {
  const kinds = applicableKinds(rubric).map(k => k.toLocaleLowerCase('en-US'));
  return (
    kinds.includes('any') || kinds.includes(kind.toLocaleLowerCase('en-US'))
  );
}

/** Share of the next level's checks that pass, 0–100. */
function progressToNext(score: ScoreDetailResponse): number | undefined {
  if (!score.nextLevel) return undefined;
  const checks = score.detail.results.filter(
    r => r.level === score.nextLevel && r.status !== 'not-applicable',
  );
  if (checks.length === 0) return undefined;
  const done = checks.filter(
    r => r.status === 'pass' || r.status === 'exempt',
  ).length;
  return Math.round((done / checks.length) * 100);
}

function NextSteps(props: {
  steps: NextStep[];
  entityRef: string;
  rubric: Rubric;
}) {
  const fixItUrl = useFixItUrl(props.entityRef);
  const levelTitle = (id: string) =>
    props.rubric.levels.find(l => l.id === id)?.title ?? id;
  if (props.steps.length === 0) {
    return (
      <Typography variant="body2">
        Nothing left to do on this roadmap: every check passes.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Next steps">
      {props.steps.map(step => {
        const url = fixItUrl([step]);
        return (
          <ListItem
            key={step.checkId}
            disableGutters
            secondaryAction={
              url && (
                <Button
                  size="small"
                  variant="outlined"
                  href={url}
                  aria-label={`Fix it: ${step.title}`}
                >
                  Fix it
                </Button>
              )
            }
          >
            <ListItemText
              primary={
                <>
                  {step.title}
                  {step.quickWin && (
                    <Chip
                      size="small"
                      label="Quick win"
                      color="success"
                      variant="outlined"
                      sx={{ ml: 1 }}
                    />
                  )}
                </>
              }
              secondary={`${levelTitle(step.level)} · effort ${step.effort}${
                step.status === 'unknown' ? ' · not yet known' : ''
              }`}
              sx={{ pr: 10 }}
            />
          </ListItem>
        );
      })}
    </List>
  );
}

/**
 * The maturity card of a Component page: score and level, progress to the
 * next level, a bar per pillar and the top three next steps with "Fix it".
 *
 * @public
 */
export function EntityMaturityCard(props: {
  /** Link to the roadmap tab; defaults to `./maturity`. */
  roadmapPath?: string;
}) {
  const {
    entity,
    entityRef,
    rubric,
    score,
    canRefresh,
    refresh,
    refreshing,
    refreshError,
  } = useEntityScore();
  const refreshButton = canRefresh && (
    <Button
      startIcon={<Refresh />}
      onClick={refresh}
      disabled={refreshing}
      size="small"
    >
      {refreshing ? 'Scoring…' : 'Score now'}
    </Button>
  );

  let body: JSX.Element;
  if (rubric.loading || score.loading) {
    body = <Progress />;
  } else if (rubric.error || score.error) {
    body = <ResponseErrorPanel error={(rubric.error ?? score.error)!} />;
  } else if (!rubricAppliesTo(rubric.value!, entity.kind)) {
    body = (
      <Typography variant="body1">
        The maturity rubric has no checks for a {entity.kind}: it scores{' '}
        {applicableKinds(rubric.value!).join(', ')} entities.
      </Typography>
    );
  } else if (!score.value) {
    body = (
      <Box>
        <Typography variant="body1" paragraph>
          This service has not been scored yet. The maturity backend scores
          catalog services on its schedule.
        </Typography>
        {refreshButton}
      </Box>
    );
  } else {
    const value = score.value;
    const progress = progressToNext(value);
    const nextTitle =
      rubric.value!.levels.find(l => l.id === value.nextLevel)?.title ??
      value.nextLevel;
    const levelTitle = rubric.value!.levels.find(
      l => l.id === value.level,
    )?.title;
    const down = value.detail.sources.filter(s => s.status === 'error');
    body = (
      <Box>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
          <Typography variant="h3" component="p" aria-label="Score">
            {Math.round(value.score)}
            <Typography component="span" variant="body2">
              {' '}
              / 100
            </Typography>
          </Typography>
          <LevelBadge level={value.level} title={levelTitle} />
        </Box>
        {progress !== undefined && (
          <Box sx={{ mb: 2 }}>
            <Typography variant="body2" id="maturity-next-level">
              {progress}% of the way to {nextTitle}
            </Typography>
            <LinearProgress
              variant="determinate"
              value={progress}
              aria-labelledby="maturity-next-level"
            />
          </Box>
        )}
        <PillarBars pillars={rubric.value!.pillars} scores={value.pillars} />
        <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
          Next steps
        </Typography>
        <NextSteps
          steps={value.detail.nextSteps.slice(0, 3)}
          entityRef={entityRef}
          rubric={rubric.value!}
        />
        {down.length > 0 && (
          <Alert severity="warning" icon={<Warning />} sx={{ mt: 1 }}>
            Unavailable when last scored: {down.map(s => s.source).join(', ')}.
            Their checks show as unknown until they answer again.
          </Alert>
        )}
        <Box
          sx={{
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            mt: 1,
          }}
        >
          <ScoredAt at={value.scoredAt} />
          {refreshButton}
        </Box>
        {refreshError && <ResponseErrorPanel error={refreshError} />}
      </Box>
    );
  }

  return (
    <InfoCard
      title="Roadmap maturity"
      deepLink={{
        title: 'View the roadmap',
        link: props.roadmapPath ?? 'maturity',
      }}
    >
      {body}
    </InfoCard>
  );
}
