import type { PrometheusRule } from './PrometheusClient';

// Label matchers in a PromQL expression: `label="value"`, `label=~"regex"`.
const MATCHER =
  /([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!=|!~|=)\s*"((?:[^"\\]|\\.)*)"/g;

function unescapePromqlString(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/**
 * Whether a rule is about the service whose series carry
 * `serviceLabel=serviceName`: the rule's own labels name it, or its
 * expression selects it with an equality or a matching regex.
 */
export function ruleSelectsService(
  rule: PrometheusRule,
  serviceLabel: string,
  serviceName: string,
): boolean {
  if (rule.labels[serviceLabel] === serviceName) return true;
  for (const match of rule.query.matchAll(MATCHER)) {
    const [, label, op, raw] = match;
    if (label !== serviceLabel) continue;
    const value = unescapePromqlString(raw);
    if (op === '=' && value === serviceName) return true;
    if (op === '=~') {
      try {
        if (new RegExp(`^(?:${value})$`).test(serviceName)) return true;
      } catch {
        // An invalid regex selects nothing.
      }
    }
  }
  return false;
}
