import { Session } from 'node:inspector/promises';

/** Where a profiled run spent its time, in milliseconds per category. */
export type RunProfile = Record<string, number>;

// Categories by the profiled function's script, first match wins. A
// built-in without a script (JSON.stringify, a native call) counts for the
// nearest caller that has one.
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
    'our refresh, service and storage code',
    url =>
      /maturity-backend\/src\/(refresh|database|events|metrics|service|api|router)/.test(
        url,
      ),
  ],
  [
    'database driver (knex, pg, better-sqlite3)',
    (url, fn) =>
      /node_modules\/(knex|pg|pg-protocol|pg-pool|better-sqlite3|tarn)\//.test(
        url,
      ) ||
      (url === '' && /^(Statement|run|all|get|iterate|prepare)$/.test(fn)),
  ],
  [
    'HTTP (Node http, express, Backstage middleware)',
    url =>
      /node:(_http|http|net|stream|internal\/streams|internal\/http)|node_modules\/(express|body-parser|router|helmet|cors|compression|@backstage)\//.test(
        url,
      ),
  ],
  ['profiler', url => /node:inspector/.test(url)],
];

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

const SPECIAL = new Set(['(idle)', '(garbage collector)', '(program)']);

/**
 * Runs `fn` under V8's CPU profiler (node:inspector) and sums the sampled
 * time of this thread per category: what a refresh or the server of an API
 * run spends its time on, measured rather than guessed. The profiler slows the run by about a tenth, so a profiled run is
 * never a timed one.
 */
export async function profileRun(fn: () => Promise<void>): Promise<RunProfile> {
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
  const parents = new Map<number, number>();
  for (const node of nodes.values()) {
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  // The node a sample is attributed to: itself, or for a built-in its
  // nearest caller with a script.
  const attributed = (id: number): ProfileNode | undefined => {
    let node = nodes.get(id);
    while (
      node &&
      node.callFrame.url === '' &&
      !SPECIAL.has(node.callFrame.functionName) &&
      parents.has(node.id)
    ) {
      const parent = nodes.get(parents.get(node.id)!);
      if (!parent || parent.callFrame.functionName === '(root)') break;
      node = parent;
    }
    return node;
  };
  const result: RunProfile = {};
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = attributed(samples[i]);
    if (!node) continue;
    const { url, functionName } = node.callFrame;
    const category =
      CATEGORIES.find(([, matches]) => matches(url, functionName))?.[0] ??
      'other';
    result[category] = (result[category] ?? 0) + (deltas[i] ?? 0) / 1000;
  }
  return result;
}
