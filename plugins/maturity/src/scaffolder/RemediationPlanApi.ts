import {
  createApiRef,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { RemediationPlanResponse } from '@roadmap/plugin-maturity-common';

/**
 * What a pull request of "Fix it" would contain, planned without writing
 * anything (the backend's `RemediationPlanResponse`).
 *
 * @public
 */
export type RemediationPlanPreview = RemediationPlanResponse;

/**
 * Plans a remediation through the maturity backend
 * (`POST /api/maturity/remediation/plan`).
 *
 * @public
 */
export interface RemediationPlanApi {
  plan(request: {
    entityRef: string;
    checks: string[];
  }): Promise<RemediationPlanPreview>;
}

/** @public */
export const remediationPlanApiRef = createApiRef<RemediationPlanApi>({
  id: 'plugin.maturity.remediation-plan',
});

/**
 * The default client, on the maturity backend's base URL.
 *
 * @public
 */
export class RemediationPlanClient implements RemediationPlanApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async plan(request: { entityRef: string; checks: string[] }) {
    const base = await this.deps.discoveryApi.getBaseUrl('maturity');
    const response = await this.deps.fetchApi.fetch(
      `${base}/remediation/plan`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as RemediationPlanPreview;
  }
}
