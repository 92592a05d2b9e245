import { Link } from '@backstage/core-components';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import TrendingDown from '@material-ui/icons/TrendingDown';
import TrendingUp from '@material-ui/icons/TrendingUp';
import type { ScoreMoverResponse } from '@roadmap/plugin-maturity-common';

function pathOf(entityRef: string): string {
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind,
  )}/${encodeURIComponent(name)}`;
}

/**
 * The services whose score moved most over the last 30 or 90 days.
 *
 * @public
 */
export function Movers(props: {
  days: number;
  onDays(days: number): void;
  items?: ScoreMoverResponse[];
}) {
  return (
    <>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={props.days}
        onChange={(_e, days) => days && props.onDays(days)}
        aria-label="Period"
      >
        <ToggleButton value={30}>30 days</ToggleButton>
        <ToggleButton value={90}>90 days</ToggleButton>
      </ToggleButtonGroup>
      {props.items && props.items.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          No score changed in the last {props.days} days.
        </Typography>
      )}
      <List dense>
        {props.items?.map(m => (
          <ListItem key={m.entityRef} disableGutters>
            {m.delta > 0 ? (
              <TrendingUp color="primary" aria-hidden />
            ) : (
              <TrendingDown color="error" aria-hidden />
            )}
            <ListItemText
              sx={{ ml: 1 }}
              primary={
                <Link to={pathOf(m.entityRef)}>{m.title ?? m.name}</Link>
              }
              secondary={`${m.delta > 0 ? 'up' : 'down'} ${Math.abs(
                m.delta,
              )} points: ${Math.round(m.from.score)} → ${Math.round(
                m.to.score,
              )}${
                m.from.level !== m.to.level
                  ? ` (${m.from.level ?? 'no level'} → ${
                      m.to.level ?? 'no level'
                    })`
                  : ''
              }`}
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}
