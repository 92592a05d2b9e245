import {
  type Entity,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { ScoredEntityFields } from '../database/ScoreStore';

const stringField = (value: unknown) =>
  typeof value === 'string' ? value : undefined;

/** The entity fields stored beside its score, for filtering and sorting. */
export function scoredEntityFields(entity: Entity): ScoredEntityFields {
  return {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
    title: entity.metadata.title,
    owner: entity.relations?.find(r => r.type === RELATION_OWNED_BY)?.targetRef,
    system: entity.relations?.find(r => r.type === RELATION_PART_OF)?.targetRef,
    type: stringField(entity.spec?.type),
    lifecycle: stringField(entity.spec?.lifecycle),
    tags: entity.metadata.tags?.filter(t => typeof t === 'string'),
  };
}
