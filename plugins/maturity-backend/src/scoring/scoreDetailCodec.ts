import type { JsonObject } from '@backstage/types';
import type { Check, Rubric } from '@roadmap/plugin-maturity-common';

/** What a check says about itself, the same in every scoring. */
const STATIC_FIELDS = [
  'title',
  'pillar',
  'level',
  'effort',
  'weight',
  'description',
  'remediation',
] as const;

type Item = Record<string, unknown> & { checkId?: unknown };

function staticFieldsOf(check: Check): Record<string, unknown> {
  return {
    title: check.title,
    pillar: check.pillar,
    level: check.level,
    effort: check.effort,
    weight: check.weight,
    description: check.description,
    ...(check.remediation ? { remediation: check.remediation } : {}),
  };
}

function strip(items: unknown, keep: (item: Item) => Item): unknown {
  return Array.isArray(items) ? (items as Item[]).map(keep) : items;
}

/**
 * The results of a scoring as stored: each check's status, message, evidence
 * and exemption, without the check's title, description, remediation and
 * other text that the rubric already holds (about four fifths of the bytes).
 */
export function compactScoreDetail(detail: JsonObject): JsonObject {
  const dropStatic = (item: Item): Item => {
    const out: Item = { ...item };
    for (const field of STATIC_FIELDS) delete out[field];
    return out;
  };
  return {
    ...detail,
    results: strip(detail.results, dropStatic),
    nextSteps: strip(detail.nextSteps, item => {
      const { quickWin, ...rest } = dropStatic(item);
      return { ...rest, quickWin };
    }),
  } as JsonObject;
}

/**
 * The results as the API serves them: the stored ones with each check's
 * text filled in from the rubric. Fields that were stored win, so results
 * stored in full (before compaction) read as they were; a check that left
 * the rubric keeps its id as its title.
 */
export function expandScoreDetail(
  detail: JsonObject,
  rubric: Rubric,
): JsonObject {
  const checks = new Map(rubric.checks.map(c => [c.id, c]));
  const fill =
    (withDescription: boolean) =>
    (item: Item): Item => {
      const check =
        typeof item.checkId === 'string' ? checks.get(item.checkId) : undefined;
      if (!check) return { title: String(item.checkId ?? ''), ...item };
      const { description, ...rest } = staticFieldsOf(check);
      return {
        ...rest,
        ...(withDescription ? { description } : {}),
        ...item,
      };
    };
  // Next steps carry no description (the result of the same check does).
  return {
    ...detail,
    results: strip(detail.results, fill(true)),
    nextSteps: strip(detail.nextSteps, fill(false)),
  } as JsonObject;
}
