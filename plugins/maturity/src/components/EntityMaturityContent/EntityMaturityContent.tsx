import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import GetApp from '@material-ui/icons/GetApp';
import Refresh from '@material-ui/icons/Refresh';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type {
  CheckResult,
  Rubric,
  ScoreDetailResponse,
} from '@roadmap/plugin-maturity-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { downloadText } from '../../download/downloadText';
import { useFixItUrl } from '../../fixIt/useFixItUrl';
import { fixItTemplateOf } from '../../fixIt/fixItUrl';
import { useEntityScore } from '../../hooks/useEntityScore';
import { CheckAccordion } from '../CheckAccordion';
import { LevelBadge } from '../LevelBadge';
import { PillarBars } from '../PillarBars';
import { ScoredAt } from '../ScoredAt';
import { ScoreTrendChart } from '../ScoreTrendChart';

type Section = {
  id: string;
  title: string;
  hint?: string;
  checks: CheckResult[];
};

/** Done (levels reached), next (the next level), later (the rest). */
export function roadmapByLevel(
  rubric: Rubric,
  score: ScoreDetailResponse,
): Section[] {
  const reached = score.level
    ? rubric.levels.findIndex(l => l.id === score.level)
    : -1;
  const applicable = score.detail.results.filter(
    r => r.status !== 'not-applicable',
  );
  const rankOf = (level: string) =>
    rubric.levels.findIndex(l => l.id === level);
  const next = rubric.levels[reached + 1];
  return [
    {
      id: 'done',
      title: 'Done',
      hint: score.level
        ? `Levels reached, up to ${rubric.levels[reached].title}`
        : 'No level reached yet',
      checks: applicable.filter(r => rankOf(r.level) <= reached),
    },
    {
      id: 'next',
      title: next ? `Next: ${next.title}` : 'Next',
      hint: next
        ? `Pass these to reach ${next.title}`
        : 'The top level is reached',
      checks: applicable.filter(r => rankOf(r.level) === reached + 1),
    },
    {
      id: 'later',
      title: 'Later',
      hint: 'Higher levels',
      checks: applicable.filter(r => rankOf(r.level) > reached + 1),
    },
  ];
}

function roadmapByPillar(
  rubric: Rubric,
  score: ScoreDetailResponse,
): Section[] {
  return rubric.pillars
    .map(p => ({
      id: p.id,
      title: p.title,
      hint: p.description,
      checks: score.detail.results.filter(
        r => r.pillar === p.id && r.status !== 'not-applicable',
      ),
    }))
    .filter(s => s.checks.length > 0);
}

const STATUS_ORDER = ['fail', 'unknown', 'exempt', 'pass', 'not-applicable'];

/**
 * The roadmap tab of a service: every check by level (done / next / later)
 * or by pillar, with status, evidence, why it matters, how to fix it and
 * "Fix it"; the score's trend; the Markdown roadmap report.
 *
 * @public
 */
