import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { maturityApiRef } from '../api/MaturityApi';

/** The rubric the backend scores with: pillars, levels and checks. */
export function useRubric() {
  const api = useApi(maturityApiRef);
  return useAsync(() => api.getRubric(), [api]);
}
