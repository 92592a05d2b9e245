import type { Fact } from '@roadmap/plugin-maturity-common';
import type { RepositoryTree } from '../tree/RepositoryTree';
import type { RepositoryProfile } from './RepositoryProfile';

/**
 * The catalog entity a remediation is planned for. Every value here may be
 * hostile (it comes from a catalog-info.yaml anyone can edit): generators
 * write it through a YAML serialiser, a PromQL string escaper or a
 * name sanitiser, never by pasting it into text.
 *
 * @public
 */
export interface RemediationService {
  name: string;
  namespace?: string;
  title?: string;
  /** Owner entity ref, e.g. group:default/payments. */
  owner?: string;
  system?: string;
  kind?: string;
  type?: string;
  /** The backstage.io/source-location annotation (for GitOps). */
  sourceLocation?: string;
  /** The backstage.io/kubernetes-id annotation: which workload is this entity. */
  kubernetesId?: string;
  /** The backstage.io/kubernetes-label-selector annotation, e.g. `app=payments`. */
  kubernetesLabelSelector?: string;
}

/**
 * One file of a remediation: a new file, or the new content of a file the
 * repository already has (changed only where needed, comments kept).
 *
 * @public
 */
export interface GeneratedFile {
  /** Repository-relative path with forward slashes. */
  path: string;
  content: string;
  action: 'create' | 'update';
  /** The check this file helps to fix. */
  checkId: string;
  /** One sentence for the pull request body. */
  description: string;
  /** For an update: the unified diff against the repository's file. */
  diff?: string;
}

/**
 * What a generator sees: the repository as it would be with the files
 * planned so far, the detected facts of that tree, the stack profile and
 * the service.
 *
 * @public
 */
export interface RemediationContext {
  tree: RepositoryTree;
  facts: ReadonlyMap<string, Fact>;
  profile: RepositoryProfile;
  service: RemediationService;
}

/**
 * What a generator returns: files, or the reason it cannot fix the check
 * for this repository (e.g. a Jenkins pipeline it does not edit).
 *
 * @public
 */
export type GeneratorResult =
  | { files: Omit<GeneratedFile, 'checkId'>[] }
  | { skipped: string };

/**
 * Produces the files that make one repository check pass, in the
 * repository's own conventions.
 *
 * @public
 */
export interface RemediationGenerator {
  /** The repository check it fixes, e.g. `obs.alerts`. */
  checkId: string;
  generate(context: RemediationContext): Promise<GeneratorResult>;
}
