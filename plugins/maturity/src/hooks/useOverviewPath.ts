import { useRouteRef } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../routes';

/** The path of the maturity overview (`/maturity` unless the app moved it). */
export function useOverviewPath(): string {
  try {
    return useRouteRef(rootRouteRef)?.() ?? '/maturity';
  } catch {
    // legacy frontend system: the page is mounted at /maturity by default
    return '/maturity';
  }
}
