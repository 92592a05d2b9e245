import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import type { CampaignProgressResponse } from '@roadmap/plugin-maturity-common';
import { formatDay } from '../../campaigns/formatDay';
import { scopeChanges } from '../../campaigns/scopeChanges';

/**
 * The services that entered the scope after the start (a new service, a
 * changed owner, type or lifecycle) and those that left it — so the
 * numbers of a review can be explained.
 */
export function ScopeChanges(props: { progress: CampaignProgressResponse }) {
  const { joined, left } = scopeChanges(props.progress);
  if (joined.length === 0 && left.length === 0) {
    return (
      <Typography variant="body2">
        No service joined or left the scope since the campaign started.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Scope changes">
      {joined.map(s => (
        <ListItem key={`joined:${s.entityRef}`} disableGutters>
          <Typography variant="body2">
            Joined {formatDay(s.joinedAt!)}:{' '}
            <EntityRefLink entityRef={s.entityRef} title={s.title} />
          </Typography>
        </ListItem>
      ))}
      {left.map(l => (
        <ListItem key={`left:${l.entityRef}`} disableGutters>
          <Typography variant="body2">
            Left {formatDay(l.leftAt)}:{' '}
            <EntityRefLink entityRef={l.entityRef} />
          </Typography>
        </ListItem>
      ))}
    </List>
  );
}
