import { stringify } from 'yaml';
import {
  evaluateHelmExpression,
  type HelmScope,
  type HelmValue,
  lookup,
  truthy,
  UNKNOWN,
  valuePathsOf,
} from './evaluateHelmExpression';
import type { HelmNode } from './parseHelmTemplate';

/** What rendering needs besides the template: the chart around it. */
export interface HelmRenderContext {
  chartName: string;
  /** Named templates of the chart, its library dependencies and helpers. */
  defines: Map<string, HelmNode[]>;
  /**
   * Every values environment the chart ships (defaults merged with each
   * values file): a condition the renderer cannot evaluate is on when
   * every value it reads is switched on in one of them, off otherwise.
   */
  shippedValues: HelmValue[];
}

const MAX_INCLUDE_DEPTH = 8;

const INCLUDE_LINE =
  /^(\s*)([^{]*?)\{\{-?\s*(?:include|template)\s+"([^"]+)"\s*(.*?)\s*(?:\|\s*(nindent|indent)\s+(\d+))?\s*-?\}\}\s*$/;
const TO_YAML_LINE =
  /^(\s*)([^{]*?)\{\{-?\s*toYaml\s+(.+?)\s*(?:\|\s*(nindent|indent)\s+(\d+))?\s*-?\}\}\s*$/;
const INLINE_IF =
  /\{\{-?\s*if\s+((?:[^}]|\}(?!\}))*?)\s*-?\}\}(.*?)(?:\{\{-?\s*else\s*-?\}\}(.*?))?\{\{-?\s*end\s*-?\}\}/;

function indentLines(text: string, indent: number): string[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map(line => (line ? ' '.repeat(indent) + line : line));
}

function child(scope: HelmScope, dot: HelmValue = scope.dot): HelmScope {
  return { ...scope, dot, vars: new Map(scope.vars) };
}

/** Decides a condition; an undecidable one from the shipped values files. */
function decide(
  expression: string,
  scope: HelmScope,
  context: HelmRenderContext,
): boolean {
  const value = evaluateHelmExpression(expression, scope);
  if (value !== UNKNOWN) return truthy(value);
  const paths = valuePathsOf(expression);
  return (
    paths.length > 0 &&
    paths.every(p =>
      context.shippedValues.some(values => truthy(lookup(values, p))),
    )
  );
}

