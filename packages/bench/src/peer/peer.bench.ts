/* eslint-disable no-console */
/*
 * `yarn bench:peer`: our maturity backend side by side with its open-source
 * peer, Tech Insights (with its json-rules-engine checks), on the same
 * machine, the same synthetic catalog and the same facts, on SQLite and on
 * PostgreSQL. Prints every figure for both with the ratio ours/theirs and
 * writes docs/benchmarks.md. See packages/bench/README.md.
 *
 * Options: --quick (1,000 entities only); env PEER_SIZES=1000,10000;
 * PEER_SQLITE_ONLY=1; PEER_REPORT=path (default docs/benchmarks.md, `-` for none).
 */
import { loadRubric, defaultRubric } from '@roadmap/plugin-maturity-common';
import { execSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { postgresAvailable } from '../shared/postgresAvailable';
import { benchDatabase } from '../shared/benchDatabase';
import { benchmarkNotes } from './benchmarkNotes';
import type { RunFigures } from './figures';
import { measureEvaluator } from './measureEvaluator';
import { measureOurs } from './measureOurs';
import { measurePeer } from './measurePeer';
import { NON_REPOSITORY_CHECK_IDS } from './startOurs';
import { REPOSITORY_FACT_IDS, syntheticFacts } from './syntheticFacts';
import {
  type BenchEnvironment,
  formatRun,
  writeBenchmarkReport,
} from './writeBenchmarkReport';
import { verdicts } from './targets';

// Run from the repository root (`yarn bench:peer` does).
const root = process.cwd();

function sizes(): number[] {
  if (process.argv.includes('--quick')) return [1000];
  const fromEnv = process.env.PEER_SIZES;
  if (fromEnv) return fromEnv.split(',').map(s => Number(s.trim()));
  return [1000, 10_000];
}

/** The version of a package as resolved from `from` (default: this package). */
function packageVersion(name: string, from?: string): string {
  const file = from
    ? require.resolve(`${name}/package.json`, { paths: [from] })
    : require.resolve(`${name}/package.json`);
  return require(file).version;
}

function environment(skipped: string[]): BenchEnvironment {
  const tiBackend = path.dirname(
    require.resolve(
      '@backstage-community/plugin-tech-insights-backend/package.json',
    ),
  );
  const jsonfc = path.dirname(
    require.resolve(
      '@backstage-community/plugin-tech-insights-backend-module-jsonfc/package.json',
    ),
  );
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: root })
      .toString()
      .trim();
    // Figures taken with uncommitted changes to the plugins say so.
    const dirty = execSync('git status --porcelain -- plugins', { cwd: root })
      .toString()
      .trim();
    if (dirty) commit += ' with uncommitted changes under plugins/';
  } catch {
    // not a checkout
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    ours: {
      name: '@roadmap/plugin-maturity-backend',
      version: packageVersion('@roadmap/plugin-maturity-backend'),
      commit,
    },
    peer: [
      {
        name: '@backstage-community/plugin-tech-insights-backend',
        version: packageVersion(
          '@backstage-community/plugin-tech-insights-backend',
        ),
      },
      {
        name: '@backstage-community/plugin-tech-insights-backend-module-jsonfc',
        version: packageVersion(
          '@backstage-community/plugin-tech-insights-backend-module-jsonfc',
        ),
      },
      {
        name: '@backstage-community/plugin-tech-insights-node',
        version: packageVersion(
          '@backstage-community/plugin-tech-insights-node',
          tiBackend,
        ),
      },
      {
        name: '@backstage-community/plugin-tech-insights-common',
        version: packageVersion(
          '@backstage-community/plugin-tech-insights-common',
          tiBackend,
        ),
      },
      {
        name: 'json-rules-engine',
        version: packageVersion('json-rules-engine', jsonfc),
      },
    ],
    skipped,
  };
}

async function main() {
  const started = performance.now();
  const postgres = process.env.PEER_SQLITE_ONLY
    ? undefined
    : await postgresAvailable();
  const skipped: string[] = [];
  if (!postgres) {
    const why = process.env.PEER_SQLITE_ONLY
      ? 'PostgreSQL: skipped (PEER_SQLITE_ONLY)'
      : 'PostgreSQL: skipped (no server answers on 127.0.0.1:5432)';
    console.log(why);
    skipped.push(why);
  }
  // Taken now: the working tree may change while the benchmark runs.
  const env = environment(skipped);
  const engines = postgres
    ? (['sqlite', 'postgres'] as const)
    : (['sqlite'] as const);
  const repositoryRubric = loadRubric({
    overrides: {
      checks: NON_REPOSITORY_CHECK_IDS.map(id => ({ id, enabled: false })),
    },
    path: 'bench',
  });

  const runs: RunFigures[] = [];
  for (const size of sizes()) {
    const catalog = syntheticFacts(size);
    let expectedPassed = 0;
    for (const row of catalog.values.values()) {
      for (const v of Object.values(row)) if (v) expectedPassed += 1;
    }
    measureEvaluator(catalog, repositoryRubric, 1); // warms up the JIT
    const evaluatorRepository = measureEvaluator(catalog, repositoryRubric);
    const evaluatorDefault = measureEvaluator(catalog, defaultRubric);
    for (const engine of engines) {
      const database = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
      console.log(`\n${database}, ${size} entities: ours…`);
      const oursDb = await benchDatabase(engine, postgres);
      const ours = await measureOurs(catalog, oursDb).finally(() =>
        oursDb.close(),
      );
      console.log(`${database}, ${size} entities: Tech Insights…`);
      const peerDb = await benchDatabase(engine, postgres);
      const peer = await measurePeer(catalog, peerDb).finally(() =>
        peerDb.close(),
      );
      const run: RunFigures = {
        database,
        entities: size,
        checks: REPOSITORY_FACT_IDS.length,
        expectedPassed,
        evaluatorDefault,
        evaluatorRepository,
        ours,
        peer,
      };
      runs.push(run);
      for (const line of formatRun(run)) console.log(line);
    }
  }

  console.log('\nTargets');
  for (const v of runs.flatMap(verdicts)) {
    console.log(
      `  ${v.met ? 'met    ' : 'NOT MET'}  ${v.run}: ${v.target} (ours ${
        v.ours
      }, peer ${v.peer}${v.by ? `; ${v.by}` : ''})`,
    );
  }
  const report = process.env.PEER_REPORT ?? 'docs/benchmarks.md';
  if (report !== '-') {
    const file = path.resolve(root, report);
    writeBenchmarkReport({
      file,
      env,
      runs,
      notes: benchmarkNotes(runs),
    });
    console.log(`\nWrote ${path.relative(root, file)}`);
  }
  console.log(`Total ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
