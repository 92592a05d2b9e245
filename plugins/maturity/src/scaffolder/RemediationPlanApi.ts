import {
  createApiRef,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

/**
 * What a pull request of "Fix it" would contain, planned without writing
 * anything: the checks it fixes, the ones it skips and why, every file (an
 * update with its diff).
 *
 * @public
 */
export interface RemediationPlanPreview {
  checks: { id: string; title: string }[];
  skipped: { id: string; reason: string }[];
  files: {
    path: string;
    action: 'create' | 'update';
    content: string;
    diff?: string;
    description: string;
  }[];
  pullRequest: { title: string; body: string };
  /** Validators the backend could not run, with the reason. */
  unvalidated: string[];
}

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
