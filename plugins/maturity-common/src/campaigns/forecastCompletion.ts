import type { CampaignForecast } from './CampaignApiTypes';

const DAY_MS = 86_400_000;

/**
 * When the last service will meet a phase at the rate observed over the
 * window: a least-squares line through the daily counts of services
 * meeting it, extended to the total. At risk when that day is after the
 * due date, or when services are left and the count did not grow.
 *
 * @public
 */
export function forecastCompletion(options: {
  /** Daily counts, oldest first, ending today. */
  series: { date: string; met: number; total: number }[];
  dueDate: string;
  windowDays?: number;
}): CampaignForecast {
  const windowDays = options.windowDays ?? 28;
  const series = options.series.slice(-windowDays);
  const last = series[series.length - 1];
  if (!last) {
    return { projectedDate: null, ratePerDay: 0, windowDays, atRisk: false };
  }
  if (last.met >= last.total) {
    return {
      projectedDate: last.date,
      ratePerDay: 0,
      windowDays,
      atRisk: last.date > options.dueDate,
    };
  }
  const n = series.length;
  const xs = series.map((_, i) => i);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(xs);
  const my = mean(series.map(s => s.met));
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const slope =
    n < 2 || sxx === 0
      ? 0
      : xs.reduce((a, x, i) => a + (x - mx) * (series[i].met - my), 0) / sxx;
  if (slope <= 0) {
    return { projectedDate: null, ratePerDay: 0, windowDays, atRisk: true };
  }
  const daysLeft = Math.ceil((last.total - last.met) / slope);
  const projected = new Date(
    Date.parse(`${last.date}T00:00:00Z`) + daysLeft * DAY_MS,
  )
    .toISOString()
    .slice(0, 10);
  return {
    projectedDate: projected,
    ratePerDay: Math.round(slope * 100) / 100,
    windowDays,
    atRisk: projected > options.dueDate,
  };
}
