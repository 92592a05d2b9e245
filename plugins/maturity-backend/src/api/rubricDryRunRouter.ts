import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import type { RubricDryRunService } from '../service/RubricDryRunService';
import { boundedRubricOverrides } from './boundedRubricOverrides';
import { parseInput } from './parseInput';

/**
 * `POST /rubric/dry-run`: the levels services would reach under proposed
 * rubric overrides (the body, shaped as `maturity.rubric`), against the
 * levels they reach now, from stored facts; writes nothing.
 */
export function rubricDryRunRouter(options: {
  httpAuth: HttpAuthService;
  dryRun: RubricDryRunService;
}): express.Router {
  const { httpAuth, dryRun } = options;
  const router = Router();

  router.post('/rubric/dry-run', async (req, res) => {
    parseInput(boundedRubricOverrides, req.body ?? {}, 'rubric overrides');
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await dryRun.dryRun(req.body ?? {}, { credentials }));
  });

  return router;
}
