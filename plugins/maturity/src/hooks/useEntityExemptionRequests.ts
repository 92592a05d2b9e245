import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  type ExemptionRequest,
  maturityExemptionRequestPermission,
} from '@roadmap/plugin-maturity-common';
import { useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../api/MaturityApi';

/** One entity's exemption requests, by check, and whether the caller may ask. */
export interface EntityExemptionRequests {
  /** Whether the caller holds `maturity.exemption.request` for the entity. */
  canRequest: boolean;
  /** The request waiting for an approver, per check. */
  pending: Map<string, ExemptionRequest>;
  /** The latest approved request, per check: who approved it, and when. */
  approved: Map<string, ExemptionRequest>;
  reload: () => void;
  error?: Error;
}

/**
 * The entity's exemption requests for the roadmap tab: a check shows its
 * pending request, and an exemption from an approved request shows who
 * approved it and when.
 */
export function useEntityExemptionRequests(
  entityRef: string,
): EntityExemptionRequests {
  const api = useApi(maturityApiRef);
  const { allowed } = usePermission({
    permission: maturityExemptionRequestPermission,
    resourceRef: entityRef,
  });
  const requests = useAsyncRetry(
    () => api.listExemptionRequests({ entityRef }),
    [api, entityRef],
  );
  return useMemo(() => {
    const pending = new Map<string, ExemptionRequest>();
    const approved = new Map<string, ExemptionRequest>();
    // newest first: the first seen per check is the one that holds
    for (const r of requests.value ?? []) {
      if (r.status === 'requested' && !pending.has(r.checkId)) {
        pending.set(r.checkId, r);
      }
      if (r.status === 'approved' && !approved.has(r.checkId)) {
        approved.set(r.checkId, r);
      }
    }
    return {
      canRequest: allowed,
      pending,
      approved,
      reload: requests.retry,
      error: requests.error,
    };
  }, [allowed, requests.value, requests.retry, requests.error]);
}
