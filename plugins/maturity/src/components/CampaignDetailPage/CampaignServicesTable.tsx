import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Cancel from '@material-ui/icons/Cancel';
import CheckCircle from '@material-ui/icons/CheckCircle';
import Schedule from '@material-ui/icons/Schedule';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type {
  CampaignProgressResponse,
  CampaignServiceProgress,
  Rubric,
} from '@roadmap/plugin-maturity-common';
import { fixItTemplateOf } from '../../fixIt/fixItUrl';
import { useFixItUrl } from '../../fixIt/useFixItUrl';
import { LevelBadge } from '../LevelBadge';
import { dataTableSx } from '../dataTableSx';
import { visuallyHiddenSx } from '../visuallyHiddenSx';

type Phase = CampaignServiceProgress['phases'][number];

function PhaseStatus(props: { phase: Phase }) {
  const { phase } = props;
  let label: string;
  let Icon = CheckCircle;
  let color = '#2e7d32';
  if (phase.upcoming) {
    [label, Icon, color] = ['Upcoming', Schedule, '#8a6d00'];
  } else if (phase.met) {
    label = phase.exempt.length ? `Met (${phase.exempt.length} exempt)` : 'Met';
  } else {
    [label, Icon, color] = [
      `${phase.checksLeft.length} left`,
      Cancel,
      '#c62828',
    ];
  }
  return (
    <Box
      component="span"
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        color,
        whiteSpace: 'nowrap',
      }}
    >
      <Icon fontSize="small" aria-hidden />
      <span>{label}</span>
    </Box>
  );
}

function ServiceRow(props: {
  service: CampaignServiceProgress;
  rubric: Rubric;
}) {
  const { service, rubric } = props;
  const fixItUrl = useFixItUrl(service.entityRef);
  const next = service.phases.findIndex(p => !p.met);
  const left = next < 0 ? [] : service.phases[next].checksLeft;
  const checks = left.map(id => ({
    checkId: id,
    title: rubric.checks.find(c => c.id === id)?.title ?? id,
    remediation: rubric.checks.find(c => c.id === id)?.remediation,
  }));
  const levelTitle = rubric.levels.find(l => l.id === service.level)?.title;
  const fixable = checks.filter(c => fixItTemplateOf(c));
  // several checks go to the template that fixes any set of gaps
  let url: string | undefined;
  if (fixable.length === 1) url = fixItUrl(fixable);
  if (fixable.length > 1) {
    url = fixItUrl(
      fixable.map(c => ({ ...c, remediation: { generator: c.checkId } })),
    );
  }
  const name = service.title ?? service.name;
  return (
    <TableRow>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <EntityRefLink entityRef={service.entityRef} title={service.title} />
      </TableCell>
      <TableCell>
        {service.owner?.replace(/^[a-z]+:default\//, '') ?? '—'}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        <LevelBadge level={service.level} title={levelTitle} />
      </TableCell>
      {service.phases.map((p, i) => (
        <TableCell key={i}>
          <PhaseStatus phase={p} />
        </TableCell>
      ))}
      <TableCell>
        {checks.length === 0 ? (
          <Typography variant="body2">Nothing left</Typography>
        ) : (
          <Typography variant="body2">
            {checks.map(c => c.title).join(', ')}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        {url ? (
          <Button
            size="small"
            variant="outlined"
            href={url}
            aria-label={`Fix it: ${name}`}
          >
            Fix it
          </Button>
        ) : null}
      </TableCell>
    </TableRow>
  );
}

/**
 * Every service in scope: its team and level, per phase met / checks left
 * / upcoming, the checks left of its next phase, and "Fix it" for them.
 */
export function CampaignServicesTable(props: {
  progress: CampaignProgressResponse;
  rubric: Rubric;
  services: CampaignServiceProgress[];
}) {
  const { campaign } = props.progress;
  return (
    <TableContainer>
      <Table size="small" aria-label="Services in scope" sx={dataTableSx}>
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            <TableCell>Team</TableCell>
            <TableCell>Level</TableCell>
            {campaign.phases.map((p, i) => (
              <TableCell key={i}>
                {i + 1}. {p.title}
              </TableCell>
            ))}
            <TableCell>Checks left (next phase)</TableCell>
            <TableCell>
              <Box component="span" sx={visuallyHiddenSx}>
                Fix it
              </Box>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.services.map(s => (
            <ServiceRow key={s.entityRef} service={s} rubric={props.rubric} />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
