import { CustomErrorBase, serializeError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** Too many requests of one client at once (429). */
class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;
}

// The caller as far as the limiter is concerned: the bearer token (hashed,
// so no secret is kept), else the address. Verifying the token is the
// route's job; a forged one fails there at no database cost.
function clientKey(req: Request): string {
  const authorization = req.headers.authorization;
  if (authorization) {
    return createHash('sha256').update(authorization).digest('base64url');
  }
  return `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}

/**
 * Caps the requests one client may have in flight; past the cap it answers
 * 429 with Retry-After at once, so that one client's burst of expensive
 * queries cannot take every database connection from everyone else.
 */
export function requestLimiter(options: { perClient: number }) {
  const inFlight = new Map<string, number>();
  return (req: Request, res: Response, next: NextFunction) => {
    const key = clientKey(req);
    const current = inFlight.get(key) ?? 0;
    if (current >= options.perClient) {
      // Backstage's error handler has no 429; the body keeps its shape.
      res.setHeader('Retry-After', '1');
      res.status(429).json({
        error: serializeError(
          new TooManyRequestsError(
            `More than ${options.perClient} requests of yours are in progress; retry when some have finished`,
          ),
        ),
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode: 429 },
      });
      return;
    }
    inFlight.set(key, current + 1);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const left = (inFlight.get(key) ?? 1) - 1;
      if (left <= 0) inFlight.delete(key);
      else inFlight.set(key, left);
    };
    res.on('finish', finish);
    res.on('close', finish);
    next();
  };
}
