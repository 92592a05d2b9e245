import { Session } from 'node:inspector/promises';

/** Where a profiled run spent its time, in milliseconds per category. */
export type RefreshProfile = Record<string, number>;

// Categories by the profiled function's script, first match wins.
const CATEGORIES: [string, (url: string, fn: string) => boolean][] = [
  ['waiting (idle: the database or I/O)', (_u, fn) => fn === '(idle)'],
  ['garbage collection', (_u, fn) => fn === '(garbage collector)'],
  [
    'evaluator',
    url =>
      /plugin-maturity-common|maturity-common\/src\/(evaluator|conditions)/.test(
        url,
      ),
  ],
  [
    'scoring: compaction and digest',
    url => /maturity-backend\/src\/scoring\//.test(url),
  ],
  [
    'refresh and storage code',
    url =>
      /maturity-backend\/src\/(refresh|database|events|metrics)\//.test(url),
  ],
  [
    'database driver (knex, pg, better-sqlite3)',
    (url, fn) =>
      /node_modules\/(knex|pg|pg-protocol|pg-pool|better-sqlite3)\//.test(
        url,
      ) ||
      (url === '' && /^(Statement|run|all|get|iterate|prepare)$/.test(fn)),
  ],
];

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}

/**
 * Runs `fn` under V8's CPU profiler (node:inspector) and sums the sampled
 * time per category: what a run spends its time on, measured rather than
 * guessed. The profiler slows the run by about a tenth, so a profiled run is
 * never a timed one.
 */
export async function profileRefresh(
  fn: () => Promise<void>,
): Promise<RefreshProfile> {
  const session = new Session();
  session.connect();
  let profile;
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    try {
      await fn();
    } finally {
      ({ profile } = await session.post('Profiler.stop'));
    }
  } finally {
    session.disconnect();
  }
  const nodes = new Map<number, ProfileNode>(
    (profile.nodes as ProfileNode[]).map(n => [n.id, n]),
  );
  const result: RefreshProfile = {};
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = nodes.get(samples[i]);
    if (!node) continue;
    const { url, functionName } = node.callFrame;
    const category =
      CATEGORIES.find(([, matches]) => matches(url, functionName))?.[0] ??
      'other (HTTP, catalog, profiler)';
    result[category] = (result[category] ?? 0) + (deltas[i] ?? 0) / 1000;
  }
  return result;
}
