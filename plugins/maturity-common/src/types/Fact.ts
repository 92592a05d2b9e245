/**
 * Where an observed value came from. The four built-in sources are listed;
 * modules may add their own (any string).
 *
 * @public
 */
export type FactSource =
  | 'catalog'
  | 'repository'
  | 'kubernetes'
  | 'prometheus'
  | (string & {});

/**
 * A reference to a Kubernetes object that a fact was read from.
 *
 * @public
 */
export interface KubernetesObjectRef {
  kind: string;
  name: string;
  namespace?: string;
  cluster?: string;
}

/**
 * What a fact is based on, so a person can check it: a file and line in the
 * repository, a PromQL query, a Kubernetes object, or a catalog field.
 *
 * @public
 */
export interface Evidence {
  /** Repository-relative file path, with forward slashes. */
  path?: string;
  /** 1-based line number within `path`. */
  line?: number;
  /** A query that produced the value (PromQL for Prometheus facts). */
  query?: string;
  /** A Kubernetes object the value was read from. */
  object?: KubernetesObjectRef;
  /** A link to the evidence, when one exists. */
  url?: string;
  /** A short human-readable note, e.g. `uses: aquasecurity/trivy-action`. */
  note?: string;
}

/**
 * A JSON-compatible fact value.
 *
 * @public
 */
export type FactValue =
  | boolean
  | number
  | string
  | null
  | FactValue[]
  | { [key: string]: FactValue };

/**
 * One observed value about an entity, with its source, time and evidence.
 *
 * Fact ids are namespaced by source: `<source>.<name>`, e.g.
 * `repository.ci.tests` or `kubernetes.ready-replicas`. A source that cannot
 * be reached yields no fact at all, never a false one.
 *
 * @public
 */
export interface Fact {
  id: string;
  value: FactValue;
  source: FactSource;
  /** ISO 8601 timestamp of the observation. */
  observedAt: string;
  evidence: Evidence[];
}
