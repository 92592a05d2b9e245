import { type Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  createEvaluator,
  extractCatalogFacts,
  type Fact,
  type Score,
} from '@roadmap/plugin-maturity-common';
import {
  detectRepositoryFacts,
  FileSystemRepositoryTree,
  type MaturityRubricService,
} from '@roadmap/plugin-maturity-node';

/** What scoring a checkout found, before it is formatted. */
export interface CheckoutScore {
  score: Score;
  /** What the detectors observed in the tree (what `score --push` uploads). */
  repositoryFacts: Fact[];
  judgedSources: string[];
  warnings: { path: string; message: string }[];
  filesRead: number;
  filesListed: number;
}

/**
 * Without a catalog to look the owner up in, a group reference (an owner
 * with no kind defaults to Group) is taken as resolving.
 */
function ownerIsGroup(entity: Entity): boolean {
  const owner = typeof entity.spec?.owner === 'string' ? entity.spec.owner : '';
  if (!owner) return false;
  try {
    return (
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }).kind.toLocaleLowerCase('en-US') === 'group'
    );
  } catch {
    return false;
  }
}

/**
 * Scores a folder with the backend's detectors and evaluator: the
 * repository's facts, the catalog's when an entity is known, and any live
 * facts the caller collected (with the source they came from). `score` and
 * `fix` (before and after writing) share it, so both judge the same way.
 */
export async function scoreCheckout(options: {
  dir: string;
  entity?: Entity;
  /** The entity's file, relative to `dir`, for evidence. */
  entityFile?: string;
  rubric: MaturityRubricService;
  now?: Date;
  live?: { source: string; facts: Fact[] };
}): Promise<CheckoutScore> {
  const now = options.now ?? new Date();
  const detection = await detectRepositoryFacts(
    new FileSystemRepositoryTree(options.dir),
    { now },
  );
  const facts: Fact[] = [...detection.facts];
  const judgedSources = ['repository'];
  if (options.entity) {
    facts.push(
      ...extractCatalogFacts(options.entity, {
        now,
        file: options.entityFile,
        ownerIsGroup: ownerIsGroup(options.entity),
      }),
    );
    judgedSources.push('catalog');
  }
  if (options.live) {
    facts.push(...options.live.facts);
    judgedSources.push(options.live.source);
  }
  const score = createEvaluator(options.rubric.getRubric()).evaluate({
    entity: options.entity,
    facts,
    now,
    exemptions: options.rubric.getExemptions(),
    availableSources: judgedSources,
  });
  return {
    score,
    repositoryFacts: detection.facts,
    judgedSources,
    warnings: detection.warnings,
    filesRead: detection.filesRead,
    filesListed: detection.filesListed,
  };
}
