import { InputError } from '@backstage/errors';
import { z } from 'zod';
import type { ScoreQuery } from '../database/MaturityStore';

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform(v =>
    v === undefined
      ? undefined
      : (Array.isArray(v) ? v : [v])
          .flatMap(s => s.split(','))
          .map(s => s.trim())
          .filter(Boolean),
  );

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be an integer from ${min} to ${max}, got "${v}"`,
        });
        return z.NEVER;
      }
      return n;
    });

// `pillar=security:40:80`, `pillar=cicd:50:` (min only), `pillar=docs::20`.
const PILLAR_RANGE =
  /^([a-z0-9][a-z0-9._-]*):(\d{0,3}(?:\.\d+)?):(\d{0,3}(?:\.\d+)?)$/i;

const schema = z
  .object({
    owner: list,
    system: list,
    kind: list,
    type: list,
    lifecycle: list,
    level: list,
    entityRef: list,
    text: z.string().max(200, 'text must be at most 200 characters').optional(),
    pillar: list,
    orderBy: z.enum(['score', 'level', 'name', 'scoredAt']).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    offset: integer('offset', 0, 1_000_000),
    limit: integer('limit', 1, 500),
  })
  .strict();

/**
 * Validates the query string of `GET /scores`; throws an InputError (400)
 * that says which parameter is wrong and why.
 */
export function parseScoreQuery(query: unknown): ScoreQuery {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown query parameter ${issue.keys
            .map(k => `"${k}"`)
            .join(', ')}; allowed are ${Object.keys(schema.shape).join(', ')}`
        : `${where}${issue.message}`;
    throw new InputError(`Invalid score query: ${message}`);
  }
  const q = parsed.data;
  const pillarRanges = (q.pillar ?? []).map(spec => {
    const m = PILLAR_RANGE.exec(spec);
    if (!m) {
      throw new InputError(
        `Invalid score query: pillar: "${spec}" must look like <pillar>:<min>:<max>, e.g. security:40:80 or cicd:50:`,
      );
    }
    const min = m[2] === '' ? undefined : Number(m[2]);
    const max = m[3] === '' ? undefined : Number(m[3]);
    if ((min !== undefined && min > 100) || (max !== undefined && max > 100)) {
      throw new InputError(
        `Invalid score query: pillar: "${spec}" bounds must be from 0 to 100`,
      );
    }
    return { pillar: m[1], min, max };
  });
  return {
    owners: q.owner,
    systems: q.system,
    kinds: q.kind,
    types: q.type,
    lifecycles: q.lifecycle,
    levels: q.level,
    entityRefs: q.entityRef,
    text: q.text?.trim() || undefined,
    pillarRanges: pillarRanges.length ? pillarRanges : undefined,
    orderBy: q.orderBy,
    order: q.order,
    offset: q.offset,
    limit: q.limit,
  };
}
