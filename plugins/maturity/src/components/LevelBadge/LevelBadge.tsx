import Chip from '@mui/material/Chip';
import EmojiEventsOutlined from '@material-ui/icons/EmojiEventsOutlined';
import RemoveCircleOutline from '@material-ui/icons/RemoveCircleOutline';

const LEVEL_COLORS: Record<string, string> = {
  bronze: '#a97142',
  silver: '#8a8d91',
  gold: '#c9a227',
};

/**
 * The level a service reached, as text with an icon (never colour alone).
 *
 * @public
 */
export function LevelBadge(props: { level: string | null; title?: string }) {
  const { level, title } = props;
  if (!level) {
    return (
      <Chip
        size="small"
        variant="outlined"
        icon={<RemoveCircleOutline fontSize="small" />}
        label="No level yet"
      />
    );
  }
  const color = LEVEL_COLORS[level];
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={
        <EmojiEventsOutlined
          fontSize="small"
          style={color ? { color } : undefined}
        />
      }
      label={title ?? level}
      sx={color ? { borderColor: color } : undefined}
    />
  );
}
