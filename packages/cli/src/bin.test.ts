import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The real `maturity` bin as a user runs it: from source, and after
// `backstage-cli package build` (a built dist/ that requires the workspace
// packages, which resolve to their TypeScript sources here). The packed
// tarball is run by scripts/verify-adopter.sh, in an app outside this
// repository.
jest.setTimeout(240_000);

const packageDir = path.resolve(__dirname, '..');
const bin = path.join(packageDir, 'bin', 'maturity');
const distEntry = path.join(packageDir, 'dist', 'index.cjs.js');
const example = path.resolve(packageDir, '../../examples/repos/payments-api');
const backstageCli = require.resolve('@backstage/cli/bin/backstage-cli');

function score() {
  const result = spawnSync(
    process.execPath,
    [bin, 'score', example, '--format', 'json', '--quiet'],
    { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const report = JSON.parse(result.stdout);
  return {
    level: report.level,
    score: report.score,
    statuses: Object.fromEntries(
      report.results.map((r: any) => [r.checkId, r.status]),
    ),
  };
}

describe('the maturity bin', () => {
  it('scores the same from source and from a build', () => {
    fs.rmSync(path.join(packageDir, 'dist'), { recursive: true, force: true });
    const fromSource = score();
    expect(fromSource.level).not.toBeNull();
    expect(fromSource.statuses['ci.tests']).toBe('pass');

    execFileSync(process.execPath, [backstageCli, 'package', 'build'], {
      cwd: packageDir,
      stdio: 'pipe',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(fs.existsSync(distEntry)).toBe(true);
    expect(score()).toEqual(fromSource);
  });
});
