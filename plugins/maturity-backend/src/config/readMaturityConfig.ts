import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { type Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import type { RefreshOptions } from '../refresh/RefreshService';

/** Everything the plugin reads from `maturity.*`, validated. */
export interface MaturityConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  refresh: RefreshOptions;
  retentionMs: number;
}

function durationMs(config: Config, key: string, fallbackMs: number): number {
  if (!config.has(key)) return fallbackMs;
  try {
    return durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new InputError(`${key}: ${(error as Error).message}`);
  }
}

/**
 * Reads and validates the plugin's own configuration (the rubric and
 * exemptions come from the rubric service); a mistake stops the plugin at
 * start with the key named.
 */
export function readMaturityConfig(config: Config): MaturityConfig {
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
