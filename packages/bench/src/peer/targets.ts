import type { RunFigures } from './figures';
import { ms, n0, runLabel, throughput } from './writeBenchmarkReport';

/** One target, judged on one run. */
export interface TargetVerdict {
  run: string;
  target: string;
  ours: string;
  peer: string;
  met: boolean;
  /** How far from the target, in words, when it is missed. */
  by?: string;
}

const LARGE = 10_000;

function judged(
  run: RunFigures,
  target: string,
  ours: number,
  limit: number,
  format: (x: number) => string,
  peer = '—',
  atMost = true,
): TargetVerdict {
  const met = atMost ? ours <= limit : ours >= limit;
  return {
    run: runLabel(run),
    target,
    ours: format(ours),
    peer,
    met,
    ...(met ? {} : { by: `${(ours / limit).toFixed(2)}× the target` }),
  };
}

/**
 * The targets of the refresh-at-the-write-limit issue, on one run: the
 * throughput and row targets on every run, the time and memory ones on
 * runs of 10,000 entities or more.
 */
export function verdicts(run: RunFigures): TargetVerdict[] {
  const { ours, peer } = run;
  const peerRate = throughput(run, peer.evaluateMs);
  const rate = (x: number) => `${n0(x)}/s`;
  const perEntity = (x: number) => `${x.toFixed(2)} per entity`;
  const result = [
    judged(
      run,
      'refresh throughput ≥ 20× the peer’s bulk check run',
      throughput(run, ours.evaluateMs),
      20 * peerRate,
      rate,
      rate(peerRate),
      false,
    ),
    judged(
      run,
      'rows added per entity, first refresh ≤ 3',
      ours.firstRefresh.rows / run.entities,
      3,
      perEntity,
      perEntity(peer.firstRefresh.rows / run.entities),
    ),
    judged(
      run,
      'row writes per entity, repeat refresh (nothing changed) ≤ 0.1',
      ours.repeatRefresh.rowWrites / run.entities,
      0.1,
      perEntity,
      perEntity(peer.repeatRefresh.rowWrites / run.entities),
    ),
    judged(
      run,
      'one entity p95, 20 clients ≤ 15 ms',
      ours.entityApi.p95,
      15,
      ms,
      ms(peer.entityApi.p95),
    ),
  ];
  if (run.entities >= LARGE) {
    const sqlite = run.database === 'SQLite';
    result.push(
      judged(
        run,
        `refresh from in-memory facts ≤ ${sqlite ? 3 : 5} s`,
        ours.refreshMs,
        sqlite ? 3000 : 5000,
        ms,
        ms(peer.refreshMs),
      ),
      judged(
        run,
        'repeat refresh, nothing changed ≤ 1 s',
        ours.repeatRefreshMs,
        1000,
        ms,
        ms(peer.repeatRefreshMs),
      ),
      judged(
        run,
        'peak RSS of the benchmark process during the refresh ≤ 600 MB',
        ours.peakRssMb,
        600,
        x => `${n0(x)} MB`,
      ),
    );
  }
  return result;
}
