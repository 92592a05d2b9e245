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
