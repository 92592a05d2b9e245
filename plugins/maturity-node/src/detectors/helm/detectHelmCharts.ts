import type { Signals } from '../Signals';
import { isKubernetesObject } from '../isKubernetesObject';
import { detectKubernetesObject } from '../kubernetesObjects';
import { parseYamlDocuments } from '../parseYamlDocuments';
import { helmRootContext } from '../renderHelmTemplate';
import { mergeValues } from './evaluateHelmExpression';
import {
  findHelmCharts,
  type HelmChart,
  localDependencies,
} from './helmChartLayout';
import {
  definesOf,
  type HelmNode,
  parseHelmTemplate,
} from './parseHelmTemplate';
import { renderHelmNodes } from './renderHelmNodes';

/** A set of values a chart can be installed with, and where it comes from. */
interface ValuesEnvironment {
  label: string;
  values: Record<string, unknown>;
}

const MAX_ENVIRONMENTS = 8;

/**
 * Reads every Helm chart of the tree: templates are rendered approximately
 * (see renderHelmTemplate) once per values environment the chart ships —
 * its defaults, each extra values file, and the values an umbrella chart
 * gives it as a sub-chart — with the named templates of its helpers and of
 * its library dependencies (`type: library`, by `file://` or `charts/`).
 * Library and vendored third-party charts are not rendered as workloads.
 * A rendered template that does not parse is a warning, not a guess.
 */
export async function detectHelmCharts(
  files: string[],
  read: (path: string) => Promise<string | undefined>,
  signals: Signals,
): Promise<HelmChart[]> {
  const charts = await findHelmCharts(files, read, (p, m) =>
    signals.warn(p, m),
  );
  const parsed = new Map<string, { text: string; nodes: HelmNode[] }>();
  const templatesOf = async (chart: HelmChart) => {
    const out: string[] = [];
    for (const f of files) {
      if (
        !f.startsWith(`${chart.prefix}templates/`) ||
        !/\.(?:ya?ml|tpl)$/.test(f)
      )
        continue;
      if (!parsed.has(f)) {
        const text = await read(f);
        if (text !== undefined)
          parsed.set(f, { text, nodes: parseHelmTemplate(text) });
      }
      if (parsed.has(f)) out.push(f);
    }
    return out;
  };

  const definesCache = new Map<HelmChart, Map<string, HelmNode[]>>();
  const definesFor = async (
    chart: HelmChart,
    seen = new Set<HelmChart>(),
  ): Promise<Map<string, HelmNode[]>> => {
    if (definesCache.has(chart)) return definesCache.get(chart)!;
    seen.add(chart);
    const defines = new Map<string, HelmNode[]>();
    for (const dep of localDependencies(chart, charts)) {
      if (dep.chart.type !== 'library' || seen.has(dep.chart)) continue;
      for (const [k, v] of await definesFor(dep.chart, seen)) defines.set(k, v);
    }
    for (const t of await templatesOf(chart))
      definesOf(parsed.get(t)!.nodes, defines);
    definesCache.set(chart, defines);
    return defines;
  };

  const withLibraryValues = (
    chart: HelmChart,
    values: Record<string, unknown>,
  ) => {
    let out = values;
    for (const dep of localDependencies(chart, charts))
      if (dep.chart.type === 'library')
        out = mergeValues(out, { [dep.key]: dep.chart.values });
    return out;
  };
  const parentsOf = (chart: HelmChart) =>
    charts.flatMap(p =>
      localDependencies(p, charts)
        .filter(d => d.chart === chart)
        .map(d => ({ parent: p, key: d.key })),
    );
  const envCache = new Map<HelmChart, ValuesEnvironment[]>();
  const environments = (
    chart: HelmChart,
    seen = new Set<HelmChart>(),
  ): ValuesEnvironment[] => {
    if (envCache.has(chart)) return envCache.get(chart)!;
    seen.add(chart);
    const envs: ValuesEnvironment[] = [{ label: '', values: chart.values }];
    for (const [file, values] of chart.extraValues)
      envs.push({ label: file, values: mergeValues(values, chart.values) });
    for (const { parent, key } of parentsOf(chart)) {
      if (seen.has(parent)) continue;
      for (const env of environments(parent, seen)) {
        const own = env.values[key];
        const global = env.values.global;
        envs.push({
          label: env.label || `${parent.prefix}values.yaml`,
          values: mergeValues(
            own && typeof own === 'object' ? own : {},
            global ? { global } : {},
            chart.values,
          ),
        });
      }
    }
    const result = envs
      .slice(0, MAX_ENVIRONMENTS)
      .map(e => ({ ...e, values: withLibraryValues(chart, e.values) }));
    envCache.set(chart, result);
    return result;
  };

  for (const chart of charts) {
    if (chart.vendored) continue;
    signals.k8sLayout.add(`helm:${chart.dir || '.'}`);
    signals.add('infra.k8s', {
      path: `${chart.prefix}Chart.yaml`,
      line: 1,
      note: `Helm ${chart.type === 'library' ? 'library ' : ''}chart ${
        chart.name
      }`,
    });
    if (chart.type === 'library') continue;
    const defines = await definesFor(chart);
    const envs = environments(chart);
    const shipped = envs.map(e => e.values);
    for (const template of await templatesOf(chart)) {
      const base = template.split('/').pop()!;
      if (base.startsWith('_') || base.endsWith('.tpl')) continue;
      const { text, nodes } = parsed.get(template)!;
      let warned = false;
      const seenRenders = new Set<string>();
      for (const env of envs) {
        const root = helmRootContext(env.values, chart.name);
        const rendered = renderHelmNodes(
          nodes,
          { dot: root, root, vars: new Map() },
          { chartName: chart.name, defines, shippedValues: shipped },
        ).join('\n');
        if (seenRenders.has(rendered)) continue;
        seenRenders.add(rendered);
        const { documents, error } = parseYamlDocuments(rendered);
        if (error && !warned) {
          signals.warn(
            template,
            `rendered Helm template does not parse${
              env.label ? ` with ${env.label}` : ''
            }: ${error}`,
          );
          warned = true;
        }
        for (const obj of documents) {
          if (isKubernetesObject(obj))
            detectKubernetesObject(
              template,
              text,
              obj,
              signals,
              env.label ? `values ${env.label}` : '',
            );
        }
      }
    }
  }
  return charts;
}
