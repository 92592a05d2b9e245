import { parseAllDocuments } from 'yaml';
import { chartFolders, isChartTemplate } from './chartFolders';
import { promtoolAvailable, promtoolProblem } from './promtoolCheck';
import type {
  RemediationValidator,
  ValidationFinding,
} from './RemediationValidator';

/** Rule groups of a document: a PrometheusRule's or a rule file's. */
export function ruleGroupsOf(object: any): unknown[] | undefined {
  if (object?.kind === 'PrometheusRule') return object.spec?.groups;
  if (!object?.kind && Array.isArray(object?.groups)) return object.groups;
  return undefined;
}

/**
 * Planned alert and recording rules (rule files and PrometheusRule objects)
 * pass `promtool check rules`. Rules in chart templates are checked after
 * rendering, by the Helm validator.
 */
export const promtoolValidator: RemediationValidator = {
  name: 'promtool',
  async validate({ after, changed }) {
    const charts = await chartFolders(after);
    const rules: { path: string; groups: unknown[] }[] = [];
    for (const path of changed) {
      if (!/\.ya?ml$/.test(path) || isChartTemplate(path, charts)) continue;
      for (const doc of parseAllDocuments((await after.readFile(path)) ?? '')) {
        const groups = doc.errors.length ? undefined : ruleGroupsOf(doc.toJS());
        if (groups) rules.push({ path, groups });
      }
    }
    if (rules.length === 0) return { findings: [] };
    if (!promtoolAvailable())
      return {
        findings: [],
        notRun: 'promtool is not installed (Debian package prometheus)',
      };
    const findings: ValidationFinding[] = [];
    for (const { path, groups } of rules) {
      const problem = await promtoolProblem(groups);
      if (problem)
        findings.push({ path, validator: 'promtool', message: problem });
    }
    return { findings };
  },
};
