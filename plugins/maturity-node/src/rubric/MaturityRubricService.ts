import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { Exemption, Rubric } from '@roadmap/plugin-maturity-common';
import { DefaultMaturityRubricService } from './DefaultMaturityRubricService';

/**
 * The organisation's effective rubric — the default rubric with the
 * adopter's `maturity.rubric` overrides and `maturity.rubricFile` applied —
 * and the exemptions declared in `maturity.exemptions`. Everything that
 * scores (the backend plugin, the scaffolder actions, the CLI) reads it from
 * here, so a check the organisation disabled is disabled everywhere.
 *
 * @public
 */
export interface MaturityRubricService {
  /** The effective rubric, validated. */
  getRubric(): Rubric;
  /** Exemptions from configuration (entities' own annotations come on top). */
  getExemptions(): Exemption[];
}

/**
 * Service ref of {@link MaturityRubricService}. Root-scoped: one rubric for
 * the whole backend. The default factory reads it from the root config and
 * fails the backend's start with the bad key named when it is invalid.
 * Replace it with your own factory to compute the rubric differently.
 *
 * @public
 */
export const maturityRubricServiceRef = createServiceRef<MaturityRubricService>(
  {
    id: 'maturity.rubric',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { config: coreServices.rootConfig },
        factory: ({ config }) =>
          DefaultMaturityRubricService.fromConfig(config),
      }),
  },
);
