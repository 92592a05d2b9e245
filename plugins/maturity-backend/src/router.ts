import type {
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Rubric } from '@roadmap/plugin-maturity-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { parseEntityPath, parseGroupPath } from './api/parseEntityPath';
import {
  parseHistoryQuery,
  parseMoversDays,
  parseReportQuery,
} from './api/parseHistoryQuery';
import { boundedText } from './api/boundedInputs';
import { parseInput } from './api/parseInput';
import { parseScoreQuery } from './api/parseScoreQuery';
import { requestLimiter } from './api/requestLimiter';
import type { RemediationPlanService } from './service/RemediationPlanService';
import type { ReportService } from './service/ReportService';
import type { ScoreService } from './service/ScoreService';

const remediationPlanRequest = z
  .object({
    entityRef: boundedText('entityRef', 255).min(1, 'entityRef is required'),
    checks: z.array(boundedText('checks', 100)).max(100).default([]),
  })
  .strict();

/**
 * The plugin's HTTP API under /api/maturity. Thin: it validates input
 * (400 with a message that names the parameter) and hands over to the
 * services with the caller's credentials.
 */
export async function createRouter(options: {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  scores: ScoreService;
  reports: ReportService;
  remediation: RemediationPlanService;
  rubric: Rubric;
  /** Requests one client may have in flight at once. */
  maxConcurrentRequestsPerClient: number;
  /** More routes (campaigns, exemption requests), behind the same limits. */
  routers?: express.Router[];
  /** Routes that parse their own (larger) bodies: the fact push. */
  ownBodyRouters?: express.Router[];
}): Promise<express.Router> {
  const { httpAuth, scores, reports, rubric } = options;
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.use(
    requestLimiter({ perClient: options.maxConcurrentRequestsPerClient }),
  );
  for (const sub of options.ownBodyRouters ?? []) router.use(sub);
  router.use(express.json({ limit: '100kb' }));

  for (const sub of options.routers ?? []) router.use(sub);

  router.get('/rubric', (_req, res) => {
    res.json(rubric);
  });

  router.get('/scores', async (req, res) => {
    const query = parseScoreQuery(req.query, rubric);
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
    parseInput(z.object({}).strict(), req.query, 'facets query');
    const credentials = await httpAuth.credentials(req);
    res.json(await scores.facets({ credentials }));
  });

  router.get('/levels', async (req, res) => {
    const query = parseScoreQuery(req.query, rubric);
    const credentials = await httpAuth.credentials(req);
    res.json({ levels: await scores.levels(query, { credentials }) });
  });

  router.get('/movers', async (req, res) => {
    const { days, rest } = parseMoversDays(req.query);
    const query = parseScoreQuery(rest, rubric);
    const credentials = await httpAuth.credentials(req);
    const since = new Date(Date.now() - days * 86_400_000);
    res.json({
      since: since.toISOString(),
      items: await scores.movers(
        query,
        { since, limit: query.limit ?? 10 },
        { credentials },
      ),
    });
  });

  // Validated by a weak ETag of the stored version: clients revalidate
  // (no-cache) and an unchanged score costs one indexed read and a 304.
  router.get('/scores/:kind/:namespace/:name', async (req, res) => {
    const ref = parseEntityPath(req.params);
    const credentials = await httpAuth.credentials(req);
    const { etag, body } = await scores.getResponse(ref, {
      credentials,
      ifNoneMatch: req.header('if-none-match'),
    });
    res.set({ ETag: etag, 'Cache-Control': 'private, no-cache' });
    if (body === undefined) {
      res.status(304).end();
      return;
    }
    res.type('application/json').send(body);
  });

  router.get('/scores/:kind/:namespace/:name/history', async (req, res) => {
    const ref = parseEntityPath(req.params);
    const range = parseHistoryQuery(req.query);
    const credentials = await httpAuth.credentials(req);
    res.json({ items: await scores.history(ref, range, { credentials }) });
  });

  router.post('/scores/:kind/:namespace/:name/refresh', async (req, res) => {
    const ref = parseEntityPath(req.params);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await scores.refresh(ref, { credentials, request: req }));
  });

  router.get('/scores/:kind/:namespace/:name/report', async (req, res) => {
    const ref = parseEntityPath(req.params);
    const credentials = await httpAuth.credentials(req);
    const markdown = await reports.entityReport(ref, { credentials });
    res.type('text/markdown; charset=utf-8').send(markdown);
  });

  router.get('/groups/:namespace/:name/report', async (req, res) => {
    const ref = parseGroupPath(req.params);
    const { since } = parseReportQuery(req.query);
    const credentials = await httpAuth.credentials(req);
    const markdown = await reports.groupReport(ref, { credentials, since });
    res.type('text/markdown; charset=utf-8').send(markdown);
  });

  router.post('/remediation/plan', async (req, res) => {
    const body = parseInput(remediationPlanRequest, req.body, 'plan request');
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(await options.remediation.plan(body, { credentials }));
  });

  router.get('/groups/:namespace/:name', async (req, res) => {
    const ref = parseGroupPath(req.params);
    const credentials = await httpAuth.credentials(req);
    res.json(await scores.group(ref, { credentials }));
  });

  return router;
}
