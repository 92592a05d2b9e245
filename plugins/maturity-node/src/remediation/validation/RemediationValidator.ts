import type { RepositoryTree } from '../../tree/RepositoryTree';

/**
 * A problem an ecosystem validator found in a planned file.
 *
 * @public
 */
export interface ValidationFinding {
  /** The repository-relative file (or chart/kustomization folder). */
  path: string;
  /** Which validator, e.g. `helm-template`, `promtool`, `action-validator`. */
  validator: string;
  message: string;
}

/**
 * What a validator is asked: the repository before and after a change, and
 * the files the change writes. Validators judge only what the change
 * brings: a problem the repository already had is not the change's.
 *
 * @public
 */
export interface ValidationRequest {
  before: RepositoryTree;
  after: RepositoryTree;
  changed: string[];
}

/**
 * The answer of one validator: its findings, and — when the program it
 * needs is not installed where the plan runs — why it could not check.
 *
 * @public
 */
export interface ValidationResult {
  findings: ValidationFinding[];
  /** Set when the validator did not run, e.g. `promtool is not installed`. */
  notRun?: string;
}

/**
 * Checks planned files with the tool their ecosystem uses (Helm's template
 * engine, the GitHub Actions schema, Kubernetes schemas, promtool, ...).
 *
 * @public
 */
export interface RemediationValidator {
  name: string;
  validate(request: ValidationRequest): Promise<ValidationResult>;
}
