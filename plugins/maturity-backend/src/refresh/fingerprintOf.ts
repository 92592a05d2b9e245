import type { Entity } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';

/**
 * A digest of everything in an entity (and the rubric) that its score
 * depends on; when it changes, the entity is due at once.
 */
export function fingerprintOf(entity: Entity, rubricHash: string): string {
  const { metadata, spec, relations } = entity;
  const stable = JSON.stringify({
    rubricHash,
    annotations: metadata.annotations,
    labels: metadata.labels,
    tags: metadata.tags,
    links: metadata.links,
    title: metadata.title,
    spec,
    relations,
  });
  return createHash('sha256').update(stable).digest('hex').slice(0, 32);
}
