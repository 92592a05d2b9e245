import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { DefaultMaturityRubricService } from '@roadmap/plugin-maturity-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { createPlanGapsAction } from './planGaps';

const EXAMPLES = path.resolve(__dirname, '../../../../examples/repos');
const defaults = DefaultMaturityRubricService.fromConfig(new ConfigReader({}));
// The adopter's overrides every scoring package is tested with.
const adopter = DefaultMaturityRubricService.fromConfig(
  new ConfigReader({
    maturity: {
      rubricFile: path.resolve(EXAMPLES, '../rubric/overrides.yaml'),
    },
  }),
);

function exampleEntity(repo: string): Entity {
  return parse(
    fs.readFileSync(path.join(EXAMPLES, repo, 'catalog-info.yaml'), 'utf8'),
  );
}

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      github: [{ host: 'github.com' }],
      gitlab: [{ host: 'gitlab.com', token: 'x' }],
    },
  }),
);

// Each plan re-runs the detectors and the validators (Helm, kustomize,
// promtool) after every generator: seconds on a loaded machine.
jest.setTimeout(60_000);
describe('maturity:gaps:plan', () => {
  let workspacePath: string;
  const entities = [
    exampleEntity('checkout-web'),
    // The example says GitHub; the same service hosted on GitLab.
    (() => {
      const ledger = exampleEntity('ledger-worker');
      ledger.metadata.annotations!['backstage.io/source-location'] =
        'url:https://gitlab.com/roadmap-demo/ledger-worker/-/tree/main/';
      return ledger;
    })(),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'nowhere' },
      spec: { type: 'service', owner: 'group:default/x', lifecycle: 'x' },
    },
  ];
  const action = createPlanGapsAction({
    catalog: catalogServiceMock({ entities }),
    integrations,
    rubric: defaults,
  });

  beforeEach(() => {
    workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-plan-'));
    fs.cpSync(
      path.join(EXAMPLES, 'checkout-web'),
      path.join(workspacePath, 'repository'),
      { recursive: true },
    );
  });
  afterEach(() => fs.rmSync(workspacePath, { recursive: true, force: true }));

  it('runs its documented example', async () => {
    const [example] = action.examples!;
    const step = parse(example.example).steps[0];
    const ctx = createMockActionContext({ input: step.input, workspacePath });
    await action.handler(ctx as any);
    const out = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    );
    // Rubric order, whatever order the input names them in. The example's
    // chart gives its pods no labels: nothing could select them to scrape.
    expect(out.checks).toEqual(['obs.dashboards', 'obs.alerts']);
    expect(out.skipped).toEqual([
      {
        id: 'obs.metrics',
        reason: expect.stringContaining('no spec.selector.matchLabels'),
      },
    ]);
    expect(out.files.map((f: any) => f.path)).toEqual([
      'chart/templates/prometheusrule.yaml',
      'dashboards/checkout-web.json',
    ]);
    expect(out.unvalidated).toEqual([]);
    expect(out.provider).toBe('github');
    expect(out.repoUrl).toBe('github.com?owner=roadmap-demo&repo=checkout-web');
    expect(out.branchName).toMatch(/^maturity\/monitoring-[0-9a-f]{8}$/);
    expect(out.title).toBe(
      'Maturity: Dashboards as code, Alerting rules as code',
    );
    expect(out.body).toContain('Adds `chart/templates/prometheusrule.yaml`');
  });

  it('gives the same branch for the same checks, so a re-run updates its pull request', async () => {
    const branches: string[] = [];
    for (const checks of [
      ['obs.alerts', 'obs.metrics'],
      ['obs.metrics', 'obs.alerts'],
      ['obs.metrics'],
    ]) {
      const ctx = createMockActionContext({
        input: {
          entityRef: 'component:default/checkout-web',
          path: './repository',
          checks,
          branchPrefix: 'maturity/fix',
        },
        workspacePath,
      });
      await action.handler(ctx as any);
      branches.push(
        (ctx.output as jest.Mock).mock.calls.find(
          ([k]) => k === 'branchName',
        )[1],
      );
    }
    expect(branches[0]).toBe(branches[1]);
    expect(branches[2]).not.toBe(branches[0]);
  });

  it('maps runtime checks to the repository change that fixes them', async () => {
    const ctx = createMockActionContext({
      input: {
        entityRef: 'checkout-web',
        path: './repository',
        checks: ['k8s.hpa', 'prom.alerts'],
        branchPrefix: 'maturity/fix',
      },
      workspacePath,
    });
    await action.handler(ctx as any);
    expect((ctx.output as jest.Mock).mock.calls).toContainEqual([
      'checks',
      ['obs.alerts', 'rel.autoscaling'],
    ]);
  });

  it('targets a GitLab merge request for a GitLab repository', async () => {
    fs.rmSync(path.join(workspacePath, 'repository'), { recursive: true });
    fs.cpSync(
      path.join(EXAMPLES, 'ledger-worker'),
      path.join(workspacePath, 'repository'),
      { recursive: true },
    );
    const ctx = createMockActionContext({
      input: {
        entityRef: 'component:default/ledger-worker',
        path: './repository',
        checks: [],
        branchPrefix: 'maturity/fix',
      },
      workspacePath,
    });
    await action.handler(ctx as any);
    const out = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    );
    expect(out.provider).toBe('gitlab');
    expect(out.repoUrl).toBe(
      'gitlab.com?owner=roadmap-demo&repo=ledger-worker',
    );
    expect(out.checks).toEqual(
      expect.arrayContaining(['rel.pdb', 'rel.autoscaling']),
    );
  });

  it.each([
    [{ path: '../outside' }, /outside|workspace|relative/i],
    [{ path: '/etc' }, /outside|workspace|relative/i],
    [{ branchPrefix: 'x; rm -rf /' }, /not a safe branch name/],
    [{ entityRef: 'component:default/unknown' }, /No catalog entity/],
    [{ entityRef: 'component:default/nowhere' }, /source-location/],
    [{ entityRef: '' }, /not an entity reference/],
  ])('refuses %j with a clear error', async (override, message) => {
    const ctx = createMockActionContext({
      input: {
        entityRef: 'component:default/checkout-web',
        path: './repository',
        checks: [],
        branchPrefix: 'maturity/fix',
        ...override,
      },
      workspacePath,
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(message);
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('plans only the checks of the adopter’s rubric', async () => {
    const adopterAction = createPlanGapsAction({
      catalog: catalogServiceMock({ entities }),
      integrations,
      rubric: adopter,
    });
    const plan = async (
      which: ReturnType<typeof createPlanGapsAction>,
      checks: string[],
    ) => {
      const ctx = createMockActionContext({
        input: {
          entityRef: 'component:default/checkout-web',
          path: './repository',
          checks,
          branchPrefix: 'maturity/fix',
        },
        workspacePath,
      });
      await which.handler(ctx as any);
      return Object.fromEntries(
        (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
      );
    };
    // Every failing check: the disabled one is not planned at all.
    const all = await plan(action, []);
    expect([...all.checks, ...all.skipped.map((s: any) => s.id)]).toContain(
      'obs.metrics',
    );
    const everything = await plan(adopterAction, []);
    expect(everything.checks).not.toContain('obs.metrics');
    expect(everything.skipped.map((s: any) => s.id)).not.toContain(
      'obs.metrics',
    );
    expect(everything.checks).toContain('obs.alerts');
    // Asked for by name: the disabled check and the added one (which no
    // generator fixes) are skipped with their reasons.
    const named = await plan(adopterAction, [
      'obs.metrics',
      'acme.signed-images',
      'obs.alerts',
    ]);
    expect(named.checks).toEqual(['obs.alerts']);
    expect(named.skipped).toEqual(
      expect.arrayContaining([
        { id: 'obs.metrics', reason: 'not a check of this rubric' },
        {
          id: 'acme.signed-images',
          reason: expect.stringMatching(/^no generator/),
        },
      ]),
    );
  });
});
