import { z } from 'zod';
import { boundedDate, boundedInteger } from './boundedInputs';
import { parseInput } from './parseInput';

const history = z
  .object({
    since: boundedDate('since').optional(),
    limit: boundedInteger('limit', 1, 5000),
  })
  .strict();

const report = z.object({ since: boundedDate('since').optional() }).strict();

const movers = z.object({ days: boundedInteger('days', 1, 730) }).passthrough();

/** `GET /scores/:kind/:namespace/:name/history?since=&limit=` */
export function parseHistoryQuery(query: unknown): {
  since?: Date;
  limit?: number;
} {
  return parseInput(history, query, 'history query');
}

/** `GET /groups/:namespace/:name/report?since=` */
export function parseReportQuery(query: unknown): { since?: Date } {
  return parseInput(report, query, 'report query');
}

/** `GET /movers?days=…` and the score query's filters: the days, and the rest. */
export function parseMoversDays(query: unknown): {
  days: number;
  rest: Record<string, unknown>;
} {
  const { days, ...rest } = parseInput(movers, query, 'movers query');
  return { days: days ?? 30, rest };
}
