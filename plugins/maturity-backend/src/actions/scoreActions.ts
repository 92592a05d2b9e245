import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { Rubric } from '@roadmap/plugin-maturity-common';
import { parseScoreQuery } from '../api/parseScoreQuery';
import type { ScoreService } from '../service/ScoreService';
import { actionEntityRef } from './actionEntityRef';
import { READ_ONLY_ACTION } from './readOnlyAction';

/**
 * The score actions: what an agent needs to answer "where does this service
 * stand, and what next?". Each reads through {@link ScoreService} with the
 * caller's credentials, so the catalog and maturity read permissions apply
 * exactly as in the REST API.
 */
export function registerScoreActions(
  actions: ActionsRegistryService,
  deps: { scores: ScoreService; rubric: Rubric },
) {
  const { scores, rubric } = deps;

  actions.register({
    name: 'get-entity-score',
    title: 'Get an entity’s maturity score',
    description:
      'The maturity level, score (0–100) and pillar scores of one catalog entity, with every check that does not pass: its status, what was found and the evidence (files and lines, PromQL, Kubernetes objects).',
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'Entity reference, e.g. component:default/payments-api (kind and namespace default to component and default)',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          level: z.string().nullable(),
          nextLevel: z.string().nullable(),
          score: z.number(),
          pillars: z.record(z.number()),
          scoredAt: z.string(),
          notPassing: z.array(
            z.object({
              checkId: z.string(),
              title: z.string(),
              level: z.string(),
              status: z.string(),
              message: z.string(),
              evidence: z.array(z.record(z.unknown())),
              docs: z.string().optional(),
            }),
          ),
          sources: z.array(
            z.object({
              source: z.string(),
              status: z.string(),
              message: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const score = await scores.get(actionEntityRef(input.entityRef), {
        credentials,
      });
      return {
        output: {
          entityRef: score.entityRef,
          level: score.level,
          nextLevel: score.nextLevel,
          score: score.score,
          pillars: score.pillars,
          scoredAt: score.scoredAt,
          notPassing: score.detail.results
            .filter(r => r.status !== 'pass' && r.status !== 'not-applicable')
            .map(r => ({
              checkId: r.checkId,
              title: r.title,
              level: r.level,
              status: r.status,
              message: r.message,
              evidence: r.evidence as Record<string, unknown>[],
              ...(r.remediation?.docs ? { docs: r.remediation.docs } : {}),
            })),
          sources: score.detail.sources.map(s => ({
            source: s.source,
            status: s.status,
            ...(s.message ? { message: s.message } : {}),
          })),
        },
      };
    },
  });

  actions.register({
    name: 'list-scores',
    title: 'List maturity scores',
    description:
      'Lists the scored entities the caller may see, filtered by owner, system, level, kind or text, lowest score first by default: which services are furthest behind.',
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          owner: z
            .array(z.string())
            .optional()
            .describe('Owner entity refs, e.g. group:default/payments'),
          system: z.array(z.string()).optional(),
          level: z
            .array(z.string())
            .optional()
            .describe(
              `Levels reached: ${rubric.levels
                .map(l => l.id)
                .join(', ')}, or none`,
            ),
          kind: z.array(z.string()).optional(),
          text: z
            .string()
            .optional()
            .describe('Part of the name, title or entity ref'),
          orderBy: z.enum(['score', 'level', 'name', 'scoredAt']).optional(),
          order: z.enum(['asc', 'desc']).optional(),
          limit: z.number().int().min(1).max(500).optional(),
          offset: z.number().int().min(0).optional(),
        }),
      output: z =>
        z.object({
          totalCount: z.number(),
          items: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string().optional(),
              owner: z.string().optional(),
              level: z.string().nullable(),
              score: z.number(),
              scoredAt: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const query = parseScoreQuery(
        {
          owner: input.owner,
          system: input.system,
          level: input.level,
          kind: input.kind,
          text: input.text,
          orderBy: input.orderBy ?? 'score',
          order: input.order ?? 'asc',
          limit: String(input.limit ?? 50),
          offset: String(input.offset ?? 0),
        },
        rubric,
      );
      const page = await scores.list(query, { credentials });
      return {
        output: {
          totalCount: page.totalCount,
          items: page.items.map(s => ({
            entityRef: s.entityRef,
            ...(s.title ? { title: s.title } : {}),
            ...(s.owner ? { owner: s.owner } : {}),
            level: s.level,
            score: s.score,
            scoredAt: s.scoredAt,
          })),
        },
      };
    },
  });

  actions.register({
    name: 'get-next-steps',
    title: 'Next maturity steps for an entity',
    description:
      'The ordered next steps of one entity towards its next level: the checks to make pass, quick wins first, each with its effort and how to fix it (a scaffolder template, docs).',
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z => z.object({ entityRef: z.string() }),
      output: z =>
        z.object({
          entityRef: z.string(),
          level: z.string().nullable(),
          nextLevel: z.string().nullable(),
          steps: z.array(
            z.object({
              checkId: z.string(),
              title: z.string(),
              level: z.string(),
              status: z.string(),
              quickWin: z.boolean(),
              effort: z.string(),
              template: z.string().optional(),
              docs: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const score = await scores.get(actionEntityRef(input.entityRef), {
        credentials,
      });
      return {
        output: {
          entityRef: score.entityRef,
          level: score.level,
          nextLevel: score.nextLevel,
          steps: score.detail.nextSteps.map(s => ({
            checkId: s.checkId,
            title: s.title,
            level: s.level,
            status: s.status,
            quickWin: s.quickWin,
            effort: s.effort,
            ...(s.remediation?.template
              ? { template: s.remediation.template }
              : {}),
            ...(s.remediation?.docs ? { docs: s.remediation.docs } : {}),
          })),
        },
      };
    },
  });

  actions.register({
    name: 'refresh-entity-score',
    title: 'Score an entity again now',
    description:
      'Collects the facts of one entity again and stores its new score (needs maturity.score.refresh). Returns the new level and score.',
    attributes: { readOnly: false, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ entityRef: z.string() }),
      output: z =>
        z.object({
          entityRef: z.string(),
          level: z.string().nullable(),
          score: z.number(),
          scoredAt: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      const score = await scores.refresh(actionEntityRef(input.entityRef), {
        credentials,
      });
      return {
        output: {
          entityRef: score.entityRef,
          level: score.level,
          score: score.score,
          scoredAt: score.scoredAt,
        },
      };
    },
  });
}
