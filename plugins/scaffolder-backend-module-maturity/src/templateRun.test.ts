import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { startFakeGithubApi } from './__testUtils__/fakeGithubApi';
import { scaffolderModule } from './module';

const ROOT = path.resolve(__dirname, '../../..');
const REPO = path.join(ROOT, 'examples/repos/checkout-web');

function yamlEntity(file: string): Entity {
  const entity = parse(fs.readFileSync(file, 'utf8'));
  entity.metadata.namespace ??= 'default';
  return entity;
}

// A real scaffolder backend on a shared, loaded machine: seconds, not milliseconds.
jest.setTimeout(90_000);
describe('the "Add monitoring" template, run by the real scaffolder', () => {
  let openPullRequest = false;

  async function run() {
    const github = await startFakeGithubApi({
      repo: 'checkout-web',
      sourceDir: REPO,
    });
    github.openPullRequest = openPullRequest;
    const backend = await startTestBackend({
      features: [
        import('@backstage/plugin-scaffolder-backend'),
        import('@backstage/plugin-scaffolder-backend-module-github'),
        scaffolderModule,
        catalogServiceMock.factory({
          entities: [
            yamlEntity(path.join(REPO, 'catalog-info.yaml')),
            yamlEntity(
              path.join(
                ROOT,
                'templates/maturity-add-monitoring/template.yaml',
              ),
            ),
          ],
        }),
        // GitHub Enterprise-style: the API base URL points at the fake.
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [
                {
                  host: 'github.com',
                  apiBaseUrl: github.url,
                  token: 'ghp_test',
                },
              ],
            },
          },
        }),
      ],
    });
    try {
      const created = await request(backend.server)
        .post('/api/scaffolder/v2/tasks')
        .set('Authorization', mockCredentials.user.header())
        .send({
          templateRef: 'template:default/maturity-add-monitoring',
          values: {
            entityRef: 'component:default/checkout-web',
            checks: ['obs.metrics', 'obs.alerts', 'obs.dashboards'],
          },
        });
      expect(created.status).toBe(201);
      let task: any;
      for (let i = 0; i < 200; i++) {
        task = (
          await request(backend.server)
            .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
            .set('Authorization', mockCredentials.user.header())
        ).body;
        if (['completed', 'failed', 'cancelled'].includes(task.status)) break;
        await new Promise(resolve => setTimeout(resolve, 100));
      }
      const events = (
        await request(backend.server)
          .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
          .set('Authorization', mockCredentials.user.header())
      ).body;
      return { task, events, requests: github.requests };
    } finally {
      await backend.stop();
      await github.stop();
    }
  }

  it('opens a pull request with the generated files, title, body and a stable branch', async () => {
    openPullRequest = false;
    const { task, events, requests } = await run();
    const log = events
      .map((e: any) => e.body?.message)
      .filter(Boolean)
      .join('\n');
    expect({ status: task.status, log }).toEqual(
      expect.objectContaining({ status: 'completed' }),
    );

    // The checkout came from GitHub's tarball, then the PR went back to it.
    expect(requests.map(r => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'GET /repos/roadmap-demo/checkout-web/tarball/4f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
        'POST /repos/roadmap-demo/checkout-web/git/trees',
        'POST /repos/roadmap-demo/checkout-web/git/refs',
        'POST /repos/roadmap-demo/checkout-web/pulls',
      ]),
    );
    const tree = requests.find(r => r.path.endsWith('/git/trees'))!.body;
    expect(tree.base_tree).toBe('9b1c7e2f0a3d4b5c6e7f8091a2b3c4d5e6f70812');
    expect(tree.tree.map((t: any) => t.path).sort()).toEqual([
      'chart/templates/prometheusrule.yaml',
      'dashboards/checkout-web.json',
    ]);
    const blobs = requests
      .filter(r => r.path.endsWith('/git/blobs'))
      .map(r => Buffer.from(r.body.content, 'base64').toString('utf8'));
    expect(blobs.some(b => b.includes('kind: PrometheusRule'))).toBe(true);

    const ref = requests.find(r => r.path.endsWith('/git/refs'))!.body;
    expect(ref.ref).toMatch(/^refs\/heads\/maturity\/monitoring-[0-9a-f]{8}$/);
    const pull = requests.find(r => r.path.endsWith('/pulls'))!.body;
    expect(pull.head).toBe(
      `roadmap-demo:${ref.ref.replace('refs/heads/', '')}`,
    );
    expect(pull.base).toBe('main');
    expect(pull.title).toBe(
      // The example chart's pods have no labels: nothing could select them.
      'Maturity: Dashboards as code, Alerting rules as code',
    );
    expect(pull.body).toContain('### Alerting rules as code (`obs.alerts`)');
    expect(pull.body).toContain('Adds `chart/templates/prometheusrule.yaml`');
    expect(pull.body).toContain(
      'https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/',
    );
  });

  it('a second run updates the same branch and pull request instead of opening another', async () => {
    openPullRequest = false;
    const first = await run();
    openPullRequest = true;
    const second = await run();
    expect(second.task.status).toBe('completed');
    const branch = first.requests
      .find(r => r.path.endsWith('/git/refs'))!
      .body.ref.replace('refs/heads/', '');
    const calls = second.requests.map(r => `${r.method} ${r.path}`);
    expect(calls).toContain(
      `PATCH /repos/roadmap-demo/checkout-web/git/refs/heads/${branch}`,
    );
    expect(calls).toContain('PATCH /repos/roadmap-demo/checkout-web/pulls/42');
    expect(calls).not.toContain('POST /repos/roadmap-demo/checkout-web/pulls');
  });
});
