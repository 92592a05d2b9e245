import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import { scaffolderModule } from './module';

const TEMPLATE_DIR = path.resolve(
  __dirname,
  '../../../templates/maturity-golden-path-service',
);

function templateFiles(
  dir: string,
  prefix = '',
): { path: string; base64Content: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    return entry.isDirectory()
      ? templateFiles(full, rel)
      : [
          {
            path: rel,
            base64Content: fs.readFileSync(full).toString('base64'),
          },
        ];
  });
}

const hasPromtool =
  spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
const describeWithPromtool = hasPromtool ? describe : describe.skip;

// A real scaffolder backend on a shared, loaded machine: seconds, not milliseconds.
jest.setTimeout(90_000);
describe('the golden-path service template, dry-run by the real scaffolder', () => {
  let response: request.Response;
  let files: Map<string, string>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        import('@backstage/plugin-scaffolder-backend'),
        import('@backstage/plugin-scaffolder-backend-module-github'),
        scaffolderModule,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootLogger.factory({ level: 'error' }),
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [{ host: 'github.com', token: 'ghp_test' }],
            },
          },
        }),
      ],
    });
    try {
      const template = parse(
        fs.readFileSync(path.join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
      );
      response = await request(backend.server)
        .post('/api/scaffolder/v2/dry-run')
        .set('Authorization', mockCredentials.user.header())
        .send({
          template,
          values: {
            name: 'quote-service',
            description: 'Quotes shipping prices: "fast" & cheap.',
            owner: 'group:default/logistics',
            system: 'system:default/shipping',
            repoUrl: 'github.com?owner=roadmap-demo&repo=quote-service',
            pagerdutyServiceId: 'PQ7X2LK',
          },
          secrets: {},
          directoryContents: templateFiles(TEMPLATE_DIR),
        });
      files = new Map<string, string>(
        (response.body.directoryContents ?? []).map((f: any) => [
          f.path,
          Buffer.from(f.base64Content, 'base64').toString('utf8'),
        ]),
      );
    } finally {
      await backend.stop();
    }
  });

  it('renders a service that reaches gold before it is published', () => {
    const log = (response.body.log ?? [])
      .map((l: any) => l.body?.message)
      .join('\n');
    expect({ status: response.status, log }).toEqual(
      expect.objectContaining({ status: 200 }),
    );
    expect(log).toMatch(
      /Maturity of \.: gold \(\d+(\.\d+)?\/100\); 0 repository and catalog checks fail/,
    );
    expect(response.body.output.text[0].content).toContain('**gold**');
  });

  it('writes the values into catalog-info.yaml safely quoted', () => {
    const [component, api] = parseAllDocuments(
      files.get('catalog-info.yaml')!,
    ).map(d => d.toJS());
    expect(component.metadata).toEqual(
      expect.objectContaining({
        name: 'quote-service',
        description: 'Quotes shipping prices: "fast" & cheap.',
      }),
    );
    expect(component.spec).toEqual(
      expect.objectContaining({
        owner: 'group:default/logistics',
        system: 'shipping',
        providesApis: ['quote-service'],
      }),
    );
    expect(api.kind).toBe('API');
  });

  it('copies workflows and chart templates without rendering them', () => {
    expect(files.get('.github/workflows/ci.yml')).toContain(
      'ghcr.io/${{ github.repository }}',
    );
    expect(files.get('chart/templates/rollout.yaml')).toContain('{{');
  });

  describeWithPromtool('promtool', () => {
    it('passes the rendered alert rules', () => {
      const rules = parse(files.get('monitoring/prometheus-rule.yaml')!);
      expect(JSON.stringify(rules)).toContain('service=\\"quote-service\\"');
      const file = path.join(os.tmpdir(), `golden-rules-${process.pid}.yaml`);
      fs.writeFileSync(file, JSON.stringify({ groups: rules.spec.groups }));
      const check = spawnSync('promtool', ['check', 'rules', file], {
        encoding: 'utf8',
      });
      fs.rmSync(file);
      expect(check.stdout + check.stderr).toMatch(/SUCCESS/);
    });
  });
});
