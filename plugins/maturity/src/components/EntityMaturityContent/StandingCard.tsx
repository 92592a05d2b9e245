import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import GetApp from '@material-ui/icons/GetApp';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type {
  Rubric,
  ScoreDetailResponse,
} from '@roadmap/plugin-maturity-common';
import { useState } from 'react';
import { maturityApiRef } from '../../api/MaturityApi';
import { downloadText } from '../../download/downloadText';
import type { ScoreRefresh } from '../../hooks/useScoreRefresh';
import { PillarBars } from '../PillarBars';
import { ScoredAt } from '../ScoredAt';
import { ScoreHeadline } from '../ScoreHeadline';
import { EntityCampaignStrip } from '../EntityCampaignStrip';
import { ScoreNowButton } from '../ScoreNowButton';

/**
 * Where the service stands: score, level, pillars, when it was scored and
 * which sources were down; the Markdown roadmap report and "Score now".
 */
export function StandingCard(props: {
  name: string;
  entityRef: string;
  rubric: Rubric;
  score: ScoreDetailResponse;
  refresh: ScoreRefresh;
}) {
  const { rubric, score, refresh } = props;
  const api = useApi(maturityApiRef);
  const [exportError, setExportError] = useState<Error>();
  const down = score.detail.sources.filter(s => s.status === 'error');

  const exportReport = async () => {
    setExportError(undefined);
    try {
      const markdown = await api.getEntityReport(props.entityRef);
      downloadText(
        `${props.name}-roadmap.md`,
        markdown,
        'text/markdown;charset=utf-8',
      );
    } catch (e) {
      setExportError(e as Error);
    }
  };

  const error = exportError ?? refresh.error;
  return (
    <InfoCard title="Where this service stands">
      <ScoreHeadline
        score={score.score}
        level={score.level}
        levels={rubric.levels}
      />
      <EntityCampaignStrip entityRef={props.entityRef} rubric={rubric} />
      <PillarBars pillars={rubric.pillars} scores={score.pillars} />
      <ScoredAt at={score.confirmedAt ?? score.scoredAt} />
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
        <ScoreNowButton refresh={refresh} />
      </Box>
      {error && <ResponseErrorPanel error={error} />}
    </InfoCard>
  );
}
