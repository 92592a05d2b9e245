import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { Fact, FactSource } from '@roadmap/plugin-maturity-common';

/**
 * What a collector is asked for: a batch of catalog entities to observe.
 *
 * @public
 */
export interface CollectRequest {
  /** The entities of this batch, as read from the catalog. */
  entities: Entity[];
  /** The refresh's clock, so that facts of one run share a time. */
  now: Date;
  logger: LoggerService;
  /** Aborted when the source's timeout is reached. */
  signal: AbortSignal;
  /**
   * What this source reported last time, per entity ref, so a collector can
   * skip unchanged inputs (the repository collector sends the tree's etag
   * and reuses these facts when the tree is not modified).
   */
  previous: Map<string, { etag?: string; facts: Fact[] }>;
}

/**
 * A collector's answer. Entities missing from `facts` (or listed in
 * `failures`) got nothing from this source: their checks on it become
 * `unknown` and their last good facts are kept.
 *
 * @public
 */
export interface CollectResult {
  /** Facts per entity ref (`kind:namespace/name`, lower-case). */
  facts: Map<string, Fact[]>;
  /** Per-entity failures, with a message for the service owner. */
  failures?: Map<string, string>;
  /** Cache keys per entity (e.g. a repository tree's etag). */
  etags?: Map<string, string>;
}

/**
 * A source of facts about catalog entities: the catalog itself, the
 * repository, Kubernetes, Prometheus, or anything a module adds.
 *
 * A collector is called once per refresh batch so that it can answer a batch
 * with a few requests (Prometheus: one query per PromQL check for all
 * entities). Throwing means the whole source is down for this batch.
 *
 * @public
 */
export interface MaturityCollector {
  /** The fact source this collector produces, e.g. `prometheus`. */
  readonly source: FactSource;
  /**
   * Which entities this source observes at all (say, only Systems). Entities
   * it does not apply to are never sent to it and get no facts and no source
   * status from it, so its outage cannot show on them. Default: all.
   */
  appliesTo?(entity: Entity): boolean;
  collect(request: CollectRequest): Promise<CollectResult>;
}
