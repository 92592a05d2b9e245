import type { CampaignIssue } from '@roadmap/plugin-maturity-common';

/** The first message of each field path, for the fields' helper texts. */
export function issuesByPath(issues: CampaignIssue[]): Map<string, string> {
  const byPath = new Map<string, string>();
  for (const issue of issues) {
    if (!byPath.has(issue.path)) byPath.set(issue.path, issue.message);
  }
  return byPath;
}

/**
 * The message for a field or anything inside it: `phases[0].target.checks`
 * also answers for `phases[0].target.checks[3]`.
 */
export function issueAt(
  byPath: Map<string, string>,
  path: string,
): string | undefined {
  if (byPath.has(path)) return byPath.get(path);
  for (const [p, message] of byPath) {
    if (p.startsWith(`${path}[`) || p.startsWith(`${path}.`)) return message;
  }
  return undefined;
}

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  owner: 'Owner',
  scope: 'Scope',
  startsOn: 'Starts on',
  phases: 'Phases',
};

const PHASE_FIELDS: Record<string, string> = {
  title: 'title',
  dueDate: 'due date',
  enabledFrom: 'counts from',
  target: 'target',
  'target.level': 'level',
  'target.checks': 'checks',
};

/**
 * A field path of `validateCampaign` in words for the error summary:
 * `phases[1].dueDate` → "Phase 2 due date", `scope.kinds[0]` → "Scope kinds".
 */
export function fieldLabel(path: string): string {
  const phase = /^phases\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (phase) {
    const field = phase[2]?.replace(/\[\d+\]$/, '');
    return `Phase ${Number(phase[1]) + 1}${
      field ? ` ${PHASE_FIELDS[field] ?? field}` : ''
    }`;
  }
  const scope = /^scope\.(\w+)/.exec(path);
  if (scope) return `Scope ${scope[1]}`;
  return FIELD_LABELS[path] ?? path;
}