export function EntityMaturityContent() {
  const api = useApi(maturityApiRef);
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
  const history = useAsync(
    () => api.getHistory(entityRef),
    [api, entityRef, score.value?.snapshotId],
  );
  const fixItUrl = useFixItUrl(entityRef);
  const [view, setView] = useState<'level' | 'pillar'>('level');
  const [selected, setSelected] = useState<string[]>([]);
  const [exportError, setExportError] = useState<Error>();

  if (rubric.loading || score.loading) return <Progress />;
  const error = rubric.error ?? score.error;
  if (error) return <ResponseErrorPanel error={error} />;

  const refreshButton = canRefresh && (
    <Button startIcon={<Refresh />} onClick={refresh} disabled={refreshing}>
      {refreshing ? 'Scoring…' : 'Score now'}
    </Button>
  );
  if (!score.value) {
    return (
      <Content>
        <InfoCard title="Roadmap">
          <Typography paragraph>
            This service has not been scored yet. The maturity backend scores
            catalog services on its schedule; its roadmap appears here then.
          </Typography>
          {refreshButton}
        </InfoCard>
      </Content>
    );
  }

  const value = score.value;
  const r = rubric.value!;
  const quickWins = new Set(
    value.detail.nextSteps.filter(s => s.quickWin).map(s => s.checkId),
  );
  const sections =
    view === 'level' ? roadmapByLevel(r, value) : roadmapByPillar(r, value);
  const title = (list: { id: string; title: string }[], id: string) =>
    list.find(x => x.id === id)?.title ?? id;
  const sourceLocation = entity.metadata.annotations?.[
    'backstage.io/source-location'
  ]?.replace(/^url:/, '');
  const selectedChecks = value.detail.results.filter(c =>
    selected.includes(c.checkId),
  );
  const fixSelectedUrl = selectedChecks.length
    ? fixItUrl(
        selectedChecks.map(c => ({
          ...c,
          // several checks go to the template that fixes any set of gaps
          remediation:
            selectedChecks.length > 1
              ? { generator: c.checkId }
              : c.remediation,
        })),
      )
    : undefined;
  const down = value.detail.sources.filter(s => s.status === 'error');

  const exportReport = async () => {
    setExportError(undefined);
    try {
      const markdown = await api.getEntityReport(entityRef);
      downloadText(
        `${entity.metadata.name}-roadmap.md`,
        markdown,
        'text/markdown;charset=utf-8',
      );
    } catch (e) {
      setExportError(e as Error);
    }
  };

  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12} md={4}>
          <InfoCard title="Where this service stands">
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
              <Typography variant="h3" component="p">
                {Math.round(value.score)}
                <Typography component="span" variant="body2">
                  {' '}
                  / 100
                </Typography>
              </Typography>
              <LevelBadge
                level={value.level}
                title={value.level ? title(r.levels, value.level) : undefined}
              />
            </Box>
            <PillarBars pillars={r.pillars} scores={value.pillars} />
            <ScoredAt at={value.scoredAt} />
            {down.map(s => (
              <Alert key={s.source} severity="warning" sx={{ mt: 1 }}>
                {s.source} was unavailable ({s.message ?? 'no answer'})
                {s.lastGoodAt
                  ? `; its evidence is from ${s.lastGoodAt.slice(0, 10)}`
                  : '; its checks are unknown'}
                .
              </Alert>
            ))}
            <Box sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap' }}>
              <Button startIcon={<GetApp />} onClick={exportReport}>
                Export roadmap (Markdown)
              </Button>
              {refreshButton}
            </Box>
            {(exportError ?? refreshError) && (
              <ResponseErrorPanel error={(exportError ?? refreshError)!} />
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={8}>
          <InfoCard title="Trend">
            {history.loading && <Progress />}
            {history.error && <ResponseErrorPanel error={history.error} />}
            {history.value && (
              <ScoreTrendChart history={history.value} levels={r.levels} />
            )}
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard
            title="Roadmap"
            action={
              <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
                {fixSelectedUrl && (
                  <Button variant="contained" href={fixSelectedUrl}>
                    Fix {selectedChecks.length} selected
                  </Button>
                )}
                <ToggleButtonGroup
                  size="small"
                  exclusive
                  value={view}
                  onChange={(_, v) => v && setView(v)}
                  aria-label="Group checks"
                >
                  <ToggleButton value="level">By level</ToggleButton>
                  <ToggleButton value="pillar">By pillar</ToggleButton>
                </ToggleButtonGroup>
              </Box>
            }
          >
            {sections.map(section => (
              <Box
                component="section"
                key={section.id}
                aria-labelledby={`roadmap-${section.id}`}
                sx={{ mb: 3 }}
              >
                <Typography
                  variant="h6"
                  component="h2"
                  id={`roadmap-${section.id}`}
                >
                  {section.title}{' '}
                  <Typography
                    component="span"
                    variant="body2"
                    color="text.secondary"
                  >
                    {section.hint}
                  </Typography>
                </Typography>
                {section.checks.length === 0 && (
                  <Typography variant="body2">Nothing here.</Typography>
                )}
                {[...section.checks]
                  .sort(
                    (a, b) =>
                      STATUS_ORDER.indexOf(a.status) -
                      STATUS_ORDER.indexOf(b.status),
                  )
                  .map(check => {
                    const open =
                      check.status === 'fail' || check.status === 'unknown';
                    const fixable = open && Boolean(fixItTemplateOf(check));
                    return (
                      <CheckAccordion
                        key={check.checkId}
                        result={check}
                        pillarTitle={title(r.pillars, check.pillar)}
                        levelTitle={title(r.levels, check.level)}
                        quickWin={quickWins.has(check.checkId)}
                        sourceLocation={sourceLocation}
                        fixItUrl={fixable ? fixItUrl([check]) : undefined}
                        selected={selected.includes(check.checkId)}
                        onSelect={
                          fixable && check.remediation?.generator
                            ? on =>
                                setSelected(s =>
                                  on
                                    ? [...s, check.checkId]
                                    : s.filter(id => id !== check.checkId),
                                )
                            : undefined
                        }
                      />
                    );
                  })}
              </Box>
            ))}
          </InfoCard>
        </Grid>
      </Grid>
    </Content>
  );
}
