import { defaultRubric } from '@roadmap/plugin-maturity-common';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { detectRepositoryFacts } from '../detectors/detectRepositoryFacts';
import { FileSystemRepositoryTree } from '../tree/FileSystemRepositoryTree';
import { InMemoryRepositoryTree } from '../tree/InMemoryRepositoryTree';
import { planRemediation, type RemediationPlan } from './planRemediation';
import type { RemediationService } from './RemediationGenerator';

const EXAMPLES = path.resolve(__dirname, '../../../../examples/repos');

// Each plan re-runs the detectors and validators after every generator.
jest.setTimeout(120_000);

async function serviceOf(repo: string): Promise<RemediationService> {
  const entity = parse(
    await fs.readFile(path.join(EXAMPLES, repo, 'catalog-info.yaml'), 'utf8'),
  );
  return {
    name: entity.metadata.name,
    kind: entity.kind,
    type: entity.spec?.type,
    owner: entity.spec?.owner,
    sourceLocation:
      entity.metadata.annotations?.['backstage.io/source-location'],
  };
}

async function checkResults(dir: string): Promise<Map<string, boolean>> {
  const { facts } = await detectRepositoryFacts(
    new FileSystemRepositoryTree(dir),
  );
  return new Map(
    facts
      .filter(f => typeof f.value === 'boolean')
      .map(f => [f.id.replace(/^repository\./, ''), f.value as boolean]),
  );
}

/** Applies a plan to a copy of the repository, as the pull request would. */
async function applyToCopy(repo: string, plan: RemediationPlan) {
  const copy = await fs.mkdtemp(path.join(os.tmpdir(), `remediate-${repo}-`));
  await fs.cp(path.join(EXAMPLES, repo), copy, { recursive: true });
  for (const file of plan.files) {
    const target = path.join(copy, file.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.content);
  }
  return copy;
}

const fileOf = (plan: RemediationPlan, p: string) =>
  plan.files.find(f => f.path === p);

const generated = new Set(
  defaultRubric.checks.filter(c => c.remediation?.generator).map(c => c.id),
);

