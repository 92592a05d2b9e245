import { useApi } from '@backstage/frontend-plugin-api';
import Flag from '@material-ui/icons/Flag';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type {
  EntityCampaignsResponse,
  Rubric,
} from '@roadmap/plugin-maturity-common';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../../api/MaturityApi';
import { dueIn, formatDay, todayIso } from '../../campaigns/formatDay';
import { phaseTargetLabel } from '../../campaigns/phaseTargetLabel';
import { useCampaignPaths } from '../../hooks/useCampaignPaths';

type Item = EntityCampaignsResponse['items'][number];

/** "Silver by 31 Mar 2027: 2 checks left, due in 14 days". */
export function campaignStripText(
  item: Item,
  options: { rubric?: Pick<Rubric, 'levels'>; today: string },
): string {
  const { phase } = item;
  if (!phase) return 'every phase met';
  const target = `${phaseTargetLabel(phase, options.rubric)} by ${formatDay(
    phase.dueDate,
  )}`;
  if (item.upcoming) {
    return `${target}: upcoming${
      phase.enabledFrom ? `, counts from ${formatDay(phase.enabledFrom)}` : ''
    }`;
  }
  if (item.met) return `${target}: met`;
  const n = item.checksLeft.length;
  const left = n ? `${n} check${n === 1 ? '' : 's'} left` : 'not met yet';
  return `${target}: ${left}, ${dueIn(phase.dueDate, options.today)}`;
}

/**
 * The campaigns an entity is in, one line each: the target of its next
 * phase, what is left and when it is due, linked to the campaign. Renders
 * nothing when the entity is in no campaign (or they cannot be read), so
 * the card stays as it was for services outside campaigns.
 *
 * @public
 */
export function EntityCampaignStrip(props: {
  entityRef: string;
  rubric?: Pick<Rubric, 'levels'>;
}) {
  const api = useApi(maturityApiRef);
  const paths = useCampaignPaths();
  const campaigns = useAsync(
    () => api.getEntityCampaigns(props.entityRef),
    [api, props.entityRef],
  );
  const items = campaigns.value?.items ?? [];
  if (items.length === 0) return null;
  const today = todayIso();
  return (
    <Box
      component="ul"
      aria-label="Campaigns"
      sx={{ listStyle: 'none', p: 0, m: 0, mb: 2 }}
    >
      {items.map(item => (
        <Box
          component="li"
          key={item.campaign.id}
          sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, mb: 0.5 }}
        >
          <Flag fontSize="small" aria-hidden style={{ marginTop: 2 }} />
          <Typography variant="body2">
            <Link component={RouterLink} to={paths.campaign(item.campaign.id)}>
              {item.campaign.title}
            </Link>
            {' — '}
            {campaignStripText(item, { rubric: props.rubric, today })}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
