import { validateWorkflow } from '@action-validator/core';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { FileSystemRepositoryTree } from '../tree/FileSystemRepositoryTree';
import { InMemoryRepositoryTree } from '../tree/InMemoryRepositoryTree';
import { missingInCi, missingTools } from './__testUtils__/systemTools';
import { removedLines } from './__testUtils__/planFor';
import type { RepositoryTree } from '../tree/RepositoryTree';
import { OverlayRepositoryTree } from './OverlayRepositoryTree';
import { planRemediation } from './planRemediation';
import { defaultRemediationValidators } from './validation/defaultRemediationValidators';
import { validateChange } from './validation/validateChange';
import type { GeneratedFile } from './RemediationGenerator';

const EXAMPLES = path.resolve(__dirname, '../../../../examples/repos');
jest.setTimeout(300_000);

/** A name written to break out of YAML, PromQL, shell, Markdown and paths. */
const HOSTILE =
  'evil"} or vector(1) # \n$1 {{ .Values }} `rm -rf /` ../../etc/passwd <img src=x>';

type Model = new (data: any) => { validate(): void };

/** The models (the packages ship as ES modules only, hence the imports). */
async function models(): Promise<Record<string, Model>> {
  const { Deployment } = await import('kubernetes-models/apps/v1');
  const { HorizontalPodAutoscaler } = await import(
    'kubernetes-models/autoscaling/v2'
  );
  const { PodDisruptionBudget } = await import('kubernetes-models/policy/v1');
  const { Service } = await import('kubernetes-models/v1');
  const { PodMonitor, PrometheusRule } = await import(
    '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1'
  );
  const { Application } = await import(
    '@kubernetes-models/argo-cd/argoproj.io/v1alpha1'
  );
  return {
    'apps/v1/Deployment': Deployment,
    'v1/Service': Service,
    'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
    'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
    'monitoring.coreos.com/v1/PodMonitor': PodMonitor,
    'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
    'argoproj.io/v1alpha1/Application': Application,
  };
}

/** Every plan, with the repository it was made for. */
const plans: {
  origin: string;
  tree: RepositoryTree;
  files: GeneratedFile[];
}[] = [];

async function allGeneratedFiles(): Promise<
  { origin: string; file: GeneratedFile }[]
> {
  const out: { origin: string; file: GeneratedFile }[] = [];
  for (const repo of fs.readdirSync(EXAMPLES)) {
    const entity = parse(
      fs.readFileSync(path.join(EXAMPLES, repo, 'catalog-info.yaml'), 'utf8'),
    );
    for (const name of [entity.metadata.name, HOSTILE]) {
      const plan = await planRemediation({
        tree: new FileSystemRepositoryTree(path.join(EXAMPLES, repo)),
        service: {
          name,
          title: name,
          owner:
            name === HOSTILE ? `group:default/${HOSTILE}` : entity.spec.owner,
          kind: entity.kind,
          type: entity.spec.type,
          sourceLocation:
            entity.metadata.annotations?.['backstage.io/source-location'],
        },
      });
      const origin = `${repo}/${name === HOSTILE ? 'hostile' : 'own'}`;
      plans.push({
        origin,
        tree: new FileSystemRepositoryTree(path.join(EXAMPLES, repo)),
        files: plan.files,
      });
      out.push(...plan.files.map(file => ({ origin, file })));
    }
  }
  const gitlab = await planRemediation({
    tree: new InMemoryRepositoryTree({
      '.gitlab-ci.yml': 'build:\n  script: [go build ./...]\n',
      'go.mod': 'module example.com/x\n\ngo 1.23\n',
      'main.go': 'package main\n\nfunc main() {}\n',
    }),
    service: { name: HOSTILE, kind: 'Component', type: 'service' },
  });
  out.push(...gitlab.files.map(file => ({ origin: 'gitlab/hostile', file })));
  return out;
}

