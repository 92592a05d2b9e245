import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  demoEntity,
  demoMaturityConfig,
  examplesDir,
} from './__testUtils__/demo';
import { directoryUrlReaderFactory } from './__testUtils__/directoryUrlReader';
import maturityFeatures from './index';

jest.setTimeout(60_000);

// The owner may request, the lead may approve; everyone may read.
const policy = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    async authorize(requests: any[], options: any) {
      const who = options.credentials.principal.userEntityRef;
      return requests.map(r => {
        if (r.permission.name === 'maturity.exemption.request') {
          return {
            result:
              who === 'user:default/owner'
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          };
        }
        if (r.permission.name === 'maturity.exemption.approve') {
          return {
            result:
              who === 'user:default/lead'
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          };
        }
        return { result: AuthorizeResult.ALLOW };
      });
    },
    async authorizeConditional(requests: any[]) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
  }),
});

describe('exemption requests', () => {
  it('go from a request by the owner to an approval that applies at once, with who and when kept', async () => {
    const { server } = await startTestBackend({
      features: [
        maturityFeatures,
        policy,
        directoryUrlReaderFactory(examplesDir),
        catalogServiceMock.factory({
          entities: [demoEntity('legacy-billing')],
        }),
        mockServices.rootConfig.factory({ data: demoMaturityConfig() }),
      ],
    });
    const as = (who: string) => ({
      get: (url: string) =>
        request(server)
          .get(`/api/maturity${url}`)
          .set(
            'Authorization',
            mockCredentials.user.header(`user:default/${who}`),
          ),
      post: (url: string) =>
        request(server)
          .post(`/api/maturity${url}`)
          .set(
            'Authorization',
            mockCredentials.user.header(`user:default/${who}`),
          ),
    });
    const entity = 'component:default/legacy-billing';
    const statusOf = async (checkId: string) =>
      (
        await as('owner')
          .get('/scores/component/default/legacy-billing')
          .expect(200)
      ).body.detail.results.find((r: any) => r.checkId === checkId);
    await as('lead')
      .post('/scores/component/default/legacy-billing/refresh')
      .expect(200);
    expect((await statusOf('rel.chaos')).status).toBe('fail');

    const body = {
      entityRef: entity,
      checkId: 'rel.chaos',
      reason: 'Decommissioned in Q2',
      expires: '2099-01-01',
    };
    // Too far out, unknown checks, no reason, and not the owner.
    expect(
      (await as('owner').post('/exemption-requests').send(body)).status,
    ).toBe(400);
    const nextMonth = new Date(Date.now() + 30 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const ok = { ...body, expires: nextMonth };
    const unknown = await as('owner')
      .post('/exemption-requests')
      .send({ ...ok, checkId: 'rel.nope' });
    expect([unknown.status, unknown.body.error.message]).toEqual([
      400,
      expect.stringMatching(/not a check/),
    ]);
    expect(
      (
        await as('owner')
          .post('/exemption-requests')
          .send({ ...ok, reason: '  ' })
      ).status,
    ).toBe(400);
    expect((await as('lead').post('/exemption-requests').send(ok)).status).toBe(
      403,
    );

    const requested = await as('owner')
      .post('/exemption-requests')
      .send(ok)
      .expect(201);
    expect(requested.body).toMatchObject({
      status: 'requested',
      requestedBy: 'user:default/owner',
    });
    const pending = await as('lead')
      .get('/exemption-requests?status=requested')
      .expect(200);
    expect(pending.body.items.map((r: any) => r.id)).toEqual([
      requested.body.id,
    ]);

    await as('owner')
      .post(`/exemption-requests/${requested.body.id}/approve`)
      .send({})
      .expect(403);
    const approved = await as('lead')
      .post(`/exemption-requests/${requested.body.id}/approve`)
      .send({ comment: 'Fine until it is gone' })
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedBy: 'user:default/lead',
      decisionComment: 'Fine until it is gone',
    });
    // Applied at once, and says where it comes from.
    expect(await statusOf('rel.chaos')).toMatchObject({
      status: 'exempt',
      exemption: {
        reason: 'Decommissioned in Q2',
        source: 'request',
        approvedBy: 'user:default/lead',
      },
    });

    const again = await as('lead')
      .post(`/exemption-requests/${requested.body.id}/deny`)
      .send({});
    expect([again.status, again.body.error.message]).toEqual([
      409,
      expect.stringMatching(/is approved; it cannot be denied/),
    ]);
    await as('lead')
      .post(`/exemption-requests/${requested.body.id}/revoke`)
      .send({})
      .expect(200);
    expect((await statusOf('rel.chaos')).status).toBe('fail');
    await as('lead')
      .post('/exemption-requests/nope/approve')
      .send({})
      .expect(404);
  });
});
