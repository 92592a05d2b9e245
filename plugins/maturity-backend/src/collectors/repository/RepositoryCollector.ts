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
import pLimit from 'p-limit';
import { readRepositoryFiles } from './readRepositoryFiles';
import { sourceLocationOf } from './sourceLocationOf';

type TreeFacts = { facts: Fact[]; etag: string };

/**
 * Facts from the service's source tree, read through Backstage's UrlReader
 * (so every integration works) and run through the same detectors as the
 * CLI. An unchanged tree (same etag) is not read again: its last facts are
 * reused.
 */
export class RepositoryCollector implements MaturityCollector {
  readonly source = 'repository';

  constructor(
    private readonly deps: {
      urlReader: UrlReaderService;
      concurrency?: number;
      maxFileSize?: number;
    },
  ) {}

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
        const previous = request.previous.get(ref);
        const key = `${location}\n${previous?.etag ?? ''}`;
        let read = reads.get(key);
        if (!read) {
          read = limit(() => this.read(location, previous?.etag, request));
          reads.set(key, read);
        }
        try {
          const result = await read;
          facts.set(ref, result.facts);
          etags.set(ref, result.etag);
        } catch (error) {
          if (error instanceof NotModifiedError && previous) {
            facts.set(ref, previous.facts);
            if (previous.etag) etags.set(ref, previous.etag);
            return;
          }
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
    etag: string | undefined,
    request: CollectRequest,
  ): Promise<TreeFacts> {
    const { files, etag: treeEtag } = await readRepositoryFiles(
      this.deps.urlReader,
      location,
      { etag, signal: request.signal, maxFileSize: this.deps.maxFileSize },
    );
    const detected = await detectRepositoryFacts(
      new InMemoryRepositoryTree(files),
      { now: request.now },
    );
    return { facts: detected.facts, etag: treeEtag };
  }
}
