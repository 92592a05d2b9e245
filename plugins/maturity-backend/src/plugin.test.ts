import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { maturityPlugin } from './plugin';

describe('maturityPlugin', () => {
  it('serves an unauthenticated health check under /api/maturity', async () => {
    const { server } = await startTestBackend({ features: [maturityPlugin] });

    const res = await request(server)
      .get('/api/maturity/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers unknown routes with a 404, not the health payload', async () => {
    const { server } = await startTestBackend({ features: [maturityPlugin] });

    const res = await request(server).get('/api/maturity/nope');
    expect(res.status).toBe(404);
  });

  it('still requires credentials on other routes', async () => {
    const { server } = await startTestBackend({ features: [maturityPlugin] });

    const res = await request(server)
      .get('/api/maturity/nope')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});
