import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { ExemptionService } from '../service/ExemptionService';
import { boundedText } from './boundedInputs';
import { parseInput } from './parseInput';

const requestBody = z
  .object({
    entityRef: boundedText('entityRef', 255).min(1),
    checkId: boundedText('checkId', 100).min(1),
    reason: boundedText('reason', 2000)
      .transform(s => s.trim())
      .pipe(z.string().min(1, 'reason must say why')),
    expires: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expires must be a date as YYYY-MM-DD'),
  })
  .strict();
const listQuery = z
  .object({
    status: z.enum(['requested', 'approved', 'denied', 'revoked']).optional(),
    entityRef: boundedText('entityRef', 255).optional(),
  })
  .strict();
const decisionBody = z
  .object({ comment: boundedText('comment', 2000).optional() })
  .strict();
const idParams = z.object({ id: boundedText('id', 80).min(1) });

/**
 * `/exemption-requests`: a service owner requests an exemption; an
 * approver approves, denies or revokes it.
 */
export function exemptionRouter(options: {
  httpAuth: HttpAuthService;
  exemptions: ExemptionService;
}): express.Router {
  const { httpAuth, exemptions } = options;
  const router = Router();

  router.get('/exemption-requests', async (req, res) => {
    const query = parseInput(listQuery, req.query, 'exemption requests query');
    const credentials = await httpAuth.credentials(req);
    res.json({ items: await exemptions.list(query, { credentials }) });
  });

  router.post('/exemption-requests', async (req, res) => {
    const body = parseInput(requestBody, req.body, 'exemption request');
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res
      .status(201)
      .json(await exemptions.request(body, { credentials, request: req }));
  });

  for (const [verb, status] of [
    ['approve', 'approved'],
    ['deny', 'denied'],
    ['revoke', 'revoked'],
  ] as const) {
    router.post(`/exemption-requests/:id/${verb}`, async (req, res) => {
      const params = parseInput(idParams, req.params, 'exemption request path');
      const body = parseInput(decisionBody, req.body ?? {}, 'decision');
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      res.json(
        await exemptions.decide(
          params.id,
          { status, comment: body.comment },
          { credentials, request: req },
        ),
      );
    });
  }

  return router;
}
