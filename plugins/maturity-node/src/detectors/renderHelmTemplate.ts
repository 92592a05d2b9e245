import { type HelmValue } from './helm/evaluateHelmExpression';
import {
  definesOf,
  type HelmNode,
  parseHelmTemplate,
} from './helm/parseHelmTemplate';
import { renderHelmNodes } from './helm/renderHelmNodes';

/** The root context of a chart's templates: `.Values`, `.Release`, `.Chart`. */
export function helmRootContext(
  values: HelmValue,
  chartName: string,
  chart: Record<string, unknown> = {},
) {
  return {
    Values: values ?? {},
    Release: {
      Name: chartName,
      Namespace: 'default',
      Service: 'Helm',
      IsInstall: true,
      Revision: 1,
    },
    Chart: {
      Name: chartName,
      Version: '0.0.0',
      AppVersion: 'latest',
      ...chart,
    },
  };
}

/**
 * Renders a Helm template approximately, with the given values: `if`/`with`
 * blocks are decided by their condition (one the renderer cannot evaluate
 * is decided from `shippedValues`, the chart's values files: on when every
 * value it reads is on in one of them, never on merely because it could
 * not be evaluated), `range` repeats its body per item, `$variables` are
 * assigned and read, `include`/`template` expand the named templates in
 * `defines` (the chart's helpers and library charts), `toYaml` inserts
 * values and `.Values` paths are substituted. Good enough to read kinds,
 * probes, resources, replicas and security contexts — not a Helm
 * replacement.
 *
 * @public
 */
export function renderHelmTemplate(
  template: string,
  values: unknown,
  chartName: string,
  options: {
    defines?: Map<string, HelmNode[]>;
    shippedValues?: unknown[];
  } = {},
): string {
  const nodes = parseHelmTemplate(template);
  const defines = definesOf(nodes, new Map(options.defines ?? []));
  const root = helmRootContext(values, chartName);
  return renderHelmNodes(
    nodes,
    { dot: root, root, vars: new Map() },
    { chartName, defines, shippedValues: options.shippedValues ?? [values] },
  ).join('\n');
}
