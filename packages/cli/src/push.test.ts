import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import maturityBackend from '@roadmap/plugin-maturity-backend';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './__testUtils__/runCli';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const examples = path.resolve(__dirname, '../../../examples/repos');
const REF = 'component:default/payments-api';
const SHA = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c';

// The service as the catalog holds it, with no source location: the
// backend cannot read its repository, only CI can.
const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/payments',
  },
};

describe.each(databases.eachSupportedId())(
  'maturity score --push on %s',
  id => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let base: string;
    const env = { ...process.env };
    const read = async (suffix = '') => {
      const res = await fetch(
        `${base}/api/maturity/scores/component/default/payments-api${suffix}`,
        { headers: { authorization: mockCredentials.user.header() } },
      );
      expect(res.status).toBe(200);
      return res.json() as Promise<any>;
    };

    beforeAll(async () => {
      const knex = await databases.init(id);
      backend = await startTestBackend({
        features: [
          maturityBackend,
          catalogServiceMock.factory({ entities: [entity] }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              maturity: {
                kubernetes: { enabled: false },
                schedule: {
                  frequency: { hours: 24 },
                  timeout: { minutes: 5 },
                  initialDelay: { hours: 24 },
                },
              },
            },
          }),
        ],
      });
      base = `http://localhost:${backend.server.port()}`;
      // As a GitHub Actions job sees its run.
      Object.assign(process.env, {
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: 'acme/payments-api',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_SHA: SHA,
        GITHUB_RUN_ID: '77',
        MATURITY_TOKEN: mockCredentials.service.token(),
      });
    });
    afterAll(async () => {
      process.env = env;
      await backend?.stop();
    });

    it('uploads what it saw in the checkout, and the portal scores that commit', async () => {
      const refreshed = await fetch(
        `${base}/api/maturity/scores/component/default/payments-api/refresh`,
        {
          method: 'POST',
          headers: { authorization: mockCredentials.user.header() },
        },
      );
      expect(refreshed.status).toBe(200);
      const before = await read();
      const pipeline = (score: any) =>
        score.detail.results.find((r: any) => r.checkId === 'ci.pipeline');
      // No repository read: its checks are unknown, never failed.
      expect(pipeline(before).status).toBe('unknown');
      const historyBefore = (await read('/history')).items.length;

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-push-'));
      fs.cpSync(path.join(examples, 'payments-api'), dir, { recursive: true });
      try {
        const { code, stderr } = await runCli([
          'score',
          dir,
          '--push',
          base,
          '--entity-ref',
          REF,
          '--format',
          'json',
        ]);
        expect(stderr).toContain(`pushing the repository facts of ${REF}`);
        expect(code).toBe(0);
        expect(stderr).toMatch(/pushed: \d+ facts stored/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }

      const after = await read();
      expect(pipeline(after).status).toBe('pass');
      // Evidence links point at the pushed commit, and name the run.
      const links = pipeline(after).evidence.map((e: any) => e.url);
      expect(links).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            new RegExp(
              `^https://github\\.com/acme/payments-api/blob/${SHA}/\\.github/workflows/`,
            ),
          ),
          'https://github.com/acme/payments-api/actions/runs/77',
        ]),
      );
      expect(after.score).toBeGreaterThan(before.score);
      expect((await read('/history')).items.length).toBe(historyBefore + 1);
    });

    it('fails with a clear message when the token is missing or refused', async () => {
      const missing = await runCli([
        'score',
        path.join(examples, 'payments-api'),
        '--push',
        base,
        '--token-env',
        'NO_SUCH_TOKEN_VARIABLE',
        '-q',
      ]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('NO_SUCH_TOKEN_VARIABLE');

      process.env.MATURITY_TOKEN = 'not-a-token';
      const refused = await runCli([
        'score',
        path.join(examples, 'payments-api'),
        '--push',
        base,
        '-q',
      ]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('push refused (401)');
    });
  },
);
