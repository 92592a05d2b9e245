import type { Entity } from '@backstage/catalog-model';

/**
 * Whether the maturity card and tab belong on an entity's page (the default
 * rubric scores Components); for `EntitySwitch` in legacy apps.
 *
 * @public
 */
export function isMaturityAvailable(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'component';
}
