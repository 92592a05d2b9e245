import { InMemoryRepositoryTree } from '../../tree/InMemoryRepositoryTree';
import { planRemediation, type RemediationPlan } from '../planRemediation';
import type { RemediationService } from '../RemediationGenerator';

/** Plans checks for an in-memory repository and a service named `name`. */
export function planFor(
  files: Record<string, string>,
  checkIds: string[] | undefined,
  service: Partial<RemediationService> & { name: string },
): Promise<RemediationPlan> {
  return planRemediation({
    tree: new InMemoryRepositoryTree(files),
    service: { kind: 'Component', type: 'service', ...service },
    checkIds,
  });
}

export const fileOf = (plan: RemediationPlan, path: string) =>
  plan.files.find(f => f.path === path);

/** Lines of `before` missing from `after`: an in-place edit removes none it does not change. */
export function removedLines(before: string, after: string): string[] {
  const kept = new Map<string, number>();
  for (const line of after.split('\n'))
    kept.set(line, (kept.get(line) ?? 0) + 1);
  return before.split('\n').filter(line => {
    const n = kept.get(line) ?? 0;
    if (n === 0) return true;
    kept.set(line, n - 1);
    return false;
  });
}
