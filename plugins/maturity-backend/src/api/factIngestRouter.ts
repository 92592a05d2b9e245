import type { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { FactIngestService } from '../service/FactIngestService';
import { boundedText } from './boundedInputs';
import { parseInput } from './parseInput';
import { PayloadTooLargeError } from './PayloadTooLargeError';

/** The most facts, and entities, one push may carry. */
export const PUSH_LIMITS = { facts: 5_000, entities: 100, bodyBytes: '2mb' };

const httpUrl = boundedText('url', 2048).refine(
  v => /^https?:\/\/[^\s]+$/i.test(v),
  'must be an http(s) URL',
);

const evidence = z
  .object({
    path: boundedText('path', 1024).optional(),
    line: z.number().int().min(1).optional(),
    query: boundedText('query', 4096).optional(),
    url: httpUrl.optional(),
    note: boundedText('note', 500).optional(),
    object: z
      .object({
        kind: boundedText('kind', 100),
        name: boundedText('name', 255),
        namespace: boundedText('namespace', 255).optional(),
        cluster: boundedText('cluster', 255).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const pushRequest = z
  .object({
    provenance: z
      .object({
        source: z
          .string()
          .regex(
            /^[a-z0-9][a-z0-9._-]{0,63}$/i,
            'must be a short name, e.g. maturity-cli',
          ),
        commit: z
          .string()
          .regex(/^[0-9a-f]{7,64}$/i, 'must be a commit hash')
          .optional(),
        runUrl: httpUrl.optional(),
      })
      .strict(),
    ttlSeconds: z.number().int().min(60).optional(),
    facts: z
      .array(
        z
          .object({
            entityRef: boundedText('entityRef', 255).min(1),
            id: boundedText('id', 255).min(1),
            // Typed against the fact catalog by the service.
            value: z.custom<any>(v => v !== undefined, 'is required'),
            observedAt: z.string().datetime({ offset: true }).optional(),
            evidence: z.array(evidence).max(20).optional(),
          })
          .strict(),
      )
      .min(1, 'must hold at least one fact'),
  })
  .strict();

/**
 * `POST /facts`: facts pushed from outside (CI), for one or many entities.
 * Its own body limit (a push is larger than other requests); more facts or
 * entities than the limits answer 413 and store nothing.
 */
export function factIngestRouter(options: {
  httpAuth: HttpAuthService;
  ingest: FactIngestService;
}): express.Router {
  const router = Router();
  router.post(
    '/facts',
    express.json({ limit: PUSH_LIMITS.bodyBytes }),
    async (req, res) => {
      const credentials = await options.httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const facts: unknown = req.body?.facts;
      if (Array.isArray(facts) && facts.length > PUSH_LIMITS.facts) {
        throw new PayloadTooLargeError(
          `A push takes at most ${PUSH_LIMITS.facts} facts, got ${facts.length}; split it`,
        );
      }
      const body = parseInput(pushRequest, req.body, 'push');
      const entities = new Set(body.facts.map(f => f.entityRef));
      if (entities.size > PUSH_LIMITS.entities) {
        throw new PayloadTooLargeError(
          `A push takes facts of at most ${PUSH_LIMITS.entities} entities, got ${entities.size}; split it`,
        );
      }
      res.json(await options.ingest.push(body, { credentials, request: req }));
    },
  );
  return router;
}
