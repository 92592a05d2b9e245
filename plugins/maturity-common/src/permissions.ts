import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading maturity scores. Scores are also filtered by catalog read
 * permission: nobody sees the score of an entity they cannot read.
 *
 * @public
 */
export const maturityScoreReadPermission = createPermission({
  name: 'maturity.score.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Refreshing an entity's score on demand.
 *
 * @public
 */
export const maturityScoreRefreshPermission = createPermission({
  name: 'maturity.score.refresh',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * All permissions of the maturity plugin.
 *
 * @public
 */
export const maturityPermissions = [
  maturityScoreReadPermission,
  maturityScoreRefreshPermission,
];
