import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useEntityScore } from '../../hooks/useEntityScore';
import { ScoreNowButton } from '../ScoreNowButton';
import { RoadmapCard } from './RoadmapCard';
import { StandingCard } from './StandingCard';
import { TrendCard } from './TrendCard';

/**
 * The roadmap tab of a service: every check by level (done / next / later)
 * or by pillar, with status, evidence, why it matters, how to fix it and
 * "Fix it"; the score's trend; the Markdown roadmap report.
 *
 * @public
 */
export function EntityMaturityContent() {
  const { entity, entityRef, rubric, score, refresh } = useEntityScore();

  if (rubric.loading || score.loading) return <Progress />;
  const error = rubric.error ?? score.error;
  if (error) return <ResponseErrorPanel error={error} />;

  if (!score.value) {
    return (
      <Content>
        <InfoCard title="Roadmap">
          <Typography paragraph>
            This service has not been scored yet. The maturity backend scores
            catalog services on its schedule; its roadmap appears here then.
          </Typography>
          <ScoreNowButton refresh={refresh} />
          {refresh.error && <ResponseErrorPanel error={refresh.error} />}
        </InfoCard>
      </Content>
    );
  }

  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12} md={4}>
          <StandingCard
            name={entity.metadata.name}
            entityRef={entityRef}
            rubric={rubric.value!}
            score={score.value}
            refresh={refresh}
          />
        </Grid>
        <Grid item xs={12} md={8}>
          <TrendCard
            entityRef={entityRef}
            snapshotId={score.value.snapshotId}
            confirmedAt={score.value.confirmedAt}
            levels={rubric.value!.levels}
          />
        </Grid>
        <Grid item xs={12}>
          <RoadmapCard
            entity={entity}
            entityRef={entityRef}
            rubric={rubric.value!}
            score={score.value}
          />
        </Grid>
      </Grid>
    </Content>
  );
}