describe('planRemediation closes the gaps of the example repositories', () => {
  const repos = require('node:fs').readdirSync(EXAMPLES) as string[];

  it.each(repos)('%s: targeted checks pass, none gets worse', async repo => {
    const service = await serviceOf(repo);
    const before = await checkResults(path.join(EXAMPLES, repo));
    const plan = await planRemediation({
      tree: new FileSystemRepositoryTree(path.join(EXAMPLES, repo)),
      service,
    });

    // Files: creations never replace a file, updates change existing ones.
    const existing = new Set(
      await new FileSystemRepositoryTree(path.join(EXAMPLES, repo)).listFiles(),
    );
    for (const file of plan.files) {
      expect({ path: file.path, exists: existing.has(file.path) }).toEqual({
        path: file.path,
        exists: file.action === 'update',
      });
    }

    const copy = await applyToCopy(repo, plan);
    const after = await checkResults(copy);
    await fs.rm(copy, { recursive: true, force: true });

    for (const check of plan.checks)
      expect([check.id, after.get(check.id)]).toEqual([check.id, true]);
    const worse = [...before].filter(([id, ok]) => ok && !after.get(id));
    expect(worse).toEqual([]);

    // Every failing generated check is either fixed or skipped with a reason.
    const failing = [...before]
      .filter(([id, ok]) => !ok && generated.has(id))
      .map(([id]) => id);
    const accounted = new Set([
      ...plan.checks.map(c => c.id),
      ...plan.skipped.map(s => s.id),
    ]);
    const applicable = failing.filter(id => {
      const check = defaultRubric.checks.find(c => c.id === id)!;
      return (
        !check.appliesTo?.types ||
        !service.type ||
        check.appliesTo.types.includes(service.type)
      );
    });
    expect(applicable.filter(id => !accounted.has(id))).toEqual([]);
    for (const s of plan.skipped) expect(s.reason.length).toBeGreaterThan(10);
  });

  it('fixes what it can of a bare repository, and says why not the rest instead of writing files that cannot run', async () => {
    const service = await serviceOf('hobby-recommender');
    const plan = await planRemediation({
      tree: new FileSystemRepositoryTree(
        path.join(EXAMPLES, 'hobby-recommender'),
      ),
      service,
    });
    expect(plan.checks.map(c => c.id)).toEqual(
      expect.arrayContaining([
        'ci.pipeline',
        'obs.alerts',
        'obs.dashboards',
        'sec.image-scan',
        'sec.sast',
        'sec.secret-scan',
        'docs.runbook',
      ]),
    );
    // A script with no server and no tests: no Dockerfile that starts
    // nothing, no test step that fails, no manifests for it.
    const reasons = Object.fromEntries(plan.skipped.map(s => [s.id, s.reason]));
    expect(reasons['infra.container']).toMatch(
      /cannot tell how the service starts/,
    );
    expect(reasons['ci.tests']).toMatch(/no Python tests/);
    expect(reasons['rel.pdb']).toMatch(/no Deployment or StatefulSet/);
    expect(plan.pullRequest.title).toMatch(/^Maturity: /);
    expect(plan.pullRequest.body).toContain('### CI pipeline (`ci.pipeline`)');
    expect(fileOf(plan, '.github/workflows/ci.yml')?.content).toContain(
      'python -m compileall -q .',
    );
  });

  it('edits existing manifests in place, keeping comments and flow style', async () => {
    const service = await serviceOf('search-indexer');
    const plan = await planRemediation({
      tree: new FileSystemRepositoryTree(path.join(EXAMPLES, 'search-indexer')),
      service,
      checkIds: ['rel.resources', 'rel.replicas'],
    });
    const deployment = plan.files.find(f => f.path === 'k8s/deployment.yaml');
    expect(deployment?.action).toBe('update');
    expect(deployment?.content).toContain(
      'httpGet: { path: /healthz, port: http }',
    );
    expect(deployment?.content).toContain('replicas: 2');
    expect(deployment?.content).toMatch(/limits:\s+memory: 256Mi/);
    expect(plan.checks.map(c => c.id)).toEqual([
      'rel.resources',
      'rel.replicas',
    ]);
  });

  it('turns on a chart’s own switched-off template instead of adding a second one', async () => {
    const plan = await planRemediation({
      tree: new FileSystemRepositoryTree(path.join(EXAMPLES, 'search-api')),
      service: await serviceOf('search-api'),
      checkIds: ['rel.pdb'],
    });
    expect(plan.files).toEqual([
      expect.objectContaining({
        path: 'deploy/chart/values.yaml',
        action: 'update',
        content: expect.stringMatching(/pdb:\n\s+enabled: true/),
      }),
    ]);
  });

  it('extends an existing GitLab pipeline, keeping its anchors and comments', async () => {
    const gitlab = [
      '# the pipeline',
      'stages: [build]',
      '.node: &node',
      '  image: node:22',
      'build:',
      '  <<: *node',
      '  stage: build',
      '  script: [npm ci]',
      '',
    ].join('\n');
    const plan = await planRemediation({
      tree: new InMemoryRepositoryTree({
        '.gitlab-ci.yml': gitlab,
        'package.json': '{"name":"x","scripts":{"build":"tsc","test":"jest"}}',
        'README.md': '# x\n\nA service that does things for people.\n',
      }),
      service: { name: 'x', kind: 'Component', type: 'library' },
      checkIds: ['ci.tests', 'sec.sast', 'sec.secret-scan'],
    });
    expect(plan.checks.map(c => c.id)).toEqual([
      'ci.tests',
      'sec.secret-scan',
      'sec.sast',
    ]);
    expect(plan.files).toHaveLength(1);
    const [file] = plan.files;
    expect(file.action).toBe('update');
    expect(file.content).toContain('# the pipeline');
    expect(file.content).toContain('<<: *node');
    expect(file.content).toContain('template: Jobs/SAST.gitlab-ci.yml');
    expect(file.content).toContain(
      'template: Jobs/Secret-Detection.gitlab-ci.yml',
    );
    expect(parse(file.content, { merge: true }).test.script).toEqual([
      'npm ci',
      'npm test',
    ]);
  });

  it('skips, with the reason, what it cannot fix in this repository', async () => {
    const plan = await planRemediation({
      tree: new FileSystemRepositoryTree(path.join(EXAMPLES, 'legacy-billing')),
      service: await serviceOf('legacy-billing'),
      checkIds: ['ci.tests', 'cd.progressive', 'no.such-check'],
    });
    expect(plan.checks).toEqual([]);
    expect(plan.files).toEqual([]);
    expect(plan.skipped).toEqual([
      { id: 'ci.tests', reason: expect.stringContaining('no build tool') },
      { id: 'cd.progressive', reason: expect.stringContaining('no generator') },
      { id: 'no.such-check', reason: expect.stringContaining('not a check') },
    ]);
  });
});
