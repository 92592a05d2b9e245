import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  type PermissionCondition,
  type PermissionCriteria,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/** Users of the test policy, by what the policy lets them see. */
export const policyUsers = {
  /** Everything. */
  admin: 'user:default/admin',
  /** In the catalog: production services and groups only; every score of those. */
  catalogLimited: 'user:default/catalog-limited',
  /** The whole catalog; scores of production services only. */
  scoreLimited: 'user:default/score-limited',
  /** The whole catalog; no score at all. */
  scoreDenied: 'user:default/score-denied',
};

// Production services and every group.
const productionOrGroup: PermissionCriteria<
  PermissionCondition<'catalog-entity'>
> = {
  anyOf: [
    catalogConditions.hasSpec({ key: 'lifecycle', value: 'production' }),
    catalogConditions.isEntityKind({ kinds: ['group'] }),
  ],
};

class RestrictivePolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const who = user?.info.userEntityRef;
    const name = request.permission.name;
    if (!isResourcePermission(request.permission, 'catalog-entity')) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (who === policyUsers.catalogLimited && name === 'catalog.entity.read') {
      return createCatalogConditionalDecision(
        request.permission,
        productionOrGroup,
      );
    }
    if (who === policyUsers.scoreLimited && name === 'maturity.score.read') {
      return createCatalogConditionalDecision(
        request.permission,
        productionOrGroup,
      );
    }
    if (who === policyUsers.scoreDenied && name === 'maturity.score.read') {
      return { result: AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/**
 * A permission policy for the real permission backend that hides some
 * entities or scores from some users, with catalog conditions resolved by
 * the real catalog backend.
 */
export const restrictivePolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'restrictive-test-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new RestrictivePolicy());
      },
    });
  },
});
