import type {
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { parseScoreQuery } from './api/parseScoreQuery';
import type { ReportService } from './service/ReportService';
import type { ScoreService } from './service/ScoreService';

const historyQuery = z
  .object({
    since: z
      .string()
      .optional()
      .refine(
        v => v === undefined || !Number.isNaN(Date.parse(v)),
        'since must be an ISO 8601 date',
      ),
    limit: z.coerce.number().int().min(1).max(5000).optional(),
  })
  .strict();

const moversDays = z.coerce.number().int().min(1).max(730);

function entityRefOf(params: {
  kind: string;
  namespace: string;
  name: string;
}) {
  return `${params.kind}:${params.namespace}/${params.name}`;
}

/**
 * The plugin's HTTP API under /api/maturity. Thin: it validates input and
 * hands over to the ScoreService with the caller's credentials.
 */
export async function createRouter(options: {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  scores: ScoreService;
  reports: ReportService;
  rubric: () => unknown;
}): Promise<express.Router> {
  const { httpAuth, scores, reports } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/rubric', (_req, res) => {
    res.json(options.rubric());
  });

  router.get('/scores', async (req, res) => {
    const query = parseScoreQuery(req.query);
    const credentials = await httpAuth.credentials(req);
    const page = await scores.list(query, { credentials });
    res.json({
      items: page.items,
      totalCount: page.totalCount,
      offset: query.offset ?? 0,
      limit: query.limit ?? 100,
    });
  });

  router.get('/facets', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await scores.facets({ credentials }));
  });

  router.get('/levels', async (req, res) => {
    const query = parseScoreQuery(req.query);
    const credentials = await httpAuth.credentials(req);
    res.json({ levels: await scores.levels(query, { credentials }) });
  });

  router.get('/movers', async (req, res) => {
    const { days, ...rest } = req.query as Record<string, unknown>;
    const parsedDays = moversDays.safeParse(days ?? '30');
    if (!parsedDays.success) {
      throw new InputError(
        `Invalid movers query: days must be an integer from 1 to 730, got "${String(
          days,
        )}"`,
      );
    }
    const query = parseScoreQuery(rest);
    const credentials = await httpAuth.credentials(req);
    const since = new Date(Date.now() - parsedDays.data * 86_400_000);
    res.json({
      since: since.toISOString(),
      items: await scores.movers(
        query,
        { since, limit: query.limit ?? 10 },
        { credentials },
      ),
    });
  });

  router.get('/scores/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await scores.get(entityRefOf(req.params), { credentials }));
  });

  router.get('/scores/:kind/:namespace/:name/history', async (req, res) => {
    const parsed = historyQuery.safeParse(req.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        `Invalid history query: ${issue.path.join('.') || 'query'}: ${
          issue.message
        }`,
      );
    }
    const credentials = await httpAuth.credentials(req);
    const items = await scores.history(
      entityRefOf(req.params),
      {
        since: parsed.data.since ? new Date(parsed.data.since) : undefined,
        limit: parsed.data.limit,
      },
      { credentials },
    );
    res.json({ items });
  });

  router.post('/scores/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(
      await scores.refresh(entityRefOf(req.params), {
        credentials,
        request: req,
      }),
    );
  });

  router.get('/scores/:kind/:namespace/:name/report', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const markdown = await reports.entityReport(entityRefOf(req.params), {
      credentials,
    });
    res.type('text/markdown; charset=utf-8').send(markdown);
  });

  router.get('/groups/:namespace/:name/report', async (req, res) => {
    const parsed = historyQuery.pick({ since: true }).safeParse(req.query);
    if (!parsed.success) {
      throw new InputError(
        `Invalid report query: ${parsed.error.issues[0].message}`,
      );
    }
    const credentials = await httpAuth.credentials(req);
    const markdown = await reports.groupReport(
      `group:${req.params.namespace}/${req.params.name}`,
      {
        credentials,
        since: parsed.data.since ? new Date(parsed.data.since) : undefined,
      },
    );
    res.type('text/markdown; charset=utf-8').send(markdown);
  });

  router.get('/groups/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await scores.group(`group:${req.params.namespace}/${req.params.name}`, {
        credentials,
      }),
    );
  });

  return router;
}
