import { parse, parseAllDocuments } from 'yaml';
import type { RepositoryTree } from '../../tree/RepositoryTree';
import { chartFolders, chartOf, helpersAround } from './chartFolders';
import {
  type HelmTemplateCheckAnswer,
  helmTemplateCheck,
  locateHelmTemplateCheck,
} from './helmTemplateCheck';
import { kubernetesObjectProblem } from './kubernetesSchemas';
import { promtoolAvailable, promtoolProblem } from './promtoolCheck';
import { ruleGroupsOf } from './promtoolValidator';
import type {
  RemediationValidator,
  ValidationFinding,
} from './RemediationValidator';

const prefix = (chart: string) => (chart === '' ? '' : `${chart}/`);

/** A chart's own files, relative to it (subcharts under charts/ are their own). */
async function chartFiles(
  tree: RepositoryTree,
  chart: string,
): Promise<Record<string, string> | undefined> {
  const p = prefix(chart);
  const paths = (await tree.listFiles()).filter(
    f => f.startsWith(p) && !f.slice(p.length).startsWith('charts/'),
  );
  if (!paths.some(f => /^Chart\.ya?ml$/.test(f.slice(p.length))))
    return undefined;
  const out: Record<string, string> = await helpersAround(tree, chart);
  for (const f of paths)
    out[f.slice(p.length)] = (await tree.readFile(f)) ?? '';
  return out;
}

function parsed(text: string | undefined): any {
  try {
    return parse(text ?? '') ?? {};
  } catch {
    return undefined;
  }
}

async function run(binary: string, files: Record<string, string>) {
  const chart = parsed(files['Chart.yaml'] ?? files['Chart.yml']) ?? {};
  const values = parsed(files['values.yaml'] ?? files['values.yml']);
  return helmTemplateCheck(binary, {
    chart: {
      name: String(chart.name ?? 'chart'),
      version: String(chart.version ?? '0.1.0'),
      appVersion: String(chart.appVersion ?? '1.0.0'),
    },
    files,
    values: values ?? {},
    render: values !== undefined,
  });
}

/** Problems of the objects a rendered template yields, by message. */
async function renderedProblems(text: string): Promise<string[]> {
  const problems: string[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      problems.push(`rendered YAML does not parse: ${doc.errors[0].message}`);
      continue;
    }
    const object = doc.toJS();
    if (!object || typeof object !== 'object') continue;
    const problem = await kubernetesObjectProblem(object);
    if (problem) problems.push(problem);
    const groups = ruleGroupsOf(object);
    if (groups && promtoolAvailable()) {
      const rules = await promtoolProblem(groups);
      if (rules) problems.push(`promtool: ${rules}`);
    }
  }
  return problems;
}

/**
 * Every template of a chart the change touches — the generated and edited
 * ones and the chart's existing ones — parses with Go's text/template (the
 * engine Helm uses, through tools/helm-template-check), and renders with the
 * chart's values.yaml into objects that validate against their schemas.
 * Problems the chart had before the change are not the change's.
 */
export const helmChartValidator: RemediationValidator = {
  name: 'helm-template',
  async validate({ before, after, changed }) {
    const charts = await chartFolders(after);
    const touched = [
      ...new Set(
        changed
          .map(p => chartOf(p, charts))
          .filter((c): c is string => c !== undefined),
      ),
    ];
    if (touched.length === 0) return { findings: [] };
    const binary = await locateHelmTemplateCheck();
    if (!binary)
      return {
        findings: [],
        notRun:
          'chart templates were not parsed: helm-template-check is not installed and Go is not available to build it',
      };
    const findings: ValidationFinding[] = [];
    for (const chart of touched) {
      const afterFiles = (await chartFiles(after, chart))!;
      const beforeFiles = await chartFiles(before, chart);
      const now = await run(binary, afterFiles);
      const then: HelmTemplateCheckAnswer = beforeFiles
        ? await run(binary, beforeFiles)
        : { parseErrors: {}, renderErrors: {}, rendered: {} };
      const at = (file: string) => `${prefix(chart)}${file}`;
      for (const [file, message] of Object.entries(now.parseErrors))
        if (then.parseErrors[file] === undefined)
          findings.push({
            path: at(file),
            validator: 'helm-template',
            message,
          });
      for (const [file, message] of Object.entries(now.renderErrors))
        if (then.renderErrors[file] === undefined)
          findings.push({
            path: at(file),
            validator: 'helm-template',
            message: `does not render with values.yaml: ${message}`,
          });
      for (const [file, text] of Object.entries(now.rendered)) {
        if (then.rendered[file] === text) continue;
        const old = new Set(
          then.rendered[file] === undefined
            ? []
            : await renderedProblems(then.rendered[file]),
        );
        for (const message of await renderedProblems(text))
          if (!old.has(message))
            findings.push({
              path: at(file),
              validator: 'helm-template',
              message: `rendered with values.yaml: ${message}`,
            });
      }
    }
    return { findings };
  },
};
