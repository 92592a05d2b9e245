import express from 'express';
import request from 'supertest';
import { requestLimiter } from './requestLimiter';

describe('requestLimiter', () => {
  // A route that answers only when told to, so "in flight" is certain.
  function app(perClient: number) {
    const pending: (() => void)[] = [];
    const router = express();
    router.use(requestLimiter({ perClient }));
    router.get('/slow', (_req, res) => {
      pending.push(() => res.json({ ok: true }));
    });
    return { router, pending };
  }
  const waitFor = async (condition: () => boolean) => {
    while (!condition()) await new Promise(r => setImmediate(r));
  };

  it('answers 429 past the cap for one client, and serves other clients', async () => {
    const { router, pending } = app(2);
    const server = router.listen(0);
    try {
      const first = [
        request(server).get('/slow').set('Authorization', 'Bearer a'),
        request(server).get('/slow').set('Authorization', 'Bearer a'),
      ].map(r => r.then(res => res.status));
      await waitFor(() => pending.length === 2);

      const third = await request(server)
        .get('/slow')
        .set('Authorization', 'Bearer a');
      expect(third.status).toBe(429);
      expect(third.headers['retry-after']).toBe('1');
      expect(third.body.error).toMatchObject({
        name: 'TooManyRequestsError',
        message: expect.stringContaining('More than 2 requests'),
      });

      // Another client is not held back by the first one's burst.
      const other = request(server)
        .get('/slow')
        .set('Authorization', 'Bearer b')
        .then(res => res.status);
      await waitFor(() => pending.length === 3);
      pending.forEach(answer => answer());
      expect(await Promise.all([...first, other])).toEqual([200, 200, 200]);

      // Finished requests free their places.
      const again = request(server)
        .get('/slow')
        .set('Authorization', 'Bearer a')
        .then(res => res.status);
      await waitFor(() => pending.length === 4);
      pending[3]();
      expect(await again).toBe(200);
    } finally {
      server.close();
    }
  });
});
