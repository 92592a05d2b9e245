import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, writeFiles } from './__testUtils__/runCli';

// The generators run their validators (helm, promtool, kubeconform, go…)
// where installed, as they do in the scaffolder.
jest.setTimeout(180_000);

const examples = path.resolve(__dirname, '../../../examples/repos');

/** Every file of a folder, path → content. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), {
      withFileTypes: true,
    })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else files.set(child, fs.readFileSync(path.join(dir, child), 'utf8'));
    }
  };
  walk('');
  return files;
}

async function statuses(dir: string) {
  const { code, stdout } = await runCli(['score', dir, '-f', 'json', '-q']);
  expect(code).toBe(0);
  return new Map<string, string>(
    JSON.parse(stdout).results.map((r: any) => [r.checkId, r.status]),
  );
}

const CI_ONLY = {
  'README.md': '# orders\n\nTakes orders from the web shop.\n',
  'package.json': JSON.stringify({
    name: 'orders',
    scripts: { test: 'node --test', start: 'node index.js' },
  }),
  'index.js': 'require("node:http").createServer().listen(8080);\n',
  'index.test.js': 'require("node:test")("works", () => {});\n',
  'catalog-info.yaml':
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: orders\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/orders\n',
};

describe('maturity fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-fix-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the plan with its diffs and writes nothing without --write', async () => {
    writeFiles(dir, CI_ONLY);
    const before = snapshot(dir);
    const { code, stdout, stderr } = await runCli([
      'fix',
      dir,
      '--checks',
      'ci.pipeline,docs.codeowners',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('Fixes for component:default/orders');
    expect(stdout).toMatch(/✔ ci\.pipeline/);
    expect(stdout).toMatch(/✔ docs\.codeowners/);
    expect(stdout).toContain('--- /dev/null\n+++ b/.github/CODEOWNERS');
    expect(stdout).toMatch(/\n\+\* @/);
    expect(stdout).toMatch(/Nothing written\. Run again with --write/);
    expect(stderr).toMatch(/maturity: planned \d+ files for 2 checks/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('closes what it claims on every example repository, adding to files and replacing none', async () => {
    const repos = fs.readdirSync(examples).sort();
    let closedInAll = 0;
    for (const repo of repos) {
      const checkout = path.join(dir, repo);
      fs.cpSync(path.join(examples, repo), checkout, { recursive: true });
      const original = snapshot(checkout);
      const was = await statuses(checkout);

      const { code, stdout } = await runCli([
        'fix',
        checkout,
        '--write',
        '-f',
        'json',
        '-q',
      ]);
      expect({ repo, code }).toEqual({ repo, code: 0 });
      const report = JSON.parse(stdout);
      const claimed: string[] = report.checks.map((c: any) => c.id);
      expect({ repo, closed: report.after?.closed ?? [] }).toEqual({
        repo,
        closed: report.files.length > 0 ? claimed : [],
      });
      expect(report.after?.stillOpen ?? []).toEqual([]);

      // An independent re-score agrees, and no check that passed broke.
      const now = await statuses(checkout);
      for (const id of claimed) {
        expect({ repo, id, was: was.get(id), now: now.get(id) }).toEqual({
          repo,
          id,
          was: expect.not.stringMatching(/^pass$/),
          now: 'pass',
        });
      }
      const broke = [...was]
        .filter(([id, status]) => status === 'pass' && now.get(id) !== 'pass')
        .map(([id]) => id);
      expect({ repo, broke }).toEqual({ repo, broke: [] });
      // Created files are new; only the planned edits touched existing ones.
      const after = snapshot(checkout);
      for (const file of report.files) {
        expect({ path: file.path, existed: original.has(file.path) }).toEqual({
          path: file.path,
          existed: file.action === 'update',
        });
        expect(after.get(file.path)).toBeDefined();
      }
      const edited = new Set(report.files.map((f: any) => f.path));
      const touched = [...original]
        .filter(
          ([file, content]) => !edited.has(file) && after.get(file) !== content,
        )
        .map(([file]) => file);
      expect({ repo, touched }).toEqual({ repo, touched: [] });
      closedInAll += claimed.length;
    }
    expect(repos.length).toBeGreaterThanOrEqual(10);
    expect(closedInAll).toBeGreaterThan(repos.length);
  });

  it('exits 1 and says why when a named check cannot be fixed here', async () => {
    writeFiles(dir, CI_ONLY);
    const { code, stdout } = await runCli([
      'fix',
      dir,
      '--checks',
      'rel.chaos',
      '--write',
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/rel\.chaos: no generator/);
    expect(stdout).toContain('Nothing to write.');
  });

  it('exits 2 with a one-line error on bad usage', async () => {
    writeFiles(dir, CI_ONLY);
    const unknown = await runCli(['fix', dir, '--checks', 'ci.pipeline,nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^maturity: --checks: "nope" is not a check of the rubric; its checks are ci\.pipeline, /,
    );
    expect((await runCli(['fix', dir, '--checks', ','])).code).toBe(2);
    const url = await runCli(['fix', 'https://example.com/acme/orders.git']);
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('clone https://example.com/acme/orders.git');
    const missing = await runCli(['fix', path.join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope is not a folder\n$/);
    expect((await runCli(['fix', dir, '--format', 'sarif'])).code).toBe(2);
  });
});
