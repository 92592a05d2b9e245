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
import { sourceLocationOf } from './sourceLocationOf';

// Vendored and generated folders never say anything about the service.
const SKIPPED =
  /(^|\/)(node_modules|vendor|\.git|dist|build|target|out|\.next|coverage)\//;

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
    const maxFileSize = this.deps.maxFileSize ?? 1_000_000;

    await Promise.all(
      request.entities.map(entity =>
        limit(async () => {
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
          try {
            const tree = await this.deps.urlReader.readTree(location, {
              etag: previous?.etag,
              signal: request.signal as any,
              filter: (path, info) =>
                !SKIPPED.test(path) && (info?.size ?? 0) <= maxFileSize,
            });
            const files: Record<string, string> = {};
            for (const file of await tree.files()) {
              files[file.path] = (await file.content()).toString('utf8');
            }
            const detected = await detectRepositoryFacts(
              new InMemoryRepositoryTree(files),
              {
                now: request.now,
              },
            );
            facts.set(ref, detected.facts);
            etags.set(ref, tree.etag);
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
      ),
    );
    return { facts, failures, etags };
  }
}
