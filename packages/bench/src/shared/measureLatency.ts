import { Worker } from 'node:worker_threads';

/** Percentiles of one latency run, in milliseconds. */
export interface LatencyResult {
  p50: number;
  p95: number;
  n: number;
}

/** One request a client makes. */
export interface LatencyRequest {
  path: string;
  method?: 'GET' | 'POST';
  /** JSON body, sent with `content-type: application/json`. */
  body?: unknown;
  /** Headers of this request, e.g. `if-none-match`. */
  headers?: Record<string, string>;
}

/** The p-th percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

// The clients run in a worker thread, so they do not share the server's
// event loop (which would add their own work to every measured request).
const CLIENTS = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, requests, clients, perClient, headers } = workerData;
(async () => {
  const times = [];
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    for (let i = 0; i < perClient; i++) {
      const r = requests[next++ % requests.length];
      const init = { method: r.method || 'GET', headers: { ...headers, ...r.headers } };
      if (r.body !== undefined) {
        init.headers['content-type'] = 'application/json';
        init.body = JSON.stringify(r.body);
      }
      const started = performance.now();
      const res = await fetch(url + r.path, init);
      await res.arrayBuffer();
      if (!res.ok && res.status !== 304) throw new Error(res.status + ' for ' + r.path);
      times.push(performance.now() - started);
    }
  }));
  parentPort.postMessage(times);
})().catch(e => { throw e; });
`;

/**
 * API latency for benchmarks: `clients` concurrent clients, each making `perClient` requests in turn
 * from `requests` (round robin), from a worker thread. Returns p50 and p95.
 */
export async function measureLatency(options: {
  url: string;
  requests: LatencyRequest[];
  headers?: Record<string, string>;
  clients?: number;
  perClient?: number;
}): Promise<LatencyResult> {
  const { url, requests, headers = {}, clients = 20, perClient = 50 } = options;
  const times = await new Promise<number[]>((resolve, reject) => {
    const worker = new Worker(CLIENTS, {
      eval: true,
      workerData: { url, requests, clients, perClient, headers },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    n: times.length,
  };
}
