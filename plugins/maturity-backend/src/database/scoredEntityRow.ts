import type { ScoredEntityFields } from './ScoreStore';

/** The `maturity_scores` columns that hold an entity's catalog fields. */
export const SCORED_ENTITY_COLUMNS = [
  'maturity_scores.entity_ref',
  'maturity_scores.kind',
  'maturity_scores.namespace',
  'maturity_scores.name',
  'maturity_scores.title',
  'maturity_scores.owner',
  'maturity_scores.system',
  'maturity_scores.type',
  'maturity_scores.lifecycle',
  'maturity_scores.tags',
];

/** An entity's catalog fields from a row read with {@link SCORED_ENTITY_COLUMNS}. */
export function scoredEntityFieldsOf(
  r: Record<string, any>,
): ScoredEntityFields {
  return {
    entityRef: r.entity_ref,
    kind: r.kind,
    namespace: r.namespace,
    name: r.name,
    title: r.title ?? undefined,
    owner: r.owner ?? undefined,
    system: r.system ?? undefined,
    type: r.type ?? undefined,
    lifecycle: r.lifecycle ?? undefined,
    tags: r.tags ? String(r.tags).split(',') : undefined,
  };
}

/** The {@link SCORED_ENTITY_COLUMNS} values of an entity's catalog fields. */
export function scoredEntityRowOf(
  fields: ScoredEntityFields,
): Record<string, string | null> {
  return {
    entity_ref: fields.entityRef,
    kind: fields.kind,
    namespace: fields.namespace,
    name: fields.name,
    title: fields.title ?? null,
    owner: fields.owner ?? null,
    system: fields.system ?? null,
    type: fields.type ?? null,
    lifecycle: fields.lifecycle ?? null,
    tags: fields.tags?.length ? fields.tags.join(',') : null,
  };
}

/** A comma-separated list of check ids, as a snapshot stores it. */
export const checkSet = (value: string | null | undefined) =>
  new Set(value ? value.split(',') : []);
