import type { RepositoryTree } from '../../tree/RepositoryTree';

/** The chart folder a file belongs to ('' for a chart at the root), if any. */
export function chartOf(path: string, charts: string[]): string | undefined {
  return charts
    .filter(dir => dir === '' || path.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/** Folders of the repository that hold a Chart.yaml ('' for the root). */
export async function chartFolders(tree: RepositoryTree): Promise<string[]> {
  return (await tree.listFiles())
    .filter(p => /(^|\/)Chart\.ya?ml$/.test(p))
    .map(p => p.split('/').slice(0, -1).join('/'));
}

/** Whether a path is a template of a chart (rendered, not plain YAML). */
export function isChartTemplate(path: string, charts: string[]): boolean {
  const chart = chartOf(path, charts);
  if (chart === undefined) return false;
  const rest = chart === '' ? path : path.slice(chart.length + 1);
  return rest.startsWith('templates/');
}

/**
 * The named templates (`templates/_*.tpl`) of the charts around a chart: its
 * parents and its subcharts. Helm loads a chart with its subcharts into one
 * template set, so a subchart may `include` a helper its parent defines.
 * Keyed under `templates/_around/…`, where they are parsed but never
 * rendered.
 */
export async function helpersAround(
  tree: RepositoryTree,
  chart: string,
): Promise<Record<string, string>> {
  const charts = await chartFolders(tree);
  const related = charts.filter(
    c =>
      c !== chart &&
      ((c === '' && chart.includes('charts/')) ||
        chart.startsWith(`${c}/charts/`) ||
        c.startsWith(`${chart === '' ? '' : `${chart}/`}charts/`)),
  );
  const out: Record<string, string> = {};
  for (const c of related) {
    const p = c === '' ? '' : `${c}/`;
    for (const f of (await tree.listFiles()).filter(
      x => x.startsWith(`${p}templates/`) && /\/_[^/]*\.tpl$/.test(x),
    ))
      out[`templates/_around/${f.replace(/\//g, '_')}`] =
        (await tree.readFile(f)) ?? '';
  }
  return out;
}
