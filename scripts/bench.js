/*
 * `yarn bench`: runs every benchmark script of the repository in turn, each in
 * its own Node process (so peak memory is per benchmark), and prints their
 * numbers. Benchmarks are scripts, never timed tests.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// Every benchmark lives in packages/bench (a private workspace), one folder
// per subject; `yarn bench:peer`, `yarn bench:field` and
// `yarn bench:remediation` run on their own.
const benches = [
  'packages/bench/src/evaluator/evaluate.bench.ts',
  'plugins/maturity-node/bench/detect.bench.ts',
  'packages/bench/src/backend/backend.bench.ts',
  'packages/bench/src/hostile/hostileRequests.bench.ts',
  'packages/bench/src/overview/overview.bench.ts',
  'packages/bench/src/campaigns/campaigns.bench.ts',
  'packages/bench/src/dryRun/dryRun.bench.ts',
  'packages/bench/src/scale/scale.bench.ts',
].filter(file => fs.existsSync(path.join(root, file)));

let failed = 0;
for (const file of benches) {
  console.log(`\n### ${file}`);
  const result = spawnSync(
    process.execPath,
    [
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      file,
      ...process.argv.slice(2),
    ],
    // Reports are written by the benchmarks run on their own
    // (`yarn bench:peer`, `yarn bench:scale --size 100000`), not by this
    // quick pass.
    {
      cwd: root,
      stdio: 'inherit',
      env: { SCALE_REPORT: '-', ...process.env },
    },
  );
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
