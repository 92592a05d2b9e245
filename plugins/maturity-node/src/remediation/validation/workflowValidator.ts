import { validateWorkflow } from '@action-validator/core';
import type { RemediationValidator } from './RemediationValidator';

/**
 * GitHub Actions workflows pass action-validator (the workflow schema of
 * SchemaStore, plus its checks of `uses:` and expressions).
 */
export const workflowValidator: RemediationValidator = {
  name: 'action-validator',
  async validate({ after, changed }) {
    const findings = [];
    for (const path of changed) {
      if (!/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) continue;
      const { errors } = validateWorkflow((await after.readFile(path)) ?? '');
      for (const error of errors)
        findings.push({
          path,
          validator: 'action-validator',
          message: `${error.title}${
            'path' in error ? ` at ${error.path}` : ''
          }: ${(error as any).detail ?? ''}`.trim(),
        });
    }
    return { findings };
  },
};
