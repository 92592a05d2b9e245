import { parseYamlValue } from '../parseYamlDocuments';

/** A chart found in the tree. */
export interface HelmChart {
  dir: string;
  prefix: string;
  name: string;
  type: string;
  dependencies: { name: string; alias?: string; repository: string }[];
  /** values.yaml parsed, or {} */
  values: Record<string, unknown>;
  /** Other shipped values files of the chart: path → parsed values. */
  extraValues: Map<string, Record<string, unknown>>;
  /** Set when the chart is a vendored third-party dependency. */
  vendored?: string;
}

const EXTRA_VALUES = /^(?:values[-._][\w.-]+|[\w.-]+[-.]values)\.ya?ml$/i;

function parseYaml(
  text: string | undefined,
  path: string,
  warn: (p: string, m: string) => void,
) {
  if (text === undefined) return undefined;
  const { value, error } = parseYamlValue(text);
  if (error) {
    warn(path, `not valid YAML: ${error}`);
    return undefined;
  }
  return value && typeof value === 'object' ? value : {};
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/**
 * Finds the Helm charts of a tree with their metadata and shipped values
 * files, and marks the vendored ones: a chart below another chart's
 * `charts/` folder that the parent pulls from a remote repository is
 * third-party and decides nothing.
 */
export async function findHelmCharts(
  files: string[],
  read: (path: string) => Promise<string | undefined>,
  warn: (path: string, message: string) => void,
): Promise<HelmChart[]> {
  const charts: HelmChart[] = [];
  for (const chartFile of files.filter(p => /(?:^|\/)Chart\.ya?ml$/.test(p))) {
    const dir = chartFile.replace(/\/?Chart\.ya?ml$/, '');
    const prefix = dir ? `${dir}/` : '';
    const meta = (parseYaml(await read(chartFile), chartFile, warn) ??
      {}) as Record<string, any>;
    const values = (parseYaml(
      await read(`${prefix}values.yaml`),
      `${prefix}values.yaml`,
      warn,
    ) ??
      parseYaml(
        await read(`${prefix}values.yml`),
        `${prefix}values.yml`,
        warn,
      ) ??
      {}) as Record<string, unknown>;
    const extraValues = new Map<string, Record<string, unknown>>();
    for (const f of files) {
      if (!f.startsWith(prefix) || f.slice(prefix.length).includes('/'))
        continue;
      if (!EXTRA_VALUES.test(f.slice(prefix.length))) continue;
      const v = parseYaml(await read(f), f, warn);
      if (v) extraValues.set(f, v as Record<string, unknown>);
    }
    charts.push({
      dir,
      prefix,
      name:
        typeof meta.name === 'string'
          ? meta.name
          : dir.split('/').pop() || 'chart',
      type: typeof meta.type === 'string' ? meta.type : 'application',
      dependencies: (Array.isArray(meta.dependencies) ? meta.dependencies : [])
        .filter((d: any) => d && typeof d.name === 'string')
        .map((d: any) => ({
          name: d.name,
          alias: d.alias,
          repository: String(d.repository ?? ''),
        })),
      values,
      extraValues,
    });
  }
  // A sub-chart in a parent's charts/ that the parent declares with a
  // remote repository was vendored from elsewhere.
  for (const parent of charts) {
    for (const dep of parent.dependencies) {
      if (!/^(?:https?|oci):/.test(dep.repository)) continue;
      const sub = charts.find(
        c =>
          c.dir === `${parent.prefix}charts/${dep.name}` ||
          (c.dir.startsWith(`${parent.prefix}charts/`) && c.name === dep.name),
      );
      if (sub) sub.vendored = `vendored from ${dep.repository}`;
    }
  }
  return charts;
}

/** The charts a chart depends on locally (file:// or its charts/ folder), with the values key. */
export function localDependencies(
  chart: HelmChart,
  charts: HelmChart[],
): { chart: HelmChart; key: string }[] {
  const out: { chart: HelmChart; key: string }[] = [];
  for (const dep of chart.dependencies) {
    let target: HelmChart | undefined;
    if (dep.repository.startsWith('file://')) {
      const dir = normalise(
        `${chart.prefix}${dep.repository.slice('file://'.length)}`,
      );
      target =
        charts.find(c => c.dir === dir) ??
        charts.find(c => c.dir.toLowerCase() === dir.toLowerCase());
    }
    target ??= charts.find(
      c =>
        c.dir.startsWith(`${chart.prefix}charts/`) &&
        c.dir.split('/').length ===
          chart.dir.split('/').filter(Boolean).length + 2 &&
        c.name === dep.name,
    );
    if (target && target !== chart)
      out.push({ chart: target, key: dep.alias ?? dep.name });
  }
  // Sub-chart folders without a dependency entry still are sub-charts.
  for (const c of charts) {
    const rest = c.dir.startsWith(`${chart.prefix}charts/`)
      ? c.dir.slice(`${chart.prefix}charts/`.length)
      : undefined;
    if (rest && !rest.includes('/') && !out.some(o => o.chart === c))
      out.push({ chart: c, key: c.name });
  }
  return out;
}
