import CheckCircle from '@material-ui/icons/CheckCircle';
import Cancel from '@material-ui/icons/Cancel';
import HelpOutline from '@material-ui/icons/HelpOutline';
import NotInterested from '@material-ui/icons/NotInterested';
import PauseCircleOutline from '@material-ui/icons/PauseCircleOutline';
import Schedule from '@material-ui/icons/Schedule';
import Box from '@mui/material/Box';
import type { CheckStatus } from '@roadmap/plugin-maturity-common';

const STATUS: Record<
  CheckStatus,
  { label: string; color: string; Icon: typeof CheckCircle }
> = {
  pass: { label: 'Pass', color: '#2e7d32', Icon: CheckCircle },
  fail: { label: 'Fail', color: '#c62828', Icon: Cancel },
  unknown: { label: 'Unknown', color: '#6d6d6d', Icon: HelpOutline },
  exempt: { label: 'Exempt', color: '#5c6bc0', Icon: PauseCircleOutline },
  'not-applicable': {
    label: 'Not applicable',
    color: '#6d6d6d',
    Icon: NotInterested,
  },
  upcoming: { label: 'Upcoming', color: '#8a6d00', Icon: Schedule },
};

/**
 * A check's status as an icon and a word, so colour is never the only
 * signal.
 *
 * @public
 */
export function CheckStatusLabel(props: { status: CheckStatus }) {
  const { label, color, Icon } = STATUS[props.status];
  return (
    <Box
      component="span"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color }}
    >
      <Icon fontSize="small" aria-hidden />
      <span>{label}</span>
    </Box>
  );
}