describe('generated files pass their ecosystem validators', () => {
  let files: { origin: string; file: GeneratedFile }[];
  beforeAll(async () => {
    files = await allGeneratedFiles();
  });

  // Chart templates are Go templates, not YAML: Helm's engine checks them.
  const yamlFiles = () =>
    files.filter(
      ({ file }) =>
        /\.ya?ml$/.test(file.path) && !file.content.startsWith('{{'),
    );

  it('generates files for every kind of validator', () => {
    const paths = files.map(f => f.file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/trivy.yml',
        '.gitlab-ci.yml',
        'deploy/deployment.yaml',
        'dashboards/hobby-recommender.json',
      ]),
    );
  });

  it('the validators reject broken files (so their passing means something)', async () => {
    const { 'apps/v1/Deployment': Deployment } = await models();
    expect(() =>
      new Deployment({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'x' },
        spec: { replicas: 'two', selector: {}, template: {} },
      }).validate(),
    ).toThrow();
    expect(
      validateWorkflow('on: push\njobs:\n  x:\n    steps: 3\n').errors,
    ).not.toEqual([]);
  });

  it('edits like a person: every line an update removes is a value it replaces, at the same key and indentation', async () => {
    const updates = files.filter(({ file }) => file.action === 'update');
    expect(updates.length).toBeGreaterThan(5);
    const reindented = updates.flatMap(({ origin, file }) => {
      const repo = origin.split('/')[0];
      const before = fs.existsSync(path.join(EXAMPLES, repo, file.path))
        ? fs.readFileSync(path.join(EXAMPLES, repo, file.path), 'utf8')
        : undefined;
      if (before === undefined) return [];
      const added = removedLines(file.content, before);
      return removedLines(before, file.content)
        .filter(line => {
          const key = /^(\s*(?:- )?[^:#]+:)/.exec(line)?.[1];
          return !key || !added.some(a => a.startsWith(key));
        })
        .map(line => `${origin} ${file.path}: ${JSON.stringify(line)}`);
    });
    expect(reindented).toEqual([]);
  });

  it('passes every validator of the plan, run again over each whole plan', async () => {
    const findings: string[] = [];
    const notRun: string[] = [];
    for (const plan of plans) {
      const after = new OverlayRepositoryTree(plan.tree);
      for (const f of plan.files) after.write(f.path, f.content);
      const result = await validateChange(defaultRemediationValidators(), {
        before: plan.tree,
        after,
        changed: plan.files.map(f => f.path),
      });
      findings.push(
        ...result.findings.map(
          f => `${plan.origin} ${f.path}: ${f.validator}: ${f.message}`,
        ),
      );
      notRun.push(...result.notRun.map(r => `${plan.origin}: ${r}`));
    }
    expect(findings).toEqual([]);
    // In CI every validator's program is installed: all of them ran.
    expect(process.env.CI ? notRun : []).toEqual([]);
    // Chart templates were among them.
    expect(files.some(f => f.file.path.includes('/templates/'))).toBe(true);
  });

  it('every YAML file parses', () => {
    const broken = yamlFiles().flatMap(({ origin, file }) =>
      parseAllDocuments(file.content).flatMap(doc =>
        doc.errors.map(e => `${origin} ${file.path}: ${e.message}`),
      ),
    );
    expect(broken).toEqual([]);
  });

  it('every GitHub Actions workflow passes action-validator', () => {
    const workflows = files.filter(({ file }) =>
      file.path.startsWith('.github/workflows/'),
    );
    expect(workflows.length).toBeGreaterThan(10);
    const errors = workflows.flatMap(({ origin, file }) =>
      validateWorkflow(file.content).errors.map(
        e => `${origin} ${file.path}: ${e.title} ${'path' in e ? e.path : ''}`,
      ),
    );
    expect(errors).toEqual([]);
  });

  it('every Kubernetes object validates against its schema', async () => {
    const MODELS = await models();
    const objects = yamlFiles().flatMap(({ origin, file }) =>
      parseAllDocuments(file.content)
        .map(doc => doc.toJS())
        .filter(
          o =>
            o?.apiVersion &&
            o?.kind &&
            !/kustomize|backstage/.test(o.apiVersion),
        )
        .map(o => ({ origin, path: file.path, object: o })),
    );
    const kinds = new Set(
      objects.map(o => `${o.object.apiVersion}/${o.object.kind}`),
    );
    expect([...kinds].sort()).toEqual(Object.keys(MODELS).sort());
    const invalid = objects.flatMap(({ origin, path: p, object }) => {
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      try {
        new Model(object).validate();
        return [];
      } catch (error) {
        return [`${origin} ${p}: ${(error as Error).message}`];
      }
    });
    expect(invalid).toEqual([]);
  });

  it('has the programs of every validator (CI installs them)', () => {
    expect(missingInCi(['go', 'kubectl', 'promtool'])).toEqual([]);
  });

  (missingTools(['promtool']).length === 0 ? describe : describe.skip)(
    'promtool',
    () => {
      it('passes every alert rule file', () => {
        const groups = yamlFiles().flatMap(({ origin, file }) =>
          parseAllDocuments(file.content)
            .map(doc => doc.toJS())
            .filter(
              o => o?.kind === 'PrometheusRule' || (!o?.kind && o?.groups),
            )
            .map(o => ({
              origin,
              path: file.path,
              groups: o.spec?.groups ?? o.groups,
            })),
        );
        expect(groups.length).toBeGreaterThan(5);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promtool-'));
        const failures = groups.flatMap(({ origin, path: p, groups: g }, i) => {
          const file = path.join(dir, `rules-${i}.yaml`);
          fs.writeFileSync(file, stringify({ groups: g }));
          const result = spawnSync('promtool', ['check', 'rules', file], {
            encoding: 'utf8',
          });
          return result.status === 0
            ? []
            : [`${origin} ${p}: ${result.stdout}${result.stderr}`];
        });
        fs.rmSync(dir, { recursive: true, force: true });
        expect(failures).toEqual([]);
      });
    },
  );

  it('every dashboard is a Grafana dashboard JSON model', () => {
    const dashboards = files.filter(
      ({ file }) =>
        file.path.endsWith('.json') && file.path.startsWith('dashboards/'),
    );
    expect(dashboards.length).toBeGreaterThan(5);
    for (const { file } of dashboards) {
      const model = JSON.parse(file.content);
      expect(model).toEqual(
        expect.objectContaining({
          title: expect.any(String),
          uid: expect.stringMatching(/^[a-zA-Z0-9_-]{1,40}$/),
          schemaVersion: expect.any(Number),
          panels: expect.any(Array),
        }),
      );
      const ids = model.panels.map((p: any) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const panel of model.panels) {
        expect(panel).toEqual(
          expect.objectContaining({
            type: 'timeseries',
            gridPos: expect.objectContaining({
              w: expect.any(Number),
              h: expect.any(Number),
            }),
            targets: [
              expect.objectContaining({ refId: 'A', expr: expect.any(String) }),
            ],
          }),
        );
      }
    }
  });

  it('a hostile entity name injects nothing', () => {
    const hostile = files.filter(f => f.origin.endsWith('hostile'));
    expect(hostile.length).toBeGreaterThan(20);
    for (const { file } of hostile) {
      // Paths are sanitised: no traversal, nothing from the name but [a-z0-9-].
      expect(file.path).not.toMatch(/\.\.|^\/|\n|"|\$|\{/);
      // The raw name never appears unescaped in any file.
      expect(file.content).not.toContain(HOSTILE);
    }
    // In YAML it is a plain string value; in PromQL an escaped literal.
    const rules = hostile.find(
      f =>
        f.file.path.endsWith('prometheusrule.yaml') &&
        !f.file.content.startsWith('{{'),
    )!;
    const rule = parse(rules.file.content.replace(/^#.*\n/, ''));
    const expr: string = rule.spec.groups[1].rules[0].expr;
    expect(expr).toContain(`service=${JSON.stringify(HOSTILE)}`);
    const monitor = hostile.find(f => f.file.path.endsWith('podmonitor.yaml'))!;
    expect(
      parse(monitor.file.content).spec.podMetricsEndpoints[0].relabelings[0]
        .replacement,
    ).toBe(HOSTILE.replace(/\$/g, '$$$$'));
  });
});
