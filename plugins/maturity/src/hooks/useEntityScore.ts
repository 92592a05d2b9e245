import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { maturityScoreRefreshPermission } from '@roadmap/plugin-maturity-common';
import { useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../api/MaturityApi';

/**
 * The current entity's score, the rubric, and a refresh for callers with
 * `maturity.score.refresh`.
 */
export function useEntityScore() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(maturityApiRef);
  const rubric = useAsync(() => api.getRubric(), [api]);
  const score = useAsyncRetry(() => api.getScore(entityRef), [api, entityRef]);
  const { allowed: canRefresh } = usePermission({
    permission: maturityScoreRefreshPermission,
    resourceRef: entityRef,
  });
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<Error>();
  const { retry } = score;
  const refresh = useCallback(async () => {
    setRefreshing(true);
    setRefreshError(undefined);
    try {
      await api.refreshScore(entityRef);
      retry();
    } catch (error) {
      setRefreshError(error as Error);
    } finally {
      setRefreshing(false);
    }
  }, [api, entityRef, retry]);
  return {
    entity,
    entityRef,
    rubric,
    score,
    canRefresh,
    refresh,
    refreshing,
    refreshError,
  };
}
