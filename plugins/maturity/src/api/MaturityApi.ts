import { createApiRef } from '@backstage/frontend-plugin-api';
import type { Rubric } from '@roadmap/plugin-maturity-common';

/**
 * Client of the maturity backend (`/api/maturity`).
 *
 * @public
 */
export interface MaturityApi {
  /** The effective rubric: the default one with the adopter's overrides. */
  getRubric(): Promise<Rubric>;
}

/**
 * API reference for {@link MaturityApi}.
 *
 * @public
 */
export const maturityApiRef = createApiRef<MaturityApi>({
  id: 'plugin.maturity.api',
});
