import type {
  BackstageCredentials,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  RemediationPlanResponse,
  Rubric,
} from '@roadmap/plugin-maturity-common';
import {
  InMemoryRepositoryTree,
  planRemediation,
  remediationServiceOf,
  repositoryCheckFor,
} from '@roadmap/plugin-maturity-node';
import { readRepositoryFiles } from '../collectors/repository/readRepositoryFiles';
import { sourceLocationOf } from '../collectors/repository/sourceLocationOf';

/**
 * Plans the files that would close an entity's gaps, from its repository
 * read through the backend's UrlReader, writing nothing: the review step of
 * "Fix it" shows it before a pull request is opened. The caller must be
 * able to read the entity in the catalog.
 */
export class RemediationPlanService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      urlReader: UrlReaderService;
      rubric: Rubric;
      maxFileSize?: number;
    },
  ) {}

  async plan(
    request: { entityRef: string; checks: string[] },
    options: { credentials: BackstageCredentials },
  ): Promise<RemediationPlanResponse> {
    const entity = await this.deps.catalog.getEntityByRef(
      request.entityRef,
      options,
    );
    if (!entity) throw new NotFoundError(`No entity ${request.entityRef}`);
    const location = sourceLocationOf(entity);
    if (!location) {
      throw new InputError(
        `${request.entityRef} has no backstage.io/source-location annotation, so its repository is unknown`,
      );
    }
    const { files } = await readRepositoryFiles(this.deps.urlReader, location, {
      maxFileSize: this.deps.maxFileSize,
    });
    const checkIds = [...new Set(request.checks.map(repositoryCheckFor))];
    const plan = await planRemediation({
      tree: new InMemoryRepositoryTree(files),
      service: remediationServiceOf(entity),
      checkIds: checkIds.length > 0 ? checkIds : undefined,
      rubric: this.deps.rubric,
    });
    return {
      checks: plan.checks,
      skipped: plan.skipped,
      files: plan.files.map(f => ({
        path: f.path,
        action: f.action,
        content: f.content,
        diff: f.diff,
        description: f.description,
      })),
      pullRequest: plan.pullRequest,
      unvalidated: plan.unvalidated,
    };
  }
}
