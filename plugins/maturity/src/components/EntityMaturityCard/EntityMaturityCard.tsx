import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Warning from '@material-ui/icons/Warning';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type {
  Rubric,
  ScoreDetailResponse,
} from '@roadmap/plugin-maturity-common';
import { useEntityScore } from '../../hooks/useEntityScore';
import { EntityCampaignStrip } from '../EntityCampaignStrip';
import { PillarBars } from '../PillarBars';
import { ScoreFooter } from '../ScoreFooter';
import { ScoreHeadline } from '../ScoreHeadline';
import { ScoreNowButton } from '../ScoreNowButton';
import { NextSteps } from './NextSteps';

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
  const { entity, entityRef, rubric, score, refresh } = useEntityScore();
  const scoreNow = <ScoreNowButton refresh={refresh} size="small" />;

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
        {scoreNow}
      </Box>
    );
  } else {
    const value = score.value;
    const progress = progressToNext(value);
    const nextTitle =
      rubric.value!.levels.find(l => l.id === value.nextLevel)?.title ??
      value.nextLevel;
    const down = value.detail.sources.filter(s => s.status === 'error');
    body = (
      <Box>
        <ScoreHeadline
          score={value.score}
          level={value.level}
          levels={rubric.value!.levels}
        />
        <EntityCampaignStrip entityRef={entityRef} rubric={rubric.value!} />
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
        <ScoreFooter
          at={value.confirmedAt ?? value.scoredAt}
          refresh={refresh}
        />
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
