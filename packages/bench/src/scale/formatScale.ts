import { LINEAR_TOLERANCE } from './refreshLinearity';
import type { ReplicaRun, ScaleFigures } from './scaleFigures';

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const n1 = (x: number) => x.toFixed(1);

/** A plain text table: right-aligned columns under a header. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(r => r[i].length)),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => c.padStart(widths[i])).join('  ')}`;
  return [
    line(header),
    line(widths.map(w => '-'.repeat(w))),
    ...rows.map(line),
  ];
}

function replicaLine(label: string, run: ReplicaRun): string {
  const each = run.perReplica
    .map(
      (r, i) =>
        `#${i + 1} scored ${n0(r.scored)} in ${n0(r.ms)} ms (RSS ${n0(
          r.peakRssMb,
        )} MB)`,
    )
    .join('; ');
  return `  ${label}: ${n0(run.wallMs)} ms, ${n0(
    run.entitiesPerSecond,
  )} entities/s — ${each}`;
}

/** The figures as console lines: a refresh cost table, the linearity verdicts, the replica comparison. */
export function formatScale(figures: ScaleFigures): string[] {
  const lines: string[] = [
    `Scale: ${figures.environment.cpuModel}, ${figures.environment.cores} cores, Node ${figures.environment.node}`,
  ];
  for (const why of figures.skipped) lines.push(why);

  if (figures.refresh.length > 0) {
    lines.push(
      '',
      'First full refresh from in-memory facts, then a repeat refresh (every due_at = epoch)',
      ...table(
        [
          'database',
          'entities',
          'catalog ms',
          'boot ms',
          'refresh ms',
          'ms/1k',
          'repeat ms',
          'repeat ms/1k',
          'peak RSS MB',
        ],
        figures.refresh.map(r => [
          r.database,
          n0(r.entities),
          n0(r.catalogMs),
          n0(r.bootMs),
          n0(r.refreshMs),
          n1(r.refreshMsPer1k),
          n0(r.repeatMs),
          n1(r.repeatMsPer1k),
          n0(r.peakRssMb),
        ]),
      ),
      '  catalog ms: building the synthetic catalog and its facts in memory (once per size, shared by both databases);',
      '  boot ms: startTestBackend, including the in-memory facts map and migrations; peak RSS: this process during boot and both refreshes.',
    );
  }
  for (const l of figures.linearity) {
    const verdict = l.linearOrBetter
      ? 'linear or better'
      : `grows ${n1((l.ratio - 1) * 100)}% (×${l.ratio.toFixed(
          2,
        )}), above the ×${LINEAR_TOLERANCE} still called linear`;
    lines.push(
      `${l.database}: cost per 1k entities ${n1(l.largestMsPer1k)} ms at ${n0(
        l.largestEntities,
      )} vs ${n1(l.referenceMsPer1k)} ms at ${n0(
        l.referenceEntities,
      )} (×${l.ratio.toFixed(2)}): ${verdict}`,
    );
  }

  const r = figures.replicas;
  if (r) {
    lines.push(
      '',
      `Two replicas on one PostgreSQL database, ${n0(
        r.entities,
      )} entities, first full refresh (each replica its own Node process, triggered at the same moment)`,
      replicaLine('one replica ', r.one),
      replicaLine('two replicas', r.two),
      `  speed-up ×${r.speedUp.toFixed(
        2,
      )} (entities/s, two vs one); this machine has ${
        figures.environment.cores
      } cores shared by both replicas and PostgreSQL, so the speed-up is bounded`,
      `  correctness: ${
        r.noDuplicateSnapshots ? 'OK' : 'FAILED'
      }, no entity scored twice — maturity_snapshots count(*) = ${n0(
        r.two.snapshotRows,
      )}, count(distinct entity_ref) = ${n0(
        r.two.distinctSnapshotRefs,
      )}, maturity_scores = ${n0(r.two.scoreRows)} (one replica: ${n0(
        r.one.snapshotRows,
      )} / ${n0(r.one.distinctSnapshotRefs)})`,
    );
  }
  return lines;
}
