import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { type Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import {
  type Exemption,
  loadRubric,
  parseRubricOverridesYaml,
  type Rubric,
} from '@roadmap/plugin-maturity-common';
import fs from 'node:fs';
import path from 'node:path';
import type { RefreshOptions } from '../refresh/RefreshService';

/** Everything the plugin reads from `maturity.*`, validated. */
export interface MaturityConfig {
  rubric: Rubric;
  exemptions: Exemption[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  refresh: RefreshOptions;
  retentionMs: number;
}

function durationMs(config: Config, key: string, fallbackMs: number): number {
  if (!config.has(key)) return fallbackMs;
  const value = config.getOptional(key);
  try {
    if (typeof value === 'string') {
      return durationToMilliseconds(readDurationFromConfig(config, { key }));
    }
    return durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new InputError(`${key}: ${(error as Error).message}`);
  }
}

/**
 * Reads and validates the plugin's configuration; a mistake stops the
 * plugin at start with the key named.
 */
export function readMaturityConfig(
  config: Config,
  baseDir = process.cwd(),
): MaturityConfig {
  let rubric = loadRubric({
    overrides: config.getOptional('maturity.rubric'),
    path: 'maturity.rubric',
  });
  const rubricFile = config.getOptionalString('maturity.rubricFile');
  if (rubricFile) {
    const file = path.resolve(baseDir, rubricFile);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new InputError(
        `maturity.rubricFile: cannot read ${file}: ${
          (error as NodeJS.ErrnoException).code
        }`,
      );
    }
    rubric = loadRubric({
      base: rubric,
      overrides: parseRubricOverridesYaml(text, rubricFile),
      path: rubricFile,
    });
  }

  const exemptions = (
    config.getOptionalConfigArray('maturity.exemptions') ?? []
  ).map((e, i) => {
    const expires = e.getString('expires');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expires)) {
      throw new InputError(
        `maturity.exemptions[${i}].expires: "${expires}" must be a date as YYYY-MM-DD`,
      );
    }
    const check = e.getString('check');
    if (!rubric.checks.some(c => c.id === check)) {
      throw new InputError(
        `maturity.exemptions[${i}].check: no check "${check}" in the rubric`,
      );
    }
    return {
      entityRef: e.getString('entityRef').toLocaleLowerCase('en-US'),
      check,
      reason: e.getString('reason'),
      expires,
    };
  });

  const schedule: SchedulerServiceTaskScheduleDefinition = config.has(
    'maturity.schedule',
  )
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('maturity.schedule'),
      )
    : {
        frequency: { minutes: 10 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 15 },
      };

  const batchSize =
    config.getOptionalNumber('maturity.refresh.batchSize') ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
    throw new InputError(
      `maturity.refresh.batchSize: ${batchSize} must be an integer from 1 to 1000`,
    );
  }
  const sourceTimeoutMs = durationMs(
    config,
    'maturity.refresh.sourceTimeout',
    60_000,
  );
  return {
    rubric,
    exemptions,
    schedule,
    refresh: {
      staleAfterMs: durationMs(
        config,
        'maturity.refresh.staleAfter',
        3_600_000,
      ),
      batchSize,
      sourceTimeoutMs,
      leaseMs: Math.max(5 * 60_000, 3 * sourceTimeoutMs),
    },
    retentionMs: durationMs(config, 'maturity.retention', 400 * 86_400_000),
  };
}
