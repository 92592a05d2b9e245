import { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';

/**
 * Builds the plugin's HTTP routes. Kept thin: validation and delegation only.
 */
export async function createRouter(options: {
  logger: LoggerService;
}): Promise<express.Router> {
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  options.logger.debug('maturity routes registered');
  return router;
}
