import type { Fact } from '@roadmap/plugin-maturity-common';
import { kubernetesName } from './escaping/kubernetesName';

/**
 * Where the repository keeps its Kubernetes objects.
 *
 * @public
 */
export type KubernetesLayout =
  | { kind: 'helm'; dir: string }
  | { kind: 'kustomize'; dir: string }
  | { kind: 'manifests'; dir: string }
  | { kind: 'none' };

/**
 * The stack of a repository, as generators need it: what to build with,
 * which CI system to extend, where manifests live, which registry and port.
 *
 * @public
 */
export interface RepositoryProfile {
  /** Kubernetes-safe service name (DNS-1123 label). */
  name: string;
  /** Main language, e.g. go, python, java, typescript, javascript, rust. */
  language?: string;
  /** Main build tool, e.g. npm, pip, maven, gradle, go, cargo. */
  buildTool?: string;
  ci: 'github-actions' | 'gitlab-ci' | 'other';
  /** The CI system when `ci` is `other`, e.g. jenkins. */
  otherCi?: string;
  kubernetes: KubernetesLayout;
  registry: string;
  port: number;
}

const LANGUAGE_PREFERENCE = [
  'go',
  'java',
  'kotlin',
  'rust',
  'python',
  'typescript',
  'javascript',
];
const BUILD_TOOL_PREFERENCE = [
  'go',
  'maven',
  'gradle',
  'cargo',
  'pip',
  'poetry',
  'pnpm',
  'yarn',
  'npm',
];

function first<T>(preference: string[], values: T[]): T | undefined {
  for (const p of preference)
    if (values.includes(p as unknown as T)) return p as unknown as T;
  return values[0];
}

function stringsOf(fact: Fact | undefined): string[] {
  return Array.isArray(fact?.value)
    ? (fact!.value as unknown[]).filter(
        (v): v is string => typeof v === 'string',
      )
    : [];
}

/** The registry of the CI system's own host, when the repository names none. */
function defaultRegistry(ci: RepositoryProfile['ci']): string {
  return ci === 'gitlab-ci' ? 'registry.gitlab.com' : 'ghcr.io';
}

/**
 * Derives the {@link RepositoryProfile} from the detected repository facts.
 *
 * @public
 */
export function repositoryProfile(
  facts: ReadonlyMap<string, Fact>,
  service: { name: string },
): RepositoryProfile {
  const ciSystems = stringsOf(facts.get('repository.ci.systems'));
  let ci: RepositoryProfile['ci'] = 'github-actions';
  if (ciSystems.includes('github-actions')) ci = 'github-actions';
  else if (ciSystems.includes('gitlab-ci')) ci = 'gitlab-ci';
  else if (ciSystems.length > 0) ci = 'other';

  const layouts = stringsOf(facts.get('repository.k8s.layout'));
  const pick = (kind: 'helm' | 'kustomize' | 'manifests') =>
    layouts
      .filter(l => l.startsWith(`${kind}:`))
      .map(l => l.slice(kind.length + 1))
      // The base of a Kustomize tree, not an overlay.
      .sort((a, b) => a.length - b.length)[0];
  let kubernetes: KubernetesLayout = { kind: 'none' };
  const helm = pick('helm');
  const kustomize = pick('kustomize');
  // Plain manifests: the folder of a workload, else the shallowest one.
  const workloadDir = (facts.get('repository.infra.k8s')?.evidence ?? [])
    .filter(e => /^(?:Deployment|StatefulSet) /.test(e.note ?? '') && e.path)
    .map(e => e.path!.split('/').slice(0, -1).join('/') || '.')
    .find(dir => layouts.includes(`manifests:${dir}`));
  const manifests = workloadDir ?? pick('manifests');
  if (helm !== undefined) kubernetes = { kind: 'helm', dir: helm };
  else if (kustomize !== undefined)
    kubernetes = { kind: 'kustomize', dir: kustomize };
  else if (manifests !== undefined)
    kubernetes = { kind: 'manifests', dir: manifests };

  const registryFact = facts.get('repository.container.registry')?.value;
  const portFact = facts.get('repository.service.port')?.value;
  return {
    name: kubernetesName(service.name),
    language: first(
      LANGUAGE_PREFERENCE,
      stringsOf(facts.get('repository.languages')),
    ),
    buildTool: first(
      BUILD_TOOL_PREFERENCE,
      stringsOf(facts.get('repository.build-tools')),
    ),
    ci,
    ...(ci === 'other' ? { otherCi: ciSystems[0] } : {}),
    kubernetes,
    registry:
      typeof registryFact === 'string' ? registryFact : defaultRegistry(ci),
    port:
      typeof portFact === 'number' && portFact > 0 && portFact < 65536
        ? portFact
        : 8080,
  };
}
