import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maturityApiRef } from '../api/MaturityApi';
import { useRubric } from './useRubric';
import { useScoreRefresh } from './useScoreRefresh';

/**
 * The current entity's score, the rubric, and "Score now" for callers with
 * `maturity.score.refresh` (the score reloads after it).
 */
export function useEntityScore() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(maturityApiRef);
  const rubric = useRubric();
  const score = useAsyncRetry(() => api.getScore(entityRef), [api, entityRef]);
  const refresh = useScoreRefresh(entityRef, score.retry);
  return { entity, entityRef, rubric, score, refresh };
}
