import { useApi } from '@backstage/frontend-plugin-api';
import {
  Content,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import GetApp from '@material-ui/icons/GetApp';
import { useCallback, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { ScoreSummary } from '@roadmap/plugin-maturity-common';
import { maturityApiRef } from '../../api/MaturityApi';
import { scoresToCsv } from '../../csv/scoresToCsv';
import { downloadText } from '../../download/downloadText';
import { useRubric } from '../../hooks/useRubric';
import { useScoreQuery } from '../../hooks/useScoreQuery';
import { useTeamPath } from '../../hooks/useTeamPath';
import { LevelDistribution } from '../LevelDistribution';
import { MaturityNav } from '../MaturityNav';
import { Movers } from '../Movers';
import { RubricOverview } from '../RubricOverview';
import { ScoreFilters } from '../ScoreFilters';
import { ScoresTable } from '../ScoresTable';

/**
 * The maturity overview at `/maturity`: every scored service × pillar, with
 * filters kept in the URL, the level distribution, recent movers, CSV export
 * and the rubric itself — what a team lead brings to a roadmap review.
 *
 * @public
 */
export function MaturityPage() {
  const api = useApi(maturityApiRef);
  const { query, page, pageSize, update } = useScoreQuery();
  const teamPath = useTeamPath();
  const [days, setDays] = useState(30);
  const [exporting, setExporting] = useState(false);
  const filters = { ...query, offset: undefined, limit: undefined };
  const filterKey = JSON.stringify(filters);

  const rubric = useRubric();
  const facets = useAsync(() => api.getFacets(), [api]);
  const scores = useAsyncRetry(
    () => api.listScores(query),
    [api, JSON.stringify(query)],
  );
  const levels = useAsync(
    () => api.getLevelDistribution(filters),
    [api, filterKey],
  );
  const movers = useAsync(
    () => api.getMovers(filters, days),
    [api, filterKey, days],
  );

  const onFilter = useCallback(
    (change: Parameters<typeof update>[0]['query']) =>
      update({ query: change }),
    [update],
  );

  const pillars =
    rubric.value?.pillars.map(p => ({ id: p.id, title: p.title })) ?? [];
  const levelList =
    rubric.value?.levels.map(l => ({ id: l.id, title: l.title })) ?? [];
  const levelTitles = Object.fromEntries(levelList.map(l => [l.id, l.title]));

  const exportCsv = async () => {
    setExporting(true);
    try {
      const items: ScoreSummary[] = [];
      for (let offset = 0; offset < 10_000; offset += 500) {
        const pageOfItems = await api.listScores({
          ...filters,
          offset,
          limit: 500,
        });
        items.push(...pageOfItems.items);
        if (
          items.length >= pageOfItems.totalCount ||
          pageOfItems.items.length === 0
        )
          break;
      }
      downloadText(
        'maturity-scores.csv',
        scoresToCsv(items, pillars),
        'text/csv;charset=utf-8',
      );
    } finally {
      setExporting(false);
    }
  };

  const error = rubric.error ?? scores.error;
  const hasFilters = (
    ['owner', 'system', 'kind', 'type', 'lifecycle', 'level', 'text'] as const
  ).some(key => query[key] !== undefined);
  const nothingScored = scores.value?.totalCount === 0 && !hasFilters;

  return (
    <Content>
      <Typography variant="h4" component="h1" gutterBottom>
        Roadmap Maturity
      </Typography>
      <MaturityNav current="overview" />
      <Typography variant="body1" paragraph>
        Where every service stands on the platform roadmap: a service reaches a
        level when it passes that level&apos;s checks and all lower levels&apos;
        checks. Filter by team, system or level, and export the view for a
        roadmap review.
      </Typography>
      {error && <ResponseErrorPanel error={error} />}
      {(rubric.loading || (scores.loading && !scores.value)) && <Progress />}
      {rubric.value && scores.value && (
        <Grid container spacing={3}>
          <Grid item xs={12} xl={9}>
            <InfoCard
              title="Services by pillar"
              subheader={`${scores.value.totalCount} scored services match`}
              action={
                <>
                  {query.owner?.length === 1 && (
                    <Button
                      component={RouterLink}
                      to={teamPath(query.owner[0])}
                    >
                      Team view
                    </Button>
                  )}
                  <Button
                    startIcon={<GetApp />}
                    onClick={exportCsv}
                    disabled={exporting || scores.value.totalCount === 0}
                  >
                    {exporting ? 'Exporting…' : 'Export CSV'}
                  </Button>
                </>
              }
            >
              {nothingScored ? (
                <Typography variant="body1">
                  No service has been scored yet. The backend scores catalog
                  services on its schedule (every few minutes by default); a
                  service&apos;s maturity card can also refresh it on demand.
                </Typography>
              ) : (
                <>
                  <ScoreFilters
                    query={query}
                    facets={facets.value}
                    levelTitles={levelTitles}
                    onChange={onFilter}
                  />
                  {levels.value && (
                    <LevelDistribution
                      counts={levels.value}
                      levels={levelList}
                      onSelect={level => onFilter({ level: [level] })}
                    />
                  )}
                  <ScoresTable
                    items={scores.value.items}
                    totalCount={scores.value.totalCount}
                    pillars={pillars}
                    levels={levelList}
                    orderBy={query.orderBy ?? 'score'}
                    order={query.order ?? 'desc'}
                    page={page}
                    pageSize={pageSize}
                    onSort={(orderBy, order) =>
                      update({ query: { orderBy, order } })
                    }
                    onPage={(p, size) => update({ page: p, pageSize: size })}
                  />
                </>
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12} xl={3}>
            <InfoCard title="Movers">
              <Movers
                days={days}
                onDays={setDays}
                items={movers.value?.items}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <InfoCard title="The roadmap rubric" noPadding>
              <RubricOverview rubric={rubric.value} />
            </InfoCard>
          </Grid>
        </Grid>
      )}
    </Content>
  );
}
