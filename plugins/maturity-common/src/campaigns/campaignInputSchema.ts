import { z } from 'zod';
import type { Rubric } from '../types/Check';
import type { CampaignInput } from './Campaign';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const day = (what: string) =>
  z
    .string()
    .regex(DAY, `${what} must be a date as YYYY-MM-DD`)
    .refine(
      v =>
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
        new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v,
      `${what} is not a calendar date`,
    );

const name = (what: string, max = 255) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} must be at most ${max} characters`)
    .refine(
      v => !CONTROL.test(v),
      `${what} must not contain control characters`,
    );

const list = (what: string) => z.array(name(what)).max(100).optional();

/**
 * The shape of a campaign as authors write it (API body, app-config).
 * {@link validateCampaign} adds the rules that need the rubric and a clock.
 *
 * @public
 */
export const campaignInputSchema = z
  .object({
    title: name('title', 200),
    description: z.string().max(10_000).optional(),
    owner: name('owner').refine(
      v => /^group:/i.test(v),
      'owner must be a Group, e.g. group:default/platform',
    ),
    scope: z
      .object({
        kinds: list('scope.kinds'),
        types: list('scope.types'),
        lifecycles: list('scope.lifecycles'),
        owners: list('scope.owners'),
        systems: list('scope.systems'),
        tags: list('scope.tags'),
      })
      .strict(),
    phases: z
      .array(
        z
          .object({
            title: name('title', 200),
            dueDate: day('dueDate'),
            target: z.union([
              z.object({ level: name('level', 63) }).strict(),
              z
                .object({
                  checks: z
                    .array(name('check', 100))
                    .min(1, 'a phase needs at least one check')
                    .max(200),
                })
                .strict(),
            ]),
            enabledFrom: day('enabledFrom').optional(),
          })
          .strict(),
      )
      .min(1, 'a campaign needs at least one phase')
      .max(20, 'a campaign has at most 20 phases'),
    startsOn: day('startsOn'),
    published: z.boolean().optional(),
  })
  .strict();

/**
 * A problem of a campaign, with where it is (e.g. `phases[1].dueDate`).
 *
 * @public
 */
export interface CampaignIssue {
  path: string;
  message: string;
}

/**
 * Checks a campaign against the rubric and the calendar: phases in order
 * of their due dates, due dates after the start, for a new campaign no due
 * date in the past, a scope that selects something, known levels and check
 * ids. Returns the parsed input, or every issue found.
 *
 * @public
 */
export function validateCampaign(
  input: unknown,
  options: { rubric: Rubric; today: string; isNew: boolean },
): { campaign: CampaignInput; issues: [] } | { issues: CampaignIssue[] } {
  const parsed = campaignInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map(issue => ({
        path: issue.path
          .map((p, i) =>
            typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`,
          )
          .join(''),
        message:
          issue.code === 'unrecognized_keys'
            ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys
                .map(k => `"${k}"`)
                .join(', ')}`
            : issue.message,
      })),
    };
  }
  const campaign = parsed.data as CampaignInput;
  const issues: CampaignIssue[] = [];
  const scope = campaign.scope;
  if (!Object.values(scope).some(v => v && v.length > 0)) {
    issues.push({
      path: 'scope',
      message:
        'the scope is empty: name at least one kind, type, lifecycle, owner, system or tag',
    });
  }
  const levels = options.rubric.levels.map(l => l.id);
  const checks = new Set(options.rubric.checks.map(c => c.id));
  campaign.phases.forEach((phase, i) => {
    const at = `phases[${i}]`;
    if ('level' in phase.target && !levels.includes(phase.target.level)) {
      issues.push({
        path: `${at}.target.level`,
        message: `"${
          phase.target.level
        }" is not a level; levels are ${levels.join(', ')}`,
      });
    }
    if ('checks' in phase.target) {
      phase.target.checks.forEach((id, j) => {
        if (!checks.has(id)) {
          issues.push({
            path: `${at}.target.checks[${j}]`,
            message: `"${id}" is not a check of the rubric`,
          });
        }
      });
    }
    if (phase.dueDate < campaign.startsOn) {
      issues.push({
        path: `${at}.dueDate`,
        message: `${phase.dueDate} is before the campaign starts (${campaign.startsOn})`,
      });
    }
    if (i > 0 && phase.dueDate < campaign.phases[i - 1].dueDate) {
      issues.push({
        path: `${at}.dueDate`,
        message: `phases must be in order of their due dates: ${
          phase.dueDate
        } is before phase ${i}'s ${campaign.phases[i - 1].dueDate}`,
      });
    }
    if (options.isNew && phase.dueDate < options.today) {
      issues.push({
        path: `${at}.dueDate`,
        message: `${phase.dueDate} is in the past`,
      });
    }
    if (phase.enabledFrom && phase.enabledFrom > phase.dueDate) {
      issues.push({
        path: `${at}.enabledFrom`,
        message: `${phase.enabledFrom} is after the phase is due (${phase.dueDate})`,
      });
    }
  });
  return issues.length > 0 ? { issues } : { campaign, issues: [] };
}
