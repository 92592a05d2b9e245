import type {
  RemediationValidator,
  ValidationFinding,
} from './RemediationValidator';

/** Problems of a Grafana dashboard JSON model (the fields Grafana needs to import it). */
export function dashboardProblems(text: string): string[] {
  let model: any;
  try {
    model = JSON.parse(text);
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (typeof model?.title !== 'string') problems.push('no title');
  if (
    typeof model?.uid !== 'string' ||
    !/^[a-zA-Z0-9_-]{1,40}$/.test(model.uid)
  )
    problems.push('uid must be 1–40 letters, digits, _ or -');
  if (typeof model?.schemaVersion !== 'number')
    problems.push('no schemaVersion');
  if (!Array.isArray(model?.panels)) return [...problems, 'no panels'];
  const ids = model.panels.map((p: any) => p?.id);
  if (new Set(ids).size !== ids.length) problems.push('panel ids repeat');
  model.panels.forEach((panel: any, i: number) => {
    const grid = panel?.gridPos;
    if (typeof panel?.type !== 'string') problems.push(`panel ${i}: no type`);
    if (!grid || ['h', 'w', 'x', 'y'].some(k => typeof grid[k] !== 'number'))
      problems.push(`panel ${i}: gridPos needs h, w, x and y`);
    if (
      !Array.isArray(panel?.targets) ||
      panel.targets.some(
        (t: any) => typeof t?.refId !== 'string' || typeof t?.expr !== 'string',
      )
    )
      problems.push(`panel ${i}: every target needs a refId and an expr`);
  });
  return problems;
}

/** Planned Grafana dashboards are importable JSON models. */
export const dashboardValidator: RemediationValidator = {
  name: 'grafana-dashboard',
  async validate({ after, changed }) {
    const findings: ValidationFinding[] = [];
    for (const path of changed) {
      if (!path.endsWith('.json')) continue;
      const text = (await after.readFile(path)) ?? '';
      if (!/"panels"\s*:/.test(text)) continue;
      for (const message of dashboardProblems(text))
        findings.push({ path, validator: 'grafana-dashboard', message });
    }
    return { findings };
  },
};
