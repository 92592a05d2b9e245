/**
 * One problem found in a rubric: where (a key path such as
 * `maturity.rubric.checks[3].level`) and what.
 *
 * @public
 */
export interface RubricIssue {
  path: string;
  message: string;
}

/**
 * Thrown when a rubric (or its overrides) is invalid. The message lists
 * every issue as `path: problem`, one per line.
 *
 * @public
 */
export class RubricValidationError extends Error {
  readonly name = 'RubricValidationError';

  constructor(readonly issues: RubricIssue[]) {
    super(
      `Invalid maturity rubric:\n${issues
        .map(i => `  ${i.path}: ${i.message}`)
        .join('\n')}`,
    );
  }
}
