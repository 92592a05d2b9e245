import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  describeExemptionIssue,
  type Exemption,
  exemptionSchema,
  loadRubric,
  parseRubricOverridesYaml,
  type Rubric,
} from '@roadmap/plugin-maturity-common';
import fs from 'node:fs';
import path from 'node:path';
import type { MaturityRubricService } from './MaturityRubricService';

function readRubricFile(file: string, label: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(
      `${label}: cannot read ${file}: ${
        (error as NodeJS.ErrnoException).code ?? (error as Error).message
      }`,
    );
  }
  return parseRubricOverridesYaml(text, label);
}

function readExemptions(config: Config, rubric: Rubric): Exemption[] {
  const raw = config.getOptional('maturity.exemptions') ?? [];
  if (!Array.isArray(raw)) {
    throw new InputError(
      'maturity.exemptions: must be a list of { entityRef, check, reason, expires }',
    );
  }
  return raw.map((item, i) => {
    const parsed = exemptionSchema
      .required({ entityRef: true })
      .safeParse(item);
    if (!parsed.success) {
      throw new InputError(
        `maturity.exemptions[${i}]${describeExemptionIssue(
          parsed.error.issues[0],
        )}`,
      );
    }
    if (!rubric.checks.some(c => c.id === parsed.data.check)) {
      throw new InputError(
        `maturity.exemptions[${i}].check: no check "${parsed.data.check}" in the rubric`,
      );
    }
    return parsed.data;
  });
}

/**
 * {@link MaturityRubricService} from configuration: `maturity.rubric`
 * (overrides in app-config), then `maturity.rubricFile` (the same format in
 * a YAML file, relative to the working directory), then
 * `maturity.exemptions`.
 *
 * @public
 */
export class DefaultMaturityRubricService implements MaturityRubricService {
  /**
   * Reads and validates the rubric configuration; throws an error naming
   * the bad key (a `RubricValidationError` or an `InputError`).
   */
  static fromConfig(
    config: Config,
    options: { baseDir?: string } = {},
  ): DefaultMaturityRubricService {
    let rubric = loadRubric({
      overrides: config.getOptional('maturity.rubric'),
      path: 'maturity.rubric',
    });
    const rubricFile = config.getOptionalString('maturity.rubricFile');
    if (rubricFile) {
      const file = path.resolve(options.baseDir ?? process.cwd(), rubricFile);
      rubric = loadRubric({
        base: rubric,
        overrides: readRubricFile(file, rubricFile),
        path: rubricFile,
      });
    }
    return new DefaultMaturityRubricService(
      rubric,
      readExemptions(config, rubric),
    );
  }

  /** A service over a rubric computed elsewhere (tests, other loaders). */
  static create(options: {
    rubric: Rubric;
    exemptions?: Exemption[];
  }): DefaultMaturityRubricService {
    return new DefaultMaturityRubricService(
      options.rubric,
      options.exemptions ?? [],
    );
  }

  private constructor(
    private readonly rubric: Rubric,
    private readonly exemptions: Exemption[],
  ) {}

  getRubric(): Rubric {
    return this.rubric;
  }

  getExemptions(): Exemption[] {
    return this.exemptions;
  }
}
