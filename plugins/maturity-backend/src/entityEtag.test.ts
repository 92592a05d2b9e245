import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  demoEntity,
  demoMaturityConfig,
  examplesDir,
} from './__testUtils__/demo';
import { directoryUrlReaderFactory } from './__testUtils__/directoryUrlReader';
import { httpAuthWithActors } from './__testUtils__/httpAuthWithActors';
import {
  policyUsers,
  restrictivePolicyModule,
} from './__testUtils__/restrictivePolicy';
import maturityFeatures from './index';

jest.setTimeout(60_000);

const URL = '/api/maturity/scores/component/default/payments-api';

describe('the entity score is validated by an ETag of its stored version', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let repos: string;
  const as = (user: string, etag?: string) => {
    const req = request(backend.server)
      .get(URL)
      .set('Authorization', mockCredentials.user.header(user));
    return etag ? req.set('If-None-Match', etag) : req;
  };
  const refresh = () =>
    request(backend.server)
      .post(`${URL}/refresh`)
      .set('Authorization', mockCredentials.user.header(policyUsers.admin))
      .expect(200);

  beforeAll(async () => {
    repos = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-etag-'));
    fs.cpSync(
      path.join(examplesDir, 'payments-api'),
      path.join(repos, 'payments-api'),
      { recursive: true },
    );
    backend = await startTestBackend({
      features: [
        maturityFeatures,
        directoryUrlReaderFactory(repos),
        catalogServiceMock.factory({ entities: [demoEntity('payments-api')] }),
        import('@backstage/plugin-permission-backend'),
        restrictivePolicyModule,
        permissionsServiceFactory,
        httpAuthWithActors,
        mockServices.rootConfig.factory({
          data: { ...demoMaturityConfig(), permission: { enabled: true } },
        }),
      ],
    });
  });
  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(repos, { recursive: true, force: true });
  });

  it('answers 304 while the score is unchanged and the full score once it changes', async () => {
    await refresh();
    const first = await as(policyUsers.admin).expect(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.body.entityRef).toBe('component:default/payments-api');

    const same = await as(policyUsers.admin, etag).expect(304);
    expect(same.text).toBe('');
    expect(same.headers.etag).toBe(etag);
    // A list of validators, and the strong form of the same tag, match too.
    await as(policyUsers.admin, `"other", ${etag}`).expect(304);
    await as(policyUsers.admin, etag.replace(/^W\//, '')).expect(304);
    await as(policyUsers.admin, '"other"').expect(200);

    // Scored again: the ETag changes exactly when the response does (a
    // confirmation moves confirmedAt even when the results are the same).
    await refresh();
    const again = await as(policyUsers.admin).expect(200);
    expect(again.headers.etag === etag).toBe(
      JSON.stringify(again.body) === JSON.stringify(first.body),
    );

    // The pipeline removed: a new snapshot, a new ETag, the new results.
    fs.rmSync(path.join(repos, 'payments-api', '.github'), {
      recursive: true,
      force: true,
    });
    await refresh();
    const changed = await as(policyUsers.admin, etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.snapshotId).not.toBe(first.body.snapshotId);
    expect(
      changed.body.detail.results.find((r: any) => r.checkId === 'ci.pipeline')
        .status,
    ).toBe('fail');
  });

  it('never answers 304 to a caller who may not see the score', async () => {
    const { headers } = await as(policyUsers.admin).expect(200);
    const denied = await as(policyUsers.scoreDenied, headers.etag);
    expect(denied.status).toBe(404);
    // (Express validates the error body with its own tag, never the score's.)
    expect(denied.headers.etag).not.toBe(headers.etag);
    expect(denied.body.error.message).toContain('No score for');
  });
});
