import { InputError } from '@backstage/errors';
import type { Rubric } from '@roadmap/plugin-maturity-common';
import { z } from 'zod';
import type { ScoreQuery } from '../database/ScoreQuery';
import { boundedInteger, boundedList, boundedText } from './boundedInputs';
import { parseInput } from './parseInput';

// `pillar=security:40:80`, `pillar=cicd:50:` (min only), `pillar=docs::20`.
const PILLAR_RANGE =
  /^([a-z0-9][a-z0-9._-]{0,62}):(\d{0,3}(?:\.\d{1,3})?):(\d{0,3}(?:\.\d{1,3})?)$/i;

const schema = z
  .object({
    owner: boundedList('owner', 100),
    system: boundedList('system', 100),
    kind: boundedList('kind', 20, 63),
    type: boundedList('type', 50, 63),
    lifecycle: boundedList('lifecycle', 50, 63),
    level: boundedList('level', 20, 63),
    entityRef: boundedList('entityRef', 500),
    text: boundedText('text', 200).optional(),
    pillar: boundedList('pillar', 50, 80),
    orderBy: z.enum(['score', 'level', 'name', 'scoredAt']).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    offset: boundedInteger('offset', 0, 1_000_000),
    limit: boundedInteger('limit', 1, 500),
  })
  .strict();

/** The query parameters `GET /scores`, `/levels` and `/movers` take. */
export const SCORE_QUERY_PARAMETERS = Object.keys(schema.shape);

function pillarRanges(
  specs: string[] | undefined,
  rubric: Rubric,
): ScoreQuery['pillarRanges'] {
  if (!specs?.length) return undefined;
  const pillars = rubric.pillars.map(p => p.id);
  const seen = new Set<string>();
  return specs.map(spec => {
    const m = PILLAR_RANGE.exec(spec);
    if (!m) {
      throw new InputError(
        `Invalid score query: pillar: "${spec}" must look like <pillar>:<min>:<max>, e.g. security:40:80 or cicd:50:`,
      );
    }
    const pillar = m[1].toLocaleLowerCase('en-US');
    if (!pillars.includes(pillar)) {
      throw new InputError(
        `Invalid score query: pillar: "${
          m[1]
        }" is not a pillar; pillars are ${pillars.join(', ')}`,
      );
    }
    if (seen.has(pillar)) {
      throw new InputError(
        `Invalid score query: pillar: "${pillar}" is given twice; give one range per pillar`,
      );
    }
    seen.add(pillar);
    const min = m[2] === '' ? undefined : Number(m[2]);
    const max = m[3] === '' ? undefined : Number(m[3]);
    if ((min !== undefined && min > 100) || (max !== undefined && max > 100)) {
      throw new InputError(
        `Invalid score query: pillar: "${spec}" bounds must be from 0 to 100`,
      );
    }
    return { pillar, min, max };
  });
}

function levels(values: string[] | undefined, rubric: Rubric) {
  if (!values?.length) return undefined;
  const known = [...rubric.levels.map(l => l.id), 'none'];
  for (const level of values) {
    if (!known.includes(level)) {
      throw new InputError(
        `Invalid score query: level: "${level}" is not a level; levels are ${known.join(
          ', ',
        )}`,
      );
    }
  }
  return values;
}

/**
 * Validates the query string of `GET /scores` (and `/levels`, `/movers`)
 * against the rubric; throws an InputError (400) that says which parameter
 * is wrong and why. Every list, string and range is bounded, so that no
 * request can make the database plan or run an unbounded query.
 */
export function parseScoreQuery(query: unknown, rubric: Rubric): ScoreQuery {
  const q = parseInput(schema, query, 'score query');
  return {
    owners: q.owner,
    systems: q.system,
    kinds: q.kind,
    types: q.type,
    lifecycles: q.lifecycle,
    levels: levels(q.level, rubric),
    entityRefs: q.entityRef,
    text: q.text?.trim() || undefined,
    pillarRanges: pillarRanges(q.pillar, rubric),
    orderBy: q.orderBy,
    order: q.order,
    offset: q.offset,
    limit: q.limit,
  };
}
