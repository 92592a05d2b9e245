import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError, NotFoundError } from '@backstage/errors';
import type { Rubric } from '@roadmap/plugin-maturity-common';
import { campaignAtRisk } from '../campaigns/campaignAtRisk';
import type { CampaignService } from '../campaigns/CampaignService';
import type { RemediationPlanService } from '../service/RemediationPlanService';
import { actionEntityRef } from './actionEntityRef';
import { READ_ONLY_ACTION } from './readOnlyAction';

/**
 * The actions that explain and plan: what a check means, what files a fix
 * would write, and where a campaign stands. None writes anything.
 */
export function registerPlanningActions(
  actions: ActionsRegistryService,
  deps: {
    rubric: Rubric;
    remediation: RemediationPlanService;
    campaigns: CampaignService;
  },
) {
  const { rubric } = deps;

  actions.register({
    name: 'explain-check',
    title: 'Explain a maturity check',
    description:
      'What one check of the rubric asks for and why it matters, its pillar, level, weight and effort, and how to fix it (a scaffolder template, docs).',
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          checkId: z.string().describe('A check id, e.g. obs.alerts'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          description: z.string(),
          pillar: z.string(),
          level: z.string(),
          weight: z.number(),
          effort: z.string(),
          template: z.string().optional(),
          docs: z.string().optional(),
        }),
    },
    action: async ({ input }) => {
      const check = rubric.checks.find(c => c.id === input.checkId);
      if (!check) {
        throw new NotFoundError(
          `"${
            input.checkId
          }" is not a check of the rubric; its checks are ${rubric.checks
            .map(c => c.id)
            .join(', ')}`,
        );
      }
      return {
        output: {
          id: check.id,
          title: check.title,
          description: check.description,
          pillar:
            rubric.pillars.find(p => p.id === check.pillar)?.title ??
            check.pillar,
          level:
            rubric.levels.find(l => l.id === check.level)?.title ?? check.level,
          weight: check.weight,
          effort: check.effort,
          ...(check.remediation?.template
            ? { template: check.remediation.template }
            : {}),
          ...(check.remediation?.docs ? { docs: check.remediation.docs } : {}),
        },
      };
    },
  });

  actions.register({
    name: 'plan-gaps',
    title: 'Plan the files that close an entity’s gaps',
    description:
      'Reads the entity’s repository and plans, without writing anything, the files a fix pull request would add or change to make failing checks pass (as the Fix it template would), with the checks it cannot fix and why.',
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          entityRef: z.string(),
          checks: z
            .array(z.string())
            .max(100)
            .optional()
            .describe(
              'Check ids; default every failing check that can be generated',
            ),
        }),
      output: z =>
        z.object({
          checks: z.array(z.object({ id: z.string(), title: z.string() })),
          skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
          files: z.array(
            z.object({
              path: z.string(),
              action: z.enum(['create', 'update']),
              description: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const unknown = (input.checks ?? []).filter(
        id => !rubric.checks.some(c => c.id === id),
      );
      if (unknown.length > 0) {
        throw new InputError(`Not checks of the rubric: ${unknown.join(', ')}`);
      }
      const plan = await deps.remediation.plan(
        {
          entityRef: actionEntityRef(input.entityRef),
          checks: input.checks ?? [],
        },
        { credentials },
      );
      return {
        output: {
          checks: plan.checks.map(c => ({ id: c.id, title: c.title })),
          skipped: plan.skipped,
          files: plan.files.map(f => ({
            path: f.path,
            action: f.action,
            description: f.description,
          })),
        },
      };
    },
  });

  actions.register({
    name: 'get-campaign-progress',
    title: 'Maturity campaign progress',
    description:
      'The campaigns (roadmap reviews with targets and dates) and, for one campaign, how many of its services meet each phase, per team, and whether a phase is at risk. Without campaignId, lists the campaigns.',
    attributes: READ_ONLY_ACTION,
    schema: {
      input: z =>
        z.object({
          campaignId: z.string().optional(),
        }),
      output: z =>
        z.object({
          campaigns: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              state: z.string(),
              total: z.number(),
              met: z.array(z.number()),
              atRisk: z.boolean(),
            }),
          ),
          teams: z
            .array(
              z.object({
                owner: z.string(),
                total: z.number(),
                met: z.array(z.number()),
              }),
            )
            .optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      if (input.campaignId === undefined) {
        const { items } = await deps.campaigns.list({ credentials });
        return {
          output: {
            campaigns: items.map(c => ({
              id: c.id,
              title: c.title,
              state: c.state,
              total: c.overall.total,
              met: c.overall.met,
              atRisk: c.atRisk,
            })),
          },
        };
      }
      const progress = await deps.campaigns.progress(input.campaignId, {
        credentials,
      });
      return {
        output: {
          campaigns: [
            {
              id: progress.campaign.id,
              title: progress.campaign.title,
              state: progress.campaign.state,
              total: progress.overall.total,
              met: progress.overall.met,
              atRisk: campaignAtRisk(progress),
            },
          ],
          teams: progress.teams.map(t => ({
            owner: t.owner,
            total: t.total,
            met: t.met,
          })),
        },
      };
    },
  });
}
