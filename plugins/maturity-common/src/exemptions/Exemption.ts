/**
 * A waiver of one check for one entity, with a reason and an expiry date.
 *
 * @public
 */
export interface Exemption {
  check: string;
  reason: string;
  /** Last day the exemption holds, YYYY-MM-DD. */
  expires: string;
  /** The entity it is for; absent when read from the entity itself. */
  entityRef?: string;
  /**
   * Where it comes from: the entity's annotation, app-config, or an
   * approved request (with its approver).
   */
  source?: 'annotation' | 'config' | 'request';
  approvedBy?: string;
}
