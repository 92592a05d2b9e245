import { isAlias, isNode, parseAllDocuments, visit } from 'yaml';
import { chartFolders, isChartTemplate } from './chartFolders';
import type {
  RemediationValidator,
  ValidationFinding,
} from './RemediationValidator';

/** Anchors and aliases in a YAML text (a count: only new ones matter). */
function anchorsAndAliases(text: string): number {
  const counted = { n: 0 };
  const visitor = {
    Node(_key: unknown, node: unknown) {
      if (isAlias(node) || (isNode(node) && node.anchor)) counted.n++;
    },
  };
  for (const doc of parseAllDocuments(text)) visit(doc, visitor);
  return counted.n;
}

/**
 * Every planned YAML file parses, and the change introduces no anchors or
 * aliases (`&a1` / `*a1`): people do not write them in workflows and
 * manifests, and a reviewer cannot read them in a diff.
 */
export const yamlValidator: RemediationValidator = {
  name: 'yaml',
  async validate({ before, after, changed }) {
    const charts = await chartFolders(after);
    const findings: ValidationFinding[] = [];
    for (const path of changed) {
      if (!/\.ya?ml$/.test(path) || isChartTemplate(path, charts)) continue;
      const text = (await after.readFile(path)) ?? '';
      const errors = parseAllDocuments(text).flatMap(d => d.errors);
      if (errors.length > 0) {
        findings.push({ path, validator: 'yaml', message: errors[0].message });
        continue;
      }
      const previous = await before.readFile(path);
      const added =
        anchorsAndAliases(text) -
        (previous === undefined ? 0 : anchorsAndAliases(previous));
      if (added > 0)
        findings.push({
          path,
          validator: 'yaml',
          message: `the change adds ${added} YAML anchor(s) or alias(es)`,
        });
    }
    return { findings };
  },
};