function scalar(value: HelmValue, chartName: string): string {
  if (value === UNKNOWN) return chartName;
  if (value === undefined || value === null) return 'placeholder';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Renders parsed template nodes to YAML text lines with the given scope:
 * blocks are kept or dropped by their condition, `range` repeats its body
 * per item with the item's variables, `include`/`template` lines expand the
 * named template with the caller's argument, `toYaml` lines insert values.
 */
export function renderHelmNodes(
  nodes: HelmNode[],
  scope: HelmScope,
  context: HelmRenderContext,
  depth = 0,
): string[] {
  const out: string[] = [];
  const includeText = (name: string, dot: HelmValue): string | undefined => {
    const body = context.defines.get(name);
    if (!body || depth >= MAX_INCLUDE_DEPTH) return undefined;
    return renderHelmNodes(
      body,
      { ...child(scope, dot), vars: new Map() },
      context,
      depth + 1,
    )
      .join('\n')
      .trim();
  };
  const withInclude: HelmScope = { ...scope, include: includeText };

  for (const node of nodes) {
    switch (node.type) {
      case 'define':
        break;
      case 'assign':
        withInclude.vars.set(
          node.name,
          evaluateHelmExpression(node.expression, withInclude),
        );
        break;
      case 'if': {
        const branch = node.branches.find(
          b =>
            b.condition === undefined ||
            decide(b.condition, withInclude, context),
        );
        if (branch)
          out.push(
            ...renderHelmNodes(branch.body, child(withInclude), context, depth),
          );
        break;
      }
      case 'with': {
        const value = evaluateHelmExpression(node.expression, withInclude);
        const on =
          value === UNKNOWN
            ? decide(node.expression, withInclude, context)
            : truthy(value);
        if (on) {
          const inner = child(
            withInclude,
            value === UNKNOWN ? withInclude.dot : value,
          );
          node.variables.forEach(v => inner.vars.set(v, inner.dot));
          out.push(...renderHelmNodes(node.body, inner, context, depth));
        } else
          out.push(
            ...renderHelmNodes(
              node.elseBody,
              child(withInclude),
              context,
              depth,
            ),
          );
        break;
      }
      case 'range': {
        const value = evaluateHelmExpression(node.expression, withInclude);
        let items: [HelmValue, HelmValue][] = [];
        if (Array.isArray(value)) items = value.map((v, i) => [i, v]);
        else if (value && typeof value === 'object')
          items = Object.keys(value as object)
            .sort()
            .map(k => [k, (value as Record<string, HelmValue>)[k]]);
        else if (typeof value === 'number')
          items = Array.from({ length: value }, (_, i) => [i, i]);
        if (items.length === 0)
          out.push(
            ...renderHelmNodes(
              node.elseBody,
              child(withInclude),
              context,
              depth,
            ),
          );
        for (const [key, item] of items) {
          const inner = child(withInclude, item);
          if (node.variables.length === 2) {
            inner.vars.set(node.variables[0], key);
            inner.vars.set(node.variables[1], item);
          } else if (node.variables.length === 1)
            inner.vars.set(node.variables[0], item);
          out.push(...renderHelmNodes(node.body, inner, context, depth));
        }
        break;
      }
      case 'text':
        out.push(...renderLine(node.line, withInclude, context, includeText));
        break;
      default:
    }
  }
  return out;
}

function renderLine(
  rawLine: string,
  scope: HelmScope,
  context: HelmRenderContext,
  includeText: (name: string, dot: HelmValue) => string | undefined,
): string[] {
  let line = rawLine;
  for (let guard = 0; guard < 10; guard++) {
    const m = INLINE_IF.exec(line);
    if (!m) break;
    const replacement = decide(m[1], scope, context) ? m[2] : m[3] ?? '';
    line =
      line.slice(0, m.index) + replacement + line.slice(m.index + m[0].length);
  }

  const include = INCLUDE_LINE.exec(line);
  if (include) {
    const [, lead, before, name, argument, kind, n] = include;
    const dot = argument ? evaluateHelmExpression(argument, scope) : scope.dot;
    const text = includeText(name, dot === UNKNOWN ? scope.dot : dot);
    if (text !== undefined && (kind || !before.trim())) {
      const indent = kind
        ? Number(n) + (kind === 'indent' ? lead.length : 0)
        : lead.length;
      const lines = indentLines(text, indent);
      if (before.trim()) return [`${lead}${before.trimEnd()}`, ...lines];
      return lines;
    }
    if (text === undefined && kind === 'nindent' && !before.trim())
      return [
        `${' '.repeat(Number(n))}app.kubernetes.io/name: ${context.chartName}`,
      ];
  }

  const toYaml = TO_YAML_LINE.exec(line);
  if (toYaml) {
    const [, lead, before, source, kind, n] = toYaml;
    const value = evaluateHelmExpression(source, scope);
    const known = value !== UNKNOWN && value !== undefined && value !== null;
    const dumped = known ? stringify(value) : '{}';
    const indent = kind
      ? Number(n) + (kind === 'indent' ? lead.length : 0)
      : lead.length;
    if (before.trim()) {
      if (known && truthy(value) && typeof value === 'object')
        return [`${lead}${before.trimEnd()}`, ...indentLines(dumped, indent)];
      return [
        `${lead}${before.trimEnd()} ${known ? JSON.stringify(value) : '{}'}`,
      ];
    }
    return known && truthy(value) ? indentLines(dumped, indent) : [];
  }

  return [
    line.replace(
      /\{\{-?\s*((?:[^}]|\}(?!\}))*?)\s*-?\}\}/g,
      (_m, expression: string) => {
        if (/^\/\*/.test(expression)) return '';
        if (
          /\.Release\.Namespace/.test(expression) &&
          !/default/.test(expression)
        )
          return 'default';
        return scalar(
          evaluateHelmExpression(expression, scope),
          context.chartName,
        );
      },
    ),
  ];
}
