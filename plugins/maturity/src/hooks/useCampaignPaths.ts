import {
  type AnyRouteRefParams,
  type RouteFunc,
  type RouteRef,
  type SubRouteRef,
  useRouteRef,
} from '@backstage/frontend-plugin-api';
import {
  campaignRouteRef,
  campaignsRouteRef,
  exemptionRequestsRouteRef,
  rootRouteRef,
} from '../routes';

// In an app of the legacy frontend system the new system's route refs do
// not resolve (the same way in every render): the page is at /maturity there.
function useOptionalRouteRef<TParams extends AnyRouteRefParams>(
  ref: RouteRef<TParams> | SubRouteRef<TParams>,
): RouteFunc<TParams> | undefined {
  try {
    return useRouteRef(ref);
  } catch {
    return undefined;
  }
}

/** Where the campaign pages are, from anywhere in the app. */
export interface CampaignPaths {
  /** The overview, the maturity page itself. */
  overview: string;
  /** The campaigns list. */
  list: string;
  /** One campaign's detail. */
  campaign(id: string): string;
  /** The exemption requests approvers decide. */
  exemptions: string;
}

/** The paths of the campaign pages under the maturity page. */
export function useCampaignPaths(): CampaignPaths {
  const root = useOptionalRouteRef(rootRouteRef);
  const list = useOptionalRouteRef(campaignsRouteRef);
  const one = useOptionalRouteRef(campaignRouteRef);
  const exemptions = useOptionalRouteRef(exemptionRequestsRouteRef);
  return {
    overview: root?.() ?? '/maturity',
    list: list?.() ?? '/maturity/campaigns',
    campaign: id =>
      one?.({ id }) ?? `/maturity/campaigns/${encodeURIComponent(id)}`,
    exemptions: exemptions?.() ?? '/maturity/exemptions',
  };
}
