import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  demoEntity,
  demoMaturityConfig,
  examplesDir,
} from './__testUtils__/demo';
import { directoryUrlReaderFactory } from './__testUtils__/directoryUrlReader';
import maturityFeatures from './index';

jest.setTimeout(60_000);

describe('POST /api/maturity/remediation/plan', () => {
  async function start() {
    return startTestBackend({
      features: [
        maturityFeatures,
        catalogServiceMock.factory({
          entities: [
            demoEntity('checkout-web'),
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'nowhere', namespace: 'default' },
              spec: { type: 'service', owner: 'group:default/x' },
            },
          ],
        }),
        directoryUrlReaderFactory(examplesDir),
        mockServices.rootConfig.factory({ data: demoMaturityConfig() }),
      ],
    });
  }

  it('plans the files of a fix from the repository, writing nothing', async () => {
    const { server } = await start();
    const res = await request(server)
      .post('/api/maturity/remediation/plan')
      .send({
        entityRef: 'component:default/checkout-web',
        checks: ['prom.alerts'],
      })
      .expect(200);
    expect(res.body.checks.map((c: any) => c.id)).toEqual(['obs.alerts']);
    expect(res.body.files.length).toBeGreaterThan(0);
    for (const file of res.body.files) {
      expect(file).toMatchObject({
        path: expect.any(String),
        action: expect.stringMatching(/^(create|update)$/),
        content: expect.any(String),
      });
    }
    expect(res.body.pullRequest.title).toMatch(/Alerting rules/);
  });

  it('answers bad input, unknown entities and missing credentials as it should', async () => {
    const { server } = await start();
    const plan = (body: unknown) =>
      request(server)
        .post('/api/maturity/remediation/plan')
        .send(body as any);
    expect((await plan({ checks: [] })).status).toBe(400);
    expect((await plan({ entityRef: 'x\u0000', checks: [] })).status).toBe(400);
    expect(
      (await plan({ entityRef: 'component:default/a', checks: 'obs.alerts' }))
        .status,
    ).toBe(400);
    const unknown = await plan({ entityRef: 'component:default/nope' });
    expect(unknown.status).toBe(404);
    const noSource = await plan({ entityRef: 'component:default/nowhere' });
    expect(noSource.status).toBe(400);
    expect(noSource.body.error.message).toMatch(/source-location/);
    await request(server)
      .post('/api/maturity/remediation/plan')
      .set('Authorization', mockCredentials.none.header())
      .send({ entityRef: 'component:default/checkout-web' })
      .expect(401);
  });
});
