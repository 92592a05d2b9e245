import { markdownText } from '@roadmap/plugin-maturity-common';
import type { GeneratedFile, RemediationService } from './RemediationGenerator';

const MAX_TITLE_CHECKS = 3;

/**
 * The pull request's title and Markdown body: what each check is, why it
 * matters (the docs link), and what each file does. The service's name is
 * escaped like any other text: it cannot add links or markup.
 *
 * @public
 */
export function pullRequestText(plan: {
  service: RemediationService;
  checks: { id: string; title: string; docs?: string }[];
  skipped: { id: string; reason: string }[];
  files: GeneratedFile[];
  /** Validators that could not run where the plan was made. */
  unvalidated?: string[];
}): { title: string; body: string } {
  const name = plan.service.title ?? plan.service.name;
  const titles = plan.checks.map(c => c.title);
  const title =
    titles.length === 0
      ? `Maturity: nothing to change for ${name}`
      : `Maturity: ${titles.slice(0, MAX_TITLE_CHECKS).join(', ')}${
          titles.length > MAX_TITLE_CHECKS
            ? ` and ${titles.length - MAX_TITLE_CHECKS} more`
            : ''
        }`.replace(/[\r\n]+/g, ' ');

  const lines: string[] = [
    `This pull request closes maturity gaps of **${markdownText(
      name,
    )}** found by Roadmap Maturity.`,
    '',
  ];
  for (const check of plan.checks) {
    lines.push(
      `### ${markdownText(check.title)} (\`${check.id}\`)`,
      '',
      ...(check.docs ? [`Why and how: ${check.docs}`, ''] : []),
    );
    for (const file of plan.files.filter(f => f.checkId === check.id)) {
      lines.push(
        `- ${file.action === 'create' ? 'Adds' : 'Updates'} \`${
          file.path
        }\`: ${markdownText(file.description)}`,
      );
    }
    lines.push('');
  }
  if (plan.skipped.length > 0) {
    lines.push('### Not changed', '');
    for (const s of plan.skipped)
      lines.push(`- \`${s.id}\`: ${markdownText(s.reason)}`);
    lines.push('');
  }
  if (plan.unvalidated?.length) {
    lines.push('### Not validated here', '');
    for (const reason of plan.unvalidated)
      lines.push(`- ${markdownText(reason)}`);
    lines.push('');
  }
  lines.push(
    'Existing files are only changed where needed (comments and order kept); nothing is deleted. ' +
      'Review the values (resources, thresholds, owners) before merging: they are starting points.',
  );
  return { title, body: lines.join('\n') };
}
