/** Where a service stands, before or after a fix. */
export interface FixStanding {
  level: string | null;
  score: number;
}

/**
 * What `maturity fix` planned and, with `--write`, did. `--format json`
 * prints it as is.
 */
export interface FixReport {
  source: string;
  entityRef?: string;
  /** Checks the files fix (the detectors pass on the planned tree). */
  checks: { id: string; title: string; docs?: string }[];
  /** Requested checks it does not fix, and why. */
  skipped: { id: string; reason: string }[];
  files: {
    path: string;
    action: 'create' | 'update';
    checkId: string;
    description: string;
    /** Unified diff against the checkout (from /dev/null for a new file). */
    diff: string;
  }[];
  /** Validators that could not run here (their program is missing). */
  unvalidated: string[];
  written: boolean;
  before: FixStanding;
  /** With `--write`: the re-score of the checkout after writing. */
  after?: FixStanding & {
    /** Planned checks that pass now and did not before. */
    closed: string[];
    /** Planned checks that still do not pass (a bug: the plan claimed them). */
    stillOpen: string[];
  };
}
