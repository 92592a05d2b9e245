/** What the scale bench tells a replica worker (a child process of its own). */
export type ToReplica = { type: 'go' } | { type: 'stop' };

/** What a replica worker reports back. */
export type FromReplica =
  | { type: 'ready'; bootMs: number }
  | { type: 'done'; scored: number; ms: number; peakRssMb: number }
  | { type: 'error'; message: string };

/** A worker's settings, passed as its one command-line argument (JSON). */
export interface ReplicaSettings {
  /** The PostgreSQL database shared by every replica. */
  connection: string;
  /** Catalog size and seed: every replica builds the same synthetic catalog. */
  size: number;
  seed: number;
}
