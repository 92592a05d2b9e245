import fs from 'node:fs';
import path from 'node:path';
import type { RunFigures, SystemFigures } from './figures';
import { verdicts } from './targets';

// Prettier 2 (the repository's) ships no types; only these two are used.
const prettier: {
  format(source: string, options: Record<string, unknown>): string;
  resolveConfig: { sync(file: string): Record<string, unknown> | null };
} = require('prettier');

/** Machine, runtime and versions the figures were taken with. */
export interface BenchEnvironment {
  date: string;
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  ours: { name: string; version: string; commit: string };
  peer: { name: string; version: string }[];
  skipped: string[];
}

export const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
/** A duration for people: milliseconds up to 10 s, then seconds. */
export const ms = (x: number) =>
  x >= 10_000
    ? `${(x / 1000).toFixed(1)} s`
    : `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const kb = (x: number) =>
  Math.abs(x) >= 10 * 1024 * 1024
    ? `${(x / 1024 / 1024).toFixed(1)} MB`
    : `${(x / 1024).toFixed(0)} KB`;
const ratio = (a: number, b: number) => {
  if (b === 0) return 'n/a';
  const r = a / b;
  if (r < 0.01) return r.toPrecision(2);
  return r.toFixed(r < 10 ? 2 : 1);
};

/** Entity-checks per second. */
export function throughput(run: RunFigures, elapsedMs: number): number {
  return (run.entities * run.checks) / (elapsedMs / 1000);
}

export const runLabel = (run: RunFigures) =>
  `${run.database}, ${n0(run.entities)} entities`;

function perTable(s: SystemFigures, which: 'firstRefresh' | 'repeatRefresh') {
  return Object.entries(s[which].perTable)
    .filter(([, d]) => d.rows !== 0)
    .map(([t, d]) => `${t} ${d.rows >= 0 ? '+' : ''}${n0(d.rows)}`)
    .join(', ');
}

/** The figures of one run as console lines. */
export function formatRun(run: RunFigures): string[] {
  const { ours, peer } = run;
  const rate = (x: number) => `${n0(throughput(run, x))} entity-checks/s`;
  const lines = [
    '',
    `== ${runLabel(run)} × ${run.checks} checks (${n0(
      run.entities * run.checks,
    )} entity-checks, ${n0(run.expectedPassed)} pass) ==`,
    'Check evaluation (ratio = ours/theirs throughput)',
    `  ours, evaluator, ${
      run.evaluatorRepository.rubricChecks
    } repository checks: ${ms(run.evaluatorRepository.ms)}, ${rate(
      run.evaluatorRepository.ms,
    )}, ratio ${ratio(peer.evaluateMs, run.evaluatorRepository.ms)}`,
    `  ours, evaluator, default rubric (${
      run.evaluatorDefault.rubricChecks
    } checks, ${
      run.evaluatorDefault.rubricChecks - run.checks
    } unknown: other sources): ${ms(run.evaluatorDefault.ms)}, ${rate(
      run.evaluatorDefault.ms,
    )}, ratio ${ratio(peer.evaluateMs, run.evaluatorDefault.ms)}`,
    `  ours, backend refresh (collect + evaluate + store): ${ms(
      ours.evaluateMs,
    )}, ${rate(ours.evaluateMs)}, ratio ${ratio(
      peer.evaluateMs,
      ours.evaluateMs,
    )}`,
    `  peer, POST /checks/run (bulk): ${ms(peer.evaluateMs)}, ${rate(
      peer.evaluateMs,
    )}; response ${kb(peer.responseBytes ?? 0)}`,
    `  peer, fact retriever storing the facts: ${ms(peer.factsMs ?? 0)}`,
    `  whole refresh: ours ${ms(ours.refreshMs)}, peer ${ms(
      peer.refreshMs,
    )} (retriever + bulk run), ratio ours/theirs time ${ratio(
      ours.refreshMs,
      peer.refreshMs,
    )}`,
    `  repeat refresh: ours ${ms(ours.repeatRefreshMs)}, peer ${ms(
      peer.repeatRefreshMs,
    )} (retriever only: its checks store nothing)`,
    `  passing checks: evaluator ${n0(
      run.evaluatorRepository.passed,
    )}, ours ${n0(ours.passed)}, peer ${n0(peer.passed)}, expected ${n0(
      run.expectedPassed,
    )}`,
    'Entity API, 20 concurrent clients (ratio = ours/theirs)',
    `  ours ${ours.entityApiRoute}: p50 ${ms(ours.entityApi.p50)}, p95 ${ms(
      ours.entityApi.p95,
    )} over ${ours.entityApi.n} requests`,
    `  peer ${peer.entityApiRoute}: p50 ${ms(peer.entityApi.p50)}, p95 ${ms(
      peer.entityApi.p95,
    )} over ${peer.entityApi.n} requests`,
    `  ratio p50 ${ratio(ours.entityApi.p50, peer.entityApi.p50)}, p95 ${ratio(
      ours.entityApi.p95,
      peer.entityApi.p95,
    )}`,
  ];
  for (const which of ['firstRefresh', 'repeatRefresh'] as const) {
    lines.push(
      `Database, ${
        which === 'firstRefresh' ? 'first refresh (empty)' : 'repeat refresh'
      } (ratio = ours/theirs)`,
    );
    for (const [name, s] of [
      ['ours', ours],
      ['peer', peer],
    ] as const) {
      const d = s[which];
      lines.push(
        `  ${name}: rows added ${n0(d.rows)} (${perTable(
          s,
          which,
        )}); row writes ${n0(d.rowWrites)}; payload ${kb(
          d.payloadBytes,
        )}; storage ${kb(d.storageBytes)}`,
      );
    }
    const o = ours[which];
    const p = peer[which];
    lines.push(
      `  ratio rows added ${ratio(o.rows, p.rows)}, row writes ${ratio(
        o.rowWrites,
        p.rowWrites,
      )}, payload ${ratio(o.payloadBytes, p.payloadBytes)}, storage ${ratio(
        o.storageBytes,
        p.storageBytes,
      )}`,
    );
  }
  lines.push(
    `Boot: ours ${ms(ours.bootMs)}, peer ${ms(
      peer.bootMs,
    )}; peak RSS of the process: ours ${n0(ours.peakRssMb)} MB, peer ${n0(
      peer.peakRssMb,
    )} MB`,
  );
  return lines;
}

function table(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map(r => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Writes the Markdown report. */
export function writeBenchmarkReport(options: {
  file: string;
  env: BenchEnvironment;
  runs: RunFigures[];
  notes: { method: string[]; closing: string[] };
}) {
  const { env, runs } = options;
  const peerVersions = env.peer
    .map(p => `\`${p.name}\` ${p.version}`)
    .join(', ');
  const figures: string[][] = [];
  for (const run of runs) {
    const { ours, peer } = run;
    const l = runLabel(run);
    const rate = (x: number) => `${n0(throughput(run, x))}/s`;
    figures.push(
      [
        l,
        'check evaluation, evaluator (entity-checks/s)',
        rate(run.evaluatorRepository.ms),
        rate(peer.evaluateMs),
        ratio(peer.evaluateMs, run.evaluatorRepository.ms),
      ],
      [
        l,
        'check evaluation, backend refresh vs bulk check run (entity-checks/s)',
        rate(ours.evaluateMs),
        rate(peer.evaluateMs),
        ratio(peer.evaluateMs, ours.evaluateMs),
      ],
      [
        l,
        'evaluate every check for every entity (time)',
        `${ms(run.evaluatorRepository.ms)} evaluator; ${ms(
          ours.evaluateMs,
        )} refresh`,
        ms(peer.evaluateMs),
        `${ratio(run.evaluatorRepository.ms, peer.evaluateMs)}; ${ratio(
          ours.evaluateMs,
          peer.evaluateMs,
        )}`,
      ],
      [
        l,
        'whole first refresh: facts stored + every check evaluated (time)',
        ms(ours.refreshMs),
        `${ms(peer.refreshMs)} (${ms(peer.factsMs ?? 0)} retriever + ${ms(
          peer.evaluateMs,
        )} check run)`,
        ratio(ours.refreshMs, peer.refreshMs),
      ],
      [
        l,
        'repeat refresh (time)',
        ms(ours.repeatRefreshMs),
        `${ms(peer.repeatRefreshMs)} (retriever only)`,
        ratio(ours.repeatRefreshMs, peer.repeatRefreshMs),
      ],
      [
        l,
        'entity API p50 / p95, 20 clients',
        `${ms(ours.entityApi.p50)} / ${ms(ours.entityApi.p95)}`,
        `${ms(peer.entityApi.p50)} / ${ms(peer.entityApi.p95)}`,
        `${ratio(ours.entityApi.p50, peer.entityApi.p50)} / ${ratio(
          ours.entityApi.p95,
          peer.entityApi.p95,
        )}`,
      ],
    );
    figures.push([
      l,
      'boot: startTestBackend until the plugin answers',
      ms(ours.bootMs),
      ms(peer.bootMs),
      ratio(ours.bootMs, peer.bootMs),
    ]);
    figures.push([
      l,
      'peak RSS of the benchmark process (sampled every 100 ms)',
      `${n0(ours.peakRssMb)} MB`,
      `${n0(peer.peakRssMb)} MB`,
      ratio(ours.peakRssMb, peer.peakRssMb),
    ]);
    for (const [which, name] of [
      ['firstRefresh', 'first refresh'],
      ['repeatRefresh', 'repeat refresh'],
    ] as const) {
      const o = ours[which];
      const p = peer[which];
      figures.push(
        [
          l,
          `rows added, ${name}`,
          `${n0(o.rows)} (${perTable(ours, which)})`,
          `${n0(p.rows)} (${perTable(peer, which)})`,
          ratio(o.rows, p.rows),
        ],
        [
          l,
          `row writes (insert + update + delete), ${name}`,
          n0(o.rowWrites),
          n0(p.rowWrites),
          ratio(o.rowWrites, p.rowWrites),
        ],
        [
          l,
          `bytes written, ${name}: payload / storage`,
          `${kb(o.payloadBytes)} / ${kb(o.storageBytes)}`,
          `${kb(p.payloadBytes)} / ${kb(p.storageBytes)}`,
          `${ratio(o.payloadBytes, p.payloadBytes)} / ${ratio(
            o.storageBytes,
            p.storageBytes,
          )}`,
        ],
      );
    }
  }
  const targets = runs.flatMap(verdicts);
  const text = [
    '# Benchmarks: Roadmap Maturity and Tech Insights side by side',
    '',
    `Written by \`yarn bench:peer\` (\`packages/bench\`) on ${env.date}. Figures are from one run on one machine; compare ratios, not absolute times, across machines.`,
    '',
    'How the refresh scales to 100,000 entities and across two replicas is in [benchmarks-scale.md](benchmarks-scale.md) (`yarn bench:scale --size 100000`).',
    '',
    '## Setup',
    '',
    table(
      ['', ''],
      [
        [
          'Machine',
          `${env.cores} cores (${env.cpuModel}), ${env.memoryGb.toFixed(
            0,
          )} GB memory`,
        ],
        ['Node.js', env.node],
        [
          'Ours',
          `\`${env.ours.name}\` ${env.ours.version} (commit ${env.ours.commit})`,
        ],
        ['Peer', peerVersions],
        [
          'Databases',
          'SQLite in memory (better-sqlite3, one connection); PostgreSQL 127.0.0.1:5432, a new database per run, pool of 10',
        ],
        ...(env.skipped.length ? [['Skipped', env.skipped.join('; ')]] : []),
      ],
    ),
    '',
    '## Method',
    '',
    ...options.notes.method.flatMap(n => [n, '']),
    '## Figures',
    '',
    'Ratio is ours/theirs: above 1 for throughput means we are faster; below 1 for times, rows and bytes means we are faster or smaller.',
    '',
    table(['Run', 'Figure', 'Ours', 'Tech Insights', 'Ratio'], figures),
    '',
    '## Targets',
    '',
    table(
      ['Run', 'Target', 'Ours', 'Tech Insights', 'Verdict'],
      targets.map(t => [
        t.run,
        t.target,
        t.ours,
        t.peer,
        t.met ? 'met' : `**not met** (${t.by})`,
      ]),
    ),
    '',
    '## Where we are slower or larger, and why',
    '',
    ...options.notes.closing.flatMap(n => [n, '']),
  ].join('\n');
  // Formatted with the repository's Prettier config, so `prettier --check` passes.
  const formatted = prettier.format(text, {
    ...(prettier.resolveConfig.sync(options.file) ?? {}),
    filepath: options.file,
  });
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  fs.writeFileSync(options.file, formatted);
}
