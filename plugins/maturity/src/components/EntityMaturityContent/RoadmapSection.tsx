import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { CheckResult, Rubric } from '@roadmap/plugin-maturity-common';
import type { EntityExemptionRequests } from '../../hooks/useEntityExemptionRequests';
import { fixItTemplateOf } from '../../fixIt/fixItUrl';
import { CheckAccordion } from '../CheckAccordion';
import { checksByStatus } from './checksByStatus';
import type { RoadmapGroup } from './RoadmapGroup';

function titleOf(list: { id: string; title: string }[], id: string) {
  return list.find(x => x.id === id)?.title ?? id;
}

/**
 * One section of the roadmap (a level band or a pillar): a region named by
 * its heading, its checks with what needs doing first.
 */
export function RoadmapSection(props: {
  group: RoadmapGroup;
  rubric: Rubric;
  quickWins: Set<string>;
  sourceLocation?: string;
  fixItUrl: (checks: CheckResult[]) => string | undefined;
  selected: string[];
  onSelect: (checkId: string, selected: boolean) => void;
  exemptions?: EntityExemptionRequests;
  onRequestExemption?: (check: CheckResult) => void;
}) {
  const { exemptions, onRequestExemption } = props;
  const { group, rubric } = props;
  const headingId = `roadmap-${group.id}`;
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mb: 3 }}>
      <Typography variant="h6" component="h2" id={headingId}>
        {group.title}{' '}
        <Typography component="span" variant="body2" color="text.secondary">
          {group.hint}
        </Typography>
      </Typography>
      {group.checks.length === 0 && (
        <Typography variant="body2">Nothing here.</Typography>
      )}
      {checksByStatus(group.checks).map(check => {
        const open = check.status === 'fail' || check.status === 'unknown';
        const fixable = open && Boolean(fixItTemplateOf(check));
        return (
          <CheckAccordion
            key={check.checkId}
            result={check}
            pillarTitle={titleOf(rubric.pillars, check.pillar)}
            levelTitle={titleOf(rubric.levels, check.level)}
            quickWin={props.quickWins.has(check.checkId)}
            sourceLocation={props.sourceLocation}
            fixItUrl={fixable ? props.fixItUrl([check]) : undefined}
            selected={props.selected.includes(check.checkId)}
            onSelect={
              fixable && check.remediation?.generator
                ? on => props.onSelect(check.checkId, on)
                : undefined
            }
            pendingRequest={exemptions?.pending.get(check.checkId)}
            approvedRequest={exemptions?.approved.get(check.checkId)}
            onRequestExemption={
              open && exemptions?.canRequest && onRequestExemption
                ? () => onRequestExemption(check)
                : undefined
            }
          />
        );
      })}
    </Box>
  );
}
