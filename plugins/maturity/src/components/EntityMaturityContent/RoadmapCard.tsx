import { InfoCard } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import type {
  CheckResult,
  Rubric,
  ScoreDetailResponse,
} from '@roadmap/plugin-maturity-common';
import { useState } from 'react';
import { useFixItUrl } from '../../fixIt/useFixItUrl';
import { useEntityExemptionRequests } from '../../hooks/useEntityExemptionRequests';
import { ExemptionRequestDialog } from '../ExemptionRequestDialog';
import { roadmapByLevel } from './roadmapByLevel';
import { roadmapByPillar } from './roadmapByPillar';
import { RoadmapSection } from './RoadmapSection';

/**
 * Every check of the service by level (done / next / later) or by pillar,
 * with "Fix it" per check and for several selected checks at once, and
 * "Request exemption" on open checks for those allowed to ask.
 */
export function RoadmapCard(props: {
  entity: Entity;
  entityRef: string;
  rubric: Rubric;
  score: ScoreDetailResponse;
}) {
  const { rubric, score } = props;
  const fixItUrl = useFixItUrl(props.entityRef);
  const [view, setView] = useState<'level' | 'pillar'>('level');
  const [selected, setSelected] = useState<string[]>([]);
  const exemptions = useEntityExemptionRequests(props.entityRef);
  const [requesting, setRequesting] = useState<CheckResult>();

  const groups =
    view === 'level'
      ? roadmapByLevel(rubric, score)
      : roadmapByPillar(rubric, score);
  const quickWins = new Set(
    score.detail.nextSteps.filter(s => s.quickWin).map(s => s.checkId),
  );
  const sourceLocation = props.entity.metadata.annotations?.[
    'backstage.io/source-location'
  ]?.replace(/^url:/, '');
  const selectedChecks = score.detail.results.filter(c =>
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
  const onSelect = (checkId: string, on: boolean) =>
    setSelected(s => (on ? [...s, checkId] : s.filter(id => id !== checkId)));

  return (
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
      {groups.map(group => (
        <RoadmapSection
          key={group.id}
          group={group}
          rubric={rubric}
          quickWins={quickWins}
          sourceLocation={sourceLocation}
          fixItUrl={fixItUrl}
          selected={selected}
          onSelect={onSelect}
          exemptions={exemptions}
          onRequestExemption={setRequesting}
        />
      ))}
      {requesting && (
        <ExemptionRequestDialog
          entityRef={props.entityRef}
          check={requesting}
          onClose={() => setRequesting(undefined)}
          onRequested={() => {
            setRequesting(undefined);
            exemptions.reload();
          }}
        />
      )}
    </InfoCard>
  );
}
