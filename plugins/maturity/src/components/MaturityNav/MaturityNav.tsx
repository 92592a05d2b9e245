import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { Link as RouterLink } from 'react-router-dom';
import { useCampaignPaths } from '../../hooks/useCampaignPaths';

/**
 * Links between the maturity page's parts: the overview, the campaigns
 * and the exemption requests. A navigation landmark, reachable by
 * keyboard, with the current part marked for assistive technology (and
 * in bold, not by colour alone).
 */
export function MaturityNav(props: {
  current: 'overview' | 'campaigns' | 'exemptions';
}) {
  const paths = useCampaignPaths();
  const items = [
    { id: 'overview', title: 'Overview', to: paths.overview },
    { id: 'campaigns', title: 'Campaigns', to: paths.list },
    { id: 'exemptions', title: 'Exemption requests', to: paths.exemptions },
  ] as const;
  return (
    <Box
      component="nav"
      aria-label="Roadmap maturity"
      sx={{ display: 'flex', gap: 3, mb: 2 }}
    >
      {items.map(item => {
        const current = props.current === item.id;
        return (
          <Link
            key={item.id}
            component={RouterLink}
            to={item.to}
            aria-current={current ? 'page' : undefined}
            underline={current ? 'always' : 'hover'}
            sx={{ fontWeight: current ? 700 : undefined }}
          >
            {item.title}
          </Link>
        );
      })}
    </Box>
  );
}
