import type { RepositoryTree } from '../../tree/RepositoryTree';
import type {
  RemediationValidator,
  ValidationFinding,
} from './RemediationValidator';

/**
 * Runs validators over one change: every finding, and the validators that
 * could not run here with the reason.
 *
 * @public
 */
export async function validateChange(
  validators: RemediationValidator[],
  request: { before: RepositoryTree; after: RepositoryTree; changed: string[] },
): Promise<{ findings: ValidationFinding[]; notRun: string[] }> {
  const findings: ValidationFinding[] = [];
  const notRun: string[] = [];
  for (const validator of validators) {
    const result = await validator.validate(request);
    findings.push(...result.findings);
    if (result.notRun) notRun.push(result.notRun);
  }
  return { findings, notRun };
}
