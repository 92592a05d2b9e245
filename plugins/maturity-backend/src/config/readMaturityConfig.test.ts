import { ConfigReader } from '@backstage/config';
import { readMaturityConfig } from './readMaturityConfig';

describe('readMaturityConfig', () => {
  it('recovers within minutes of a crash by default', () => {
    const settings = readMaturityConfig(new ConfigReader({}));
    // The scheduler lets another replica run the task once the dead run's
    // timeout has passed; entities it held are free once their lease ends.
    expect(settings.schedule.timeout).toEqual({ minutes: 3 });
    expect(settings.schedule.frequency).toEqual({ minutes: 5 });
    expect(settings.refresh.leaseMs).toBe(3 * 60_000);
    expect(settings.refresh.retry).toEqual({
      firstDelayMs: 60_000,
      maxDelayMs: 3_600_000,
    });
  });

  it('derives the lease from the source timeout', () => {
    const settings = readMaturityConfig(
      new ConfigReader({ maturity: { refresh: { sourceTimeout: '10s' } } }),
    );
    expect(settings.refresh.leaseMs).toBe(80_000);
  });

  it.each([
    [{ refresh: { batchSize: 0 } }, 'maturity.refresh.batchSize'],
    [{ refresh: { staleAfter: 'soon' } }, 'maturity.refresh.staleAfter'],
    [
      { api: { maxConcurrentRequestsPerClient: 0 } },
      'maturity.api.maxConcurrentRequestsPerClient',
    ],
  ])('names the key of invalid config %j', (maturity, key) => {
    expect(() => readMaturityConfig(new ConfigReader({ maturity }))).toThrow(
      key,
    );
  });
});
