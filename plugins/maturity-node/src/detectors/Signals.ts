import type { Evidence } from '@roadmap/plugin-maturity-common';

/**
 * What detectors found, before it becomes facts: evidence per repository
 * check id, near misses, and the descriptive facts about the stack.
 *
 * @public
 */
export class Signals {
  readonly found = new Map<string, Evidence[]>();
  readonly nearMisses = new Map<string, Evidence[]>();
  readonly languages = new Set<string>();
  readonly ciSystems = new Set<string>();
  readonly buildTools = new Set<string>();
  readonly k8sLayout = new Set<string>();
  readonly warnings: { path: string; message: string }[] = [];
  registry?: string;
  port?: number;
  /** undefined: no Terraform; otherwise whether its state is locked. */
  stateLocking?: boolean;
  /** Workload containers seen, with whether each has requests and limits. */
  readonly containers: { evidence: Evidence; resources: boolean }[] = [];
  /** Security contexts seen: true when the workload runs as non-root. */
  readonly runtimeUsers: { evidence: Evidence; nonRoot: boolean }[] = [];
  /** Final-stage users of first-party Dockerfiles. */
  readonly imageUsers: { evidence: Evidence; nonRoot: boolean }[] = [];
  /** Numbers assigned by name in IaC files (tfvars, defaults, inputs). */
  readonly iacNumbers = new Map<
    string,
    { value: number; evidence: Evidence }[]
  >();
  /** `backup_retention_period = var.x` references, resolved at the end. */
  readonly retentionVariables: { name: string; evidence: Evidence }[] = [];
  /** Loggers configured for plain text: they overrule a logging library dependency. */
  readonly textLoggers: Evidence[] = [];
  /** Workload containers that decide nothing: third-party, test hooks, fixtures. */
  readonly thirdPartyWorkloads: string[] = [];

  add(check: string, evidence: Evidence): void {
    const list = this.found.get(check) ?? [];
    if (
      !list.some(
        e =>
          e.path === evidence.path &&
          e.line === evidence.line &&
          e.note === evidence.note,
      )
    ) {
      list.push(evidence);
    }
    this.found.set(check, list);
  }

  nearMiss(check: string, evidence: Evidence): void {
    const list = this.nearMisses.get(check) ?? [];
    list.push(evidence);
    this.nearMisses.set(check, list);
  }

  has(check: string): boolean {
    return (this.found.get(check)?.length ?? 0) > 0;
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }
}
