import fc from 'fast-check';
import { forecastCompletion } from './forecastCompletion';

const DAY_MS = 86_400_000;
const days = (counts: number[], total: number, start = '2026-11-01') =>
  counts.map((met, i) => ({
    date: new Date(Date.parse(`${start}T00:00:00Z`) + i * DAY_MS)
      .toISOString()
      .slice(0, 10),
    met,
    total,
  }));

describe('forecastCompletion', () => {
  it('projects the day the last service meets the phase at the observed rate', () => {
    // One more service a day, 10 of 40 on 2026-11-10: 30 days left.
    const forecast = forecastCompletion({
      series: days([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 40),
      dueDate: '2026-12-31',
      windowDays: 28,
    });
    expect(forecast).toEqual({
      projectedDate: '2026-12-10',
      ratePerDay: 1,
      windowDays: 28,
      atRisk: false,
    });
    expect(
      forecastCompletion({
        series: days([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 40),
        dueDate: '2026-12-01',
      }).atRisk,
    ).toBe(true);
  });

  it('is at risk without progress while services are left, and done when all meet it', () => {
    expect(
      forecastCompletion({
        series: days([3, 3, 3, 3], 10),
        dueDate: '2027-01-01',
      }),
    ).toMatchObject({ projectedDate: null, ratePerDay: 0, atRisk: true });
    expect(
      forecastCompletion({
        series: days([8, 9, 10], 10),
        dueDate: '2027-01-01',
      }),
    ).toMatchObject({ projectedDate: '2026-11-03', atRisk: false });
    expect(
      forecastCompletion({ series: [], dueDate: '2027-01-01' }),
    ).toMatchObject({ projectedDate: null, atRisk: false });
  });

  it('never projects a day before the last observed one, and is at risk exactly when it is past due', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 200 }),
        (counts, extra, dueIn) => {
          const total = Math.max(...counts) + extra;
          const series = days(counts, total);
          const last = series[series.length - 1].date;
          const dueDate = new Date(
            Date.parse(`${last}T00:00:00Z`) + dueIn * DAY_MS,
          )
            .toISOString()
            .slice(0, 10);
          const f = forecastCompletion({ series, dueDate });
          // no projection (no progress observed) is always at risk
          const consistent =
            f.projectedDate === null
              ? f.atRisk
              : f.projectedDate >= last &&
                f.atRisk === f.projectedDate > dueDate;
          expect({ ...f, last, dueDate, consistent }).toMatchObject({
            consistent: true,
          });
        },
      ),
    );
  });
});
