import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  hasPrometheus,
  startPrometheus,
} from '@roadmap/plugin-maturity-node/testUtils';
import { runCli as cli, writeFiles as write } from './__testUtils__/runCli';

jest.setTimeout(60_000);

const BRONZE_REPO: Record<string, string> = {
  'README.md':
    '# orders\n\nThe orders service takes orders from the web shop and hands them to fulfilment.\n',
  '.github/CODEOWNERS': '* @acme/orders\n',
  '.github/dependabot.yml':
    'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: { interval: weekly }\n',
  '.github/workflows/ci.yml':
    'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n      - run: docker build -t orders .\n',
  Dockerfile:
    'FROM node:22-slim\nHEALTHCHECK CMD curl -f http://localhost:8080/healthz\nUSER node\n',
  'catalog-info.yaml':
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: orders\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/orders\n',
};

describe('maturity score', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the stable JSON report and passes a gate the repository meets', async () => {
    write(dir, BRONZE_REPO);
    const { code, stdout, stderr } = await cli([
      'score',
      dir,
      '--format',
      'json',
      '--min-level',
      'bronze',
    ]);
    const report = JSON.parse(stdout);
    expect(report.level).toBe('bronze');
    expect(report.nextLevel).toBe('silver');
    expect(typeof report.score).toBe('number');
    expect(Object.keys(report.pillars)).toContain('cicd');
    expect(
      report.results.find((r: any) => r.checkId === 'ci.tests'),
    ).toMatchObject({
      status: 'pass',
      evidence: [{ path: '.github/workflows/ci.yml', line: 7 }],
    });
    expect(
      report.results.find((r: any) => r.checkId === 'catalog.owner'),
    ).toMatchObject({ status: 'pass' });
    expect(
      report.results.find((r: any) => r.checkId === 'k8s.ready').message,
    ).toMatch(/kubernetes source is not available/);
    expect(report.nextSteps[0]).toMatchObject({ level: 'silver' });
    expect(report.gate).toEqual({ minLevel: 'bronze', passed: true });
    expect(code).toBe(0);
    expect(stderr).toMatch(/maturity: read \d+ of \d+ files/);
  });

  it('exits 1 below --min-level', async () => {
    write(dir, BRONZE_REPO);
    const { code, stdout } = await cli([
      'score',
      dir,
      '--min-level',
      'silver',
      '--no-color',
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain('Gate: below silver');
    expect(stdout).not.toContain('\u001b[');
  });

  it('exits 2 with a one-line error on bad usage or unreadable input', async () => {
    expect((await cli(['score', path.join(dir, 'nope')])).stderr).toMatch(
      /^maturity: no such file or directory: .*nope\n$/,
    );
    expect((await cli(['score', dir, '--min-level', 'platinum'])).code).toBe(2);
    expect((await cli(['score', dir, '--format', 'xml'])).code).toBe(2);
    fs.writeFileSync(
      path.join(dir, 'r.yaml'),
      'checks:\n  - id: ci.tests\n    level: platinum\n',
    );
    const bad = await cli(['score', dir, '--rubric', path.join(dir, 'r.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('checks[0].level: unknown level "platinum"');
  });

  it('scores with the adopter’s rubric from --rubric or --config, as the backend does', async () => {
    write(dir, BRONZE_REPO);
    const overrides = path.resolve(
      __dirname,
      '../../../examples/rubric/overrides.yaml',
    );
    const judge = async (extra: string[]) => {
      const { code, stdout } = await cli([
        'score',
        dir,
        '--format',
        'json',
        ...extra,
      ]);
      expect(code).toBe(0);
      const report = JSON.parse(stdout);
      const byId = new Map(report.results.map((r: any) => [r.checkId, r]));
      return { report, byId };
    };
    const defaults = await judge([]);
    expect(defaults.byId.has('obs.metrics')).toBe(true);
    expect(defaults.report.level).toBe('bronze');

    write(dir, {
      'config/app-config.yaml': [
        'maturity:',
        `  rubricFile: ${path.relative(path.join(dir, 'config'), overrides)}`,
        '  exemptions:',
        '    - entityRef: component:default/orders',
        '      check: ci.container-build',
        '      reason: built by the platform team’s pipeline',
        '      expires: 2999-12-31',
        '',
      ].join('\n'),
    });
    const viaRubric = await judge(['--rubric', overrides]);
    const viaConfig = await judge([
      '--config',
      path.join(dir, 'config/app-config.yaml'),
    ]);
    for (const { report, byId } of [viaRubric, viaConfig]) {
      expect(byId.has('obs.metrics')).toBe(false);
      expect(byId.get('docs.readme')).toMatchObject({ weight: 10 });
      expect(byId.get('acme.signed-images')).toMatchObject({
        status: 'fail',
        level: 'bronze',
      });
      // The added Bronze check fails, so Bronze is out of reach.
      expect(report.level).toBeNull();
    }
    // Exemptions come with the app-config, as in the backend.
    expect(viaConfig.byId.get('ci.container-build')).toMatchObject({
      status: 'exempt',
    });
    expect(viaRubric.byId.get('ci.container-build')).toMatchObject({
      status: 'pass',
    });
  });

  it('writes a Markdown roadmap and SARIF', async () => {
    write(dir, BRONZE_REPO);
    const md = await cli(['score', dir, '--format', 'markdown']);
    expect(md.stdout).toContain('# Roadmap: component:default/orders');
    expect(md.stdout).toContain('## 🔄 Next: Silver');
    expect(md.stdout).toContain('## ✅ Done');
    const sarif = JSON.parse(
      (await cli(['score', dir, '--format', 'sarif'])).stdout,
    );
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.rules.map((r: any) => r.id)).toContain(
      'obs.metrics',
    );
    expect(
      sarif.runs[0].results.find((r: any) => r.ruleId === 'obs.metrics'),
    ).toMatchObject({ level: 'error' });
  });

  it('scores a git URL of a local bare repository', async () => {
    const work = path.join(dir, 'work');
    write(work, BRONZE_REPO);
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: work, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git(
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      'commit',
      '-qm',
      'init',
    );
    const bare = path.join(dir, 'orders.git');
    execFileSync('git', ['clone', '-q', '--bare', work, bare]);
    const { code, stdout } = await cli([
      'score',
      `file://${bare}`,
      '--format',
      'json',
      '--min-level',
      'bronze',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).level).toBe('bronze');
    const direct = await cli(['score', bare, '--format', 'json']);
    expect(JSON.parse(direct.stdout).source).toBe(bare);
  });
});

describe('maturity score on the demo repositories', () => {
  const repos = path.resolve(__dirname, '../../../examples/repos');
  // The levels examples/README.md documents for each demo service.
  const expected: Record<string, string | null> = {
    'payments-api': 'gold',
    'edge-gateway': 'gold',
    'ledger-worker': 'silver',
    'search-api': 'silver',
    'checkout-web': 'bronze',
    'search-indexer': 'bronze',
    'shared-ui-kit': 'bronze',
    'data-exporter': null,
    'platform-docs': null,
    'notification-service': null,
    'legacy-billing': null,
    'hobby-recommender': null,
  };

  it.each(Object.entries(expected))('%s reaches %s', async (name, level) => {
    const { code, stdout } = await cli([
      'score',
      path.join(repos, name),
      '--format',
      'json',
      '--quiet',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.level).toBe(level);
    expect(report.entityRef).toBe(`component:default/${name}`);
  });

  it('sees the tricky cases of the demo for what they are', async () => {
    const result = async (name: string, check: string) => {
      const { stdout } = await cli([
        'score',
        path.join(repos, name),
        '--format',
        'json',
        '--quiet',
      ]);
      return JSON.parse(stdout).results.find((r: any) => r.checkId === check);
    };
    expect((await result('search-indexer', 'cd.deploy')).status).toBe('fail'); // kind cluster in CI
    expect((await result('search-indexer', 'rel.resources')).status).toBe(
      'fail',
    ); // no limits
    expect((await result('search-api', 'rel.pdb')).status).toBe('fail'); // PDB disabled by default
    expect((await result('legacy-billing', 'ci.tests')).status).toBe('fail'); // commented-out stage
    expect((await result('ledger-worker', 'rel.chaos')).status).toBe('exempt');
    expect(
      (await result('ledger-worker', 'ci.tests')).evidence[0],
    ).toMatchObject({ path: '.gitlab-ci.yml' });
  });
});

describe('maturity score --prometheus-url', () => {
  const repos = path.resolve(__dirname, '../../../examples/repos');
  (hasPrometheus ? describe : describe.skip)('with a real Prometheus', () => {
    it('judges the live Prometheus checks', async () => {
      const prometheus = await startPrometheus({
        up: ['ledger-worker'],
        down: [],
        rules:
          'groups:\n  - name: ledger\n    rules:\n      - alert: LedgerDown\n        expr: up{service="ledger-worker"} == 0\n',
      });
      try {
        const { stdout, stderr } = await cli([
          'score',
          path.join(repos, 'ledger-worker'),
          '--format',
          'json',
          '--prometheus-url',
          prometheus.url,
        ]);
        const report = JSON.parse(stdout);
        expect(report.judgedSources).toContain('prometheus');
        expect(
          report.results.find((r: any) => r.checkId === 'prom.scraped'),
        ).toMatchObject({ status: 'pass' });
        expect(
          report.results.find((r: any) => r.checkId === 'prom.alerts'),
        ).toMatchObject({ status: 'pass' });
        expect(
          report.results.find((r: any) => r.checkId === 'prom.slo'),
        ).toMatchObject({ status: 'fail' });
        expect(stderr).toMatch(/queried Prometheus .* \(3 requests\)/);
      } finally {
        await prometheus.stop();
      }
    });
  });

  it('keeps Prometheus checks unknown, and says why, when Prometheus is down', async () => {
    const { code, stdout, stderr } = await cli([
      'score',
      path.join(repos, 'ledger-worker'),
      '--format',
      'json',
      '--prometheus-url',
      'http://127.0.0.1:1',
    ]);
    expect(code).toBe(0);
    expect(
      JSON.parse(stdout).results.find((r: any) => r.checkId === 'prom.scraped')
        .status,
    ).toBe('unknown');
    expect(stderr).toMatch(
      /could not be queried.*Prometheus checks stay unknown/,
    );
  });
});
