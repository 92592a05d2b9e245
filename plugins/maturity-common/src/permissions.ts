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
 * Creating a roadmap campaign.
 *
 * @public
 */
export const maturityCampaignCreatePermission = createPermission({
  name: 'maturity.campaign.create',
  attributes: { action: 'create' },
});

/**
 * Changing or archiving a roadmap campaign.
 *
 * @public
 */
export const maturityCampaignUpdatePermission = createPermission({
  name: 'maturity.campaign.update',
  attributes: { action: 'update' },
});

/**
 * Asking for an exemption of one of an entity's checks. A policy usually
 * allows it to the entity's owners (`isEntityOwner`).
 *
 * @public
 */
export const maturityExemptionRequestPermission = createPermission({
  name: 'maturity.exemption.request',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/**
 * Approving, denying or revoking exemption requests.
 *
 * @public
 */
export const maturityExemptionApprovePermission = createPermission({
  name: 'maturity.exemption.approve',
  attributes: { action: 'update' },
});

/**
 * Pushing facts about an entity (`POST /api/maturity/facts`), e.g. from a CI
 * job through an external access token restricted to this permission.
 *
 * @public
 */
export const maturityFactsWritePermission = createPermission({
  name: 'maturity.facts.write',
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
  maturityCampaignCreatePermission,
  maturityCampaignUpdatePermission,
  maturityExemptionRequestPermission,
  maturityExemptionApprovePermission,
  maturityFactsWritePermission,
];
