/*
 * `yarn bench`: runs every benchmark script of the repository in turn, each in
 * its own Node process (so peak memory is per benchmark), and prints their
 * numbers. Benchmarks are scripts, never timed tests.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const benches = [
  'plugins/maturity-common/bench/evaluate.bench.ts',
  'plugins/maturity-node/bench/detect.bench.ts',
  'plugins/maturity-backend/bench/backend.bench.ts',
  'packages/app/bench/overview.bench.ts',
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
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
