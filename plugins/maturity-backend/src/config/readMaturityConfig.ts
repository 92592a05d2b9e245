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
  api: { maxConcurrentRequestsPerClient: number; readTimeoutMs: number };
  notifications: { enabled: boolean; reminderDays: number };
  /** Facts pushed through POST /facts: how long they hold. */
  push: { defaultTtlMs: number; maxTtlMs: number };
}

function durationMs(config: Config, key: string, fallbackMs: number): number {
  if (!config.has(key)) return fallbackMs;
  try {
    return durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new InputError(`${key}: ${(error as Error).message}`);
  }
}

function positiveInteger(
  config: Config,
  key: string,
  fallback: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(`${key}: ${value} must be a positive integer`);
  }
  return value;
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
        // Each run scores what is due and stops at the timeout (the next
        // run carries on), so a short timeout costs nothing; it is also how
        // long the scheduler waits before another replica may run the task
        // after one died mid-run.
        frequency: { minutes: 5 },
        timeout: { minutes: 3 },
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
  const staleAfterMs = durationMs(
    config,
    'maturity.refresh.staleAfter',
    3_600_000,
  );
  const defaultTtlMs = durationMs(
    config,
    'maturity.push.defaultTtl',
    7 * 86_400_000,
  );
  const maxTtlMs = durationMs(config, 'maturity.push.maxTtl', 90 * 86_400_000);
  if (defaultTtlMs > maxTtlMs || defaultTtlMs < 60_000) {
    throw new InputError(
      'maturity.push.defaultTtl: must be at least a minute and at most maturity.push.maxTtl',
    );
  }
  return {
    schedule,
    push: { defaultTtlMs, maxTtlMs },
    refresh: {
      staleAfterMs,
      batchSize,
      sourceTimeoutMs,
      // A batch takes at most one source timeout (the sources run at once)
      // plus its write; entities a dead replica held are free again after
      // this long.
      leaseMs: 2 * sourceTimeoutMs + 60_000,
      retry: {
        firstDelayMs: Math.min(60_000, staleAfterMs),
        maxDelayMs: staleAfterMs,
      },
    },
    retentionMs: durationMs(config, 'maturity.retention', 400 * 86_400_000),
    api: {
      maxConcurrentRequestsPerClient: positiveInteger(
        config,
        'maturity.api.maxConcurrentRequestsPerClient',
        16,
      ),
      readTimeoutMs: durationMs(config, 'maturity.api.readTimeout', 5_000),
    },
    notifications: {
      enabled:
        config.getOptionalBoolean('maturity.notifications.enabled') ?? true,
      reminderDays: positiveInteger(
        config,
        'maturity.notifications.reminderDays',
        7,
      ),
    },
  };
}
