/* eslint-disable no-console */
/*
 * `yarn bench:scale` (also part of `yarn bench`): how our backend's refresh
 * scales, on PostgreSQL (127.0.0.1:5432 or
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING; skipped with a
 * message when none answers) and on SQLite up to 10,000 entities:
 *
 *  1. the cost per 1k entities of a first full refresh from in-memory facts
 *     (the peer bench's setup: startOurs, syntheticFacts) at 1,000 and
 *     10,000 entities, up to `--size` (1k, 10k, 100k, …), and of a repeat
 *     refresh; whether that cost stays linear;
 *  2. one backend against two sharing one PostgreSQL database, each in its
 *     own Node process, refreshing `--replicas-size` entities (default
 *     10,000); the speed-up and that no entity was scored twice.
 *
 * Options: --size N (largest size, default 10000), --replicas-size N,
 * --no-replicas; env SCALE_REPORT=path (default docs/benchmarks-scale.md,
 * `-` for none). See packages/bench/README.md.
 */
import path from 'node:path';
import { formatScale } from './formatScale';
import { measureScale } from './measureScale';
import { scaleOptions } from './scaleOptions';
import { writeScaleReport } from './writeScaleReport';

async function main() {
  const started = performance.now();
  const figures = await measureScale({
    ...scaleOptions(),
    log: line => console.log(line),
  });
  console.log('');
  const lines = formatScale(figures);
  for (const line of lines) console.log(line);
  const report = process.env.SCALE_REPORT ?? 'docs/benchmarks-scale.md';
  if (report !== '-') {
    writeScaleReport(path.resolve(process.cwd(), report), figures, lines);
    console.log(`\nWrote ${report}`);
  }
  console.log(`Total ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

// Exits explicitly: a stopped test backend on SQLite can leave a handle
// open, and a benchmark that never returns blocks `yarn bench`.
main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
