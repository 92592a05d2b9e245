import { Link } from '@backstage/core-components';
import ExpandMore from '@material-ui/icons/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type {
  CheckResult,
  ExemptionRequest,
} from '@roadmap/plugin-maturity-common';
import { formatDay } from '../../campaigns/formatDay';
import { CheckStatusLabel } from '../CheckStatusLabel';
import { EvidenceList } from '../EvidenceList';
import { exemptionSourceText } from './exemptionSourceText';

/**
 * One check of the roadmap: status, what was found, why it matters, the
 * evidence, how to fix it and "Fix it"; optionally selectable for a
 * combined fix; its exemption and where it comes from, a pending request,
 * or "Request exemption".
 *
 * @public
 */
export function CheckAccordion(props: {
  result: CheckResult;
  pillarTitle: string;
  levelTitle: string;
  quickWin?: boolean;
  sourceLocation?: string;
  fixItUrl?: string;
  selected?: boolean;
  onSelect?: (selected: boolean) => void;
  /** The request for this check waiting for an approver. */
  pendingRequest?: ExemptionRequest;
  /** The approved request behind the check's exemption. */
  approvedRequest?: ExemptionRequest;
  /** Opens the request dialog; absent for those who may not ask. */
  onRequestExemption?: () => void;
}) {
  const { result, pendingRequest } = props;
  const open = result.status === 'fail' || result.status === 'unknown';
  const source = result.exemption
    ? exemptionSourceText(result.exemption, props.approvedRequest)
    : undefined;
  const headingId = `check-${result.checkId}`;
  // The checkbox sits beside the accordion, not inside its summary: a
  // control inside the summary's button is not reachable by assistive
  // technology (axe: nested-interactive).
  return (
    <Box sx={{ display: 'flex', alignItems: 'flex-start' }}>
      {props.onSelect ? (
        <Checkbox
          size="small"
          sx={{ mt: 0.75 }}
          checked={props.selected ?? false}
          onChange={e => props.onSelect!(e.target.checked)}
          inputProps={{ 'aria-label': `Select ${result.title} to fix` }}
        />
      ) : (
        // keeps the titles aligned with the selectable rows
        <Box sx={{ width: 38, flexShrink: 0 }} aria-hidden />
      )}
      <Accordion
        disableGutters
        TransitionProps={{ unmountOnExit: true }}
        sx={{ flex: 1, minWidth: 0 }}
      >
        <AccordionSummary
          expandIcon={<ExpandMore />}
          aria-controls={`${headingId}-details`}
          id={headingId}
        >
          <Box
            sx={{
              display: 'flex',
              alignItems: 'center',
              gap: 1,
              flexWrap: 'wrap',
              width: '100%',
            }}
          >
            <Box sx={{ minWidth: 120 }}>
              <CheckStatusLabel status={result.status} />
            </Box>
            <Typography sx={{ flex: 1, minWidth: 200 }}>
              {result.title}
            </Typography>
            {pendingRequest && (
              <Chip
                size="small"
                variant="outlined"
                label="Exemption requested"
              />
            )}
            {props.quickWin && (
              <Chip
                size="small"
                label="Quick win"
                color="success"
                variant="outlined"
              />
            )}
            <Chip size="small" label={props.pillarTitle} variant="outlined" />
            <Chip size="small" label={props.levelTitle} variant="outlined" />
            <Typography variant="caption" color="text.secondary">
              effort {result.effort}
            </Typography>
          </Box>
        </AccordionSummary>
        <AccordionDetails id={`${headingId}-details`}>
          <Typography variant="body2" paragraph>
            {result.message}
          </Typography>
          {result.exemption && (
            <Typography variant="body2" paragraph>
              <strong>Exempt</strong> until{' '}
              {result.exemption.expires.slice(0, 10)}
              {source ? ` (${source})` : ''}: {result.exemption.reason}
            </Typography>
          )}
          {result.status === 'upcoming' && result.enabledFrom && (
            <Typography variant="body2" paragraph>
              <strong>Upcoming</strong>: counts toward the level from{' '}
              {formatDay(result.enabledFrom)}; until then it is shown, not
              counted.
            </Typography>
          )}
          {pendingRequest && open && (
            <Typography variant="body2" paragraph>
              <strong>Exemption requested</strong> by{' '}
              {pendingRequest.requestedBy.replace(/^[a-z]+:default\//, '')} on{' '}
              {formatDay(pendingRequest.requestedAt)}, until{' '}
              {formatDay(pendingRequest.expires)}: {pendingRequest.reason} —
              waiting for an approver.
            </Typography>
          )}
          <Typography variant="subtitle2" component="h4">
            Why it matters
          </Typography>
          <Typography variant="body2" paragraph>
            {result.description}
          </Typography>
          {result.evidence.length > 0 && (
            <>
              <Typography variant="subtitle2" component="h4">
                Evidence
              </Typography>
              <EvidenceList
                evidence={result.evidence}
                sourceLocation={props.sourceLocation}
              />
            </>
          )}
          {open && (
            <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mt: 1 }}>
              {result.remediation?.docs && (
                <Link to={result.remediation.docs}>How to fix it</Link>
              )}
              {props.fixItUrl && (
                <Button
                  variant="contained"
                  size="small"
                  href={props.fixItUrl}
                  aria-label={`Fix it: ${result.title}`}
                >
                  Fix it
                </Button>
              )}
              {props.onRequestExemption && !pendingRequest && (
                <Button
                  size="small"
                  onClick={props.onRequestExemption}
                  aria-label={`Request exemption: ${result.title}`}
                >
                  Request exemption
                </Button>
              )}
            </Box>
          )}
        </AccordionDetails>
      </Accordion>
    </Box>
  );
}
