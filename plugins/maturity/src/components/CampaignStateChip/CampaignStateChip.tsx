import Archive from '@material-ui/icons/Archive';
import CheckCircle from '@material-ui/icons/CheckCircle';
import Edit from '@material-ui/icons/Edit';
import PlayCircleOutline from '@material-ui/icons/PlayCircleOutline';
import Schedule from '@material-ui/icons/Schedule';
import Warning from '@material-ui/icons/Warning';
import Chip from '@mui/material/Chip';
import type { CampaignState } from '@roadmap/plugin-maturity-common';

const STATES: Record<CampaignState, { label: string; Icon: typeof Edit }> = {
  draft: { label: 'Draft', Icon: Edit },
  scheduled: { label: 'Scheduled', Icon: Schedule },
  active: { label: 'Active', Icon: PlayCircleOutline },
  completed: { label: 'Completed', Icon: CheckCircle },
  archived: { label: 'Archived', Icon: Archive },
};

/**
 * Where a campaign is in its life, as an icon and a word.
 *
 * @public
 */
export function CampaignStateChip(props: { state: CampaignState }) {
  const { label, Icon } = STATES[props.state];
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<Icon fontSize="small" aria-hidden />}
      label={label}
    />
  );
}

/**
 * "At risk": the forecast falls after a phase's due date. An icon and a
 * word, never colour alone.
 *
 * @public
 */
export function AtRiskChip() {
  return (
    <Chip
      size="small"
      color="warning"
      variant="outlined"
      icon={<Warning fontSize="small" aria-hidden />}
      label="At risk"
      // MUI's warning orange on white is below 4.5:1; the text keeps the
      // theme's text colour, the border and icon carry the accent.
      sx={{ color: 'text.primary' }}
    />
  );
}
