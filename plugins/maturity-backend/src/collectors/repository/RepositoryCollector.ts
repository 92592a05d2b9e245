import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import type { Fact } from '@roadmap/plugin-maturity-common';
import {
  type CollectRequest,
  type CollectResult,
  detectRepositoryFacts,
  InMemoryRepositoryTree,
  type MaturityCollector,
} from '@roadmap/plugin-maturity-node';
import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';
import { readRepositoryFiles } from './readRepositoryFiles';
import { sourceLocationOf } from './sourceLocationOf';

type TreeFacts = { facts: Fact[]; etag: string };

/**
 * Facts from the service's source tree, read through Backstage's UrlReader
 * (so every integration works) and run through the same detectors as the
 * CLI. An unchanged tree (same etag) is not read again: its last facts are
 * reused — the entity's own stored ones, or those this collector detected
 * for the same source location in an earlier batch (kept for the last
 * `cacheLocations` locations), so a monorepo's tree shared by components
 * in many batches is detected once and then only revalidated.
 */
export class RepositoryCollector implements MaturityCollector {
  readonly source = 'repository';

  constructor(
    private readonly deps: {
      urlReader: UrlReaderService;
      concurrency?: number;
      maxFileSize?: number;
      /** Source locations whose last detection is kept. Default 1,000. */
      cacheLocations?: number;
    },
  ) {
    this.#detected = new LRUCache<string, TreeFacts>({
      max: deps.cacheLocations ?? 1_000,
    });
  }

  readonly #detected: LRUCache<string, TreeFacts>;

  async collect(request: CollectRequest): Promise<CollectResult> {
    const facts = new Map<string, Fact[]>();
    const failures = new Map<string, string>();
    const etags = new Map<string, string>();
    const limit = pLimit(this.deps.concurrency ?? 4);
    // Components of a monorepo often share one source location: it is read
    // and detected once per batch, not once per entity.
    const reads = new Map<string, Promise<TreeFacts>>();

    await Promise.all(
      request.entities.map(async entity => {
        const ref = stringifyEntityRef(entity);
        const location = sourceLocationOf(entity);
        if (!location) {
          failures.set(
            ref,
            'no backstage.io/source-location (url:) annotation, so the repository cannot be read',
          );
          return;
        }
        // The last facts known for this tree: the entity's stored ones, else
        // this collector's from an earlier batch.
        const stored = request.previous.get(ref);
        const known: TreeFacts | undefined = stored?.etag
          ? { facts: stored.facts, etag: stored.etag }
          : this.#detected.get(location);
        const key = `${location}\n${known?.etag ?? ''}`;
        let read = reads.get(key);
        if (!read) {
          read = limit(() => this.read(location, known, request));
          reads.set(key, read);
        }
        try {
          const result = await read;
          facts.set(ref, result.facts);
          etags.set(ref, result.etag);
        } catch (error) {
          failures.set(
            ref,
            `could not read ${location}: ${(error as Error).message}`,
          );
        }
      }),
    );
    return { facts, failures, etags };
  }

  private async read(
    location: string,
    known: TreeFacts | undefined,
    request: CollectRequest,
  ): Promise<TreeFacts> {
    let files: Record<string, string>;
    let etag: string;
    try {
      ({ files, etag } = await readRepositoryFiles(
        this.deps.urlReader,
        location,
        {
          etag: known?.etag,
          signal: request.signal,
          maxFileSize: this.deps.maxFileSize,
        },
      ));
    } catch (error) {
      if (error instanceof NotModifiedError && known) {
        this.#detected.set(location, known);
        return known;
      }
      throw error;
    }
    const detected = await detectRepositoryFacts(
      new InMemoryRepositoryTree(files),
      { now: request.now },
    );
    const result = { facts: detected.facts, etag };
    this.#detected.set(location, result);
    return result;
  }
}
