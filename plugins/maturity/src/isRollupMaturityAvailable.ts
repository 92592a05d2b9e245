import type { Entity } from '@backstage/catalog-model';

/**
 * Whether the roll-up maturity card belongs on an entity's page: Systems
 * and Domains, scored over their children (Groups have the team card); for
 * `EntitySwitch` in legacy apps.
 *
 * @public
 */
export function isRollupMaturityAvailable(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return kind === 'system' || kind === 'domain';
}
