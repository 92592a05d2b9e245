import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { CampaignService } from '../campaigns/CampaignService';
import { boundedInteger, boundedText } from './boundedInputs';
import { parseEntityPath } from './parseEntityPath';
import { parseInput } from './parseInput';

const id = z.object({ id: boundedText('id', 80).min(1) });
const versioned = z
  .object({ version: z.number().int().min(1), campaign: z.unknown() })
  .strict();
const archive = z.object({ version: z.number().int().min(1) }).strict();
const burnUp = z.object({ days: boundedInteger('days', 1, 400) }).strict();
const importBody = z
  .object({
    markdown: z.string().max(500_000, 'markdown must be at most 500 KB'),
    startsOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'startsOn must be a date as YYYY-MM-DD'),
  })
  .strict();

/**
 * `/campaigns`: list, create, read, change (with the version read; 409 when
 * stale), archive; progress, burn-up; and the import of a roadmap document
 * as a proposed campaign.
 */
export function campaignRouter(options: {
  httpAuth: HttpAuthService;
  campaigns: CampaignService;
  importRoadmap: (body: { markdown: string; startsOn: string }) => unknown;
}): express.Router {
  const { httpAuth, campaigns } = options;
  const router = Router();

  router.get('/campaigns', async (req, res) => {
    parseInput(z.object({}).strict(), req.query, 'campaigns query');
    const credentials = await httpAuth.credentials(req);
    res.json(await campaigns.list({ credentials }));
  });

  router.post('/campaigns', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res
      .status(201)
      .json(await campaigns.create(req.body, { credentials, request: req }));
  });

  router.post('/campaigns/import', async (req, res) => {
    const body = parseInput(importBody, req.body, 'import request');
    await httpAuth.credentials(req, { allow: ['user'] });
    res.json(options.importRoadmap(body));
  });

  router.get('/campaigns/:id', async (req, res) => {
    const params = parseInput(id, req.params, 'campaign path');
    const credentials = await httpAuth.credentials(req);
    res.json(await campaigns.get(params.id, { credentials }));
  });

  router.put('/campaigns/:id', async (req, res) => {
    const params = parseInput(id, req.params, 'campaign path');
    const body = parseInput(versioned, req.body, 'campaign update');
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(
      await campaigns.update(params.id, body, { credentials, request: req }),
    );
  });

  router.post('/campaigns/:id/archive', async (req, res) => {
    const params = parseInput(id, req.params, 'campaign path');
    const body = parseInput(archive, req.body, 'archive request');
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    res.json(
      await campaigns.archive(params.id, body, { credentials, request: req }),
    );
  });

  router.get('/campaigns/:id/progress', async (req, res) => {
    const params = parseInput(id, req.params, 'campaign path');
    const credentials = await httpAuth.credentials(req);
    res.json(await campaigns.progress(params.id, { credentials }));
  });

  router.get('/scores/:kind/:namespace/:name/campaigns', async (req, res) => {
    const ref = parseEntityPath(req.params);
    const credentials = await httpAuth.credentials(req);
    res.json(await campaigns.forEntity(ref, { credentials }));
  });

  router.get('/campaigns/:id/burnup', async (req, res) => {
    const params = parseInput(id, req.params, 'campaign path');
    const query = parseInput(burnUp, req.query, 'burn-up query');
    const credentials = await httpAuth.credentials(req);
    res.json(
      await campaigns.burnUp(params.id, query.days ?? 90, { credentials }),
    );
  });

  return router;
}
