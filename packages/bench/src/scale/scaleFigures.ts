/** The figures of the scale benchmark (`yarn bench:scale`), for printing or a report. */

export type ScaleDatabase = 'PostgreSQL' | 'SQLite';

/** A first and a repeat full refresh of one catalog size on one database. */
export interface RefreshCost {
  database: ScaleDatabase;
  entities: number;
  /** Building the synthetic catalog and its facts in memory (once per size). */
  catalogMs: number;
  /** startTestBackend until it answers, including the in-memory facts map and migrations. */
  bootMs: number;
  /** First full refresh from an empty database: trigger until every entity is scored. */
  refreshMs: number;
  refreshMsPer1k: number;
  /** Every entity due again (`due_at` = epoch), refreshed over stored scores. */
  repeatMs: number;
  repeatMsPer1k: number;
  /** Highest RSS of the process sampled during boot and both refreshes. */
  peakRssMb: number;
}

/** Whether the cost per 1k entities stays flat from a reference size to the largest one. */
export interface Linearity {
  database: ScaleDatabase;
  referenceEntities: number;
  referenceMsPer1k: number;
  largestEntities: number;
  largestMsPer1k: number;
  /** largestMsPer1k / referenceMsPer1k. */
  ratio: number;
  /** ratio ≤ 1.25. */
  linearOrBetter: boolean;
}

/** One replica (its own Node process) of a replica run. */
export interface ReplicaResult {
  /** Entities this replica scored (from its "Scored N entities" log line). */
  scored: number;
  /** 'go' until its refresh task resolved. */
  ms: number;
  bootMs: number;
  peakRssMb: number;
}

/** One refresh of the whole catalog by one or more replicas on one PostgreSQL database. */
export interface ReplicaRun {
  replicas: number;
  /** 'go' until every replica is done and maturity_scores holds every entity. */
  wallMs: number;
  entitiesPerSecond: number;
  perReplica: ReplicaResult[];
  /** Rows in maturity_scores afterwards. */
  scoreRows: number;
  /** Rows in maturity_snapshots and distinct entity refs among them. */
  snapshotRows: number;
  distinctSnapshotRefs: number;
}

/** One replica against two sharing one PostgreSQL database. */
export interface ReplicaFigures {
  entities: number;
  one: ReplicaRun;
  two: ReplicaRun;
  /** two.entitiesPerSecond / one.entitiesPerSecond. */
  speedUp: number;
  /** No entity was scored twice: snapshot rows = distinct refs = entities, in both runs. */
  noDuplicateSnapshots: boolean;
}

export interface ScaleFigures {
  environment: { date: string; cpuModel: string; cores: number; node: string };
  sizes: number[];
  refresh: RefreshCost[];
  linearity: Linearity[];
  replicas?: ReplicaFigures;
  /** Why a part did not run (no PostgreSQL, --no-replicas). */
  skipped: string[];
}
