import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { teamRouteRef } from '../routes';

function useTeamRoute() {
  try {
    return useRouteRef(teamRouteRef);
  } catch {
    // legacy frontend system: the page is mounted at /maturity by default
    return undefined;
  }
}

/** The path of a team's maturity view. */
export function useTeamPath(): (groupRef: string) => string {
  const route = useTeamRoute();
  return groupRef => {
    const { namespace, name } = parseEntityRef(groupRef, {
      defaultKind: 'group',
    });
    return (
      route?.({ namespace, name }) ??
      `/maturity/team/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}`
    );
  };
}
