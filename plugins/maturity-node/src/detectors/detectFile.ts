import type { RepositoryFiles } from './RepositoryFiles';
import type { Signals } from './Signals';
import {
  detectAppSpec,
  detectComposeFile,
  detectFlyToml,
  isComposeFile,
} from './appSpecs';
import { detectGithubActions, isGithubWorkflow } from './ci/githubActions';
import { detectJenkinsfile, isJenkinsfile } from './ci/jenkinsfile';
import { detectOtherCi, OTHER_CI_FILES } from './ci/otherCiSystems';
import {
  detectDependencyManifest,
  isDependencyManifest,
} from './dependencyManifests';
import {
  detectDocsAndOwnership,
  detectSchemaFile,
  isDocsOrOwnershipFile,
} from './docsAndOwnership';
import { detectDockerfile, isDockerfile } from './dockerfile';
import { isTestFixturePath } from './firstParty';
import {
  detectInfrastructure,
  isInfrastructureFile,
} from './infrastructureAsCode';
import { isKubernetesObject } from './isKubernetesObject';
import { detectKubernetesObject } from './kubernetesObjects';
import { lineOf } from './lineOf';
import { detectObservabilityFile } from './observabilityFiles';
import { parseYamlDocuments } from './parseYamlDocuments';
import { detectSourceCode, isSourceFile } from './sourceCode';

const NOISE_JSON =
  /(?:^|\/)(?:package-lock|composer\.lock|tsconfig[\w.-]*|jsconfig|\.eslintrc|\.prettierrc|renovate|\.babelrc|lerna|nx|turbo|angular|project|app\.config)\.json$/;
const API_SPEC_DOCUMENT = /^\s*["']?(?:swagger|openapi|asyncapi)["']?\s*:/m;
const NOT_MANIFEST_YAML =
  /^(?:mkdocs|Chart|values|\.pre-commit-config|pnpm-lock|\.golangci|\.yamllint|codecov|\.markdownlint)/i;

function isBackstageEntity(value: unknown): boolean {
  const api = (value as { apiVersion?: unknown } | null)?.apiVersion;
  return typeof api === 'string' && api.startsWith('backstage.io/');
}

/**
 * Routes one file of the tree (outside Helm charts and the GitLab pipeline,
 * which are read as wholes) to the detectors that understand it.
 */
export function detectFile(
  path: string,
  text: string | undefined,
  files: RepositoryFiles,
  signals: Signals,
): void {
  const name = path.split('/').pop()!;
  if (text === undefined) {
    if (isDocsOrOwnershipFile(path))
      detectDocsAndOwnership(path, undefined, signals);
    detectSchemaFile(path, signals);
    return;
  }
  if (isGithubWorkflow(path)) {
    detectGithubActions(path, text, signals, files);
    return;
  }
  if (isJenkinsfile(path)) {
    detectJenkinsfile(path, text, signals, files);
    return;
  }
  const other = OTHER_CI_FILES.find(([re]) => re.test(path));
  if (other) {
    detectOtherCi(path, other[1], text, signals, files);
    return;
  }
  if (isDockerfile(path)) {
    if (!isTestFixturePath(path)) detectDockerfile(path, text, signals);
    return;
  }
  if (/(?:^|\/)(?:ko|\.ko)\.ya?ml$|(?:^|\/)project\.toml$/.test(path)) {
    signals.add('infra.container', {
      path,
      line: 1,
      note: name.includes('ko')
        ? 'ko configuration'
        : 'Cloud Native Buildpacks project descriptor',
    });
  }
  if (name === 'fly.toml') detectFlyToml(path, text, signals);
  if (name === '.pre-commit-config.yaml') {
    const hook =
      /\b(gitleaks|trufflehog|detect-secrets|ggshield|git-secrets)\b/.exec(
        text,
      );
    if (hook)
      signals.add('sec.secret-scan', {
        path,
        line: lineOf(text, hook[0]),
        note: `pre-commit hook ${hook[1]}`,
      });
    return;
  }
  if (isDependencyManifest(path)) detectDependencyManifest(path, text, signals);
  if (isDocsOrOwnershipFile(path)) detectDocsAndOwnership(path, text, signals);
  detectSchemaFile(path, signals);
  if (isInfrastructureFile(path)) detectInfrastructure(path, text, signals);
  if (/^kustomization\.ya?ml$/i.test(name)) {
    signals.k8sLayout.add(
      `kustomize:${path.split('/').slice(0, -1).join('/') || '.'}`,
    );
    signals.add('infra.k8s', { path, line: 1, note: 'Kustomize' });
  }
  if (
    /\.ya?ml$/i.test(name) &&
    !NOT_MANIFEST_YAML.test(name) &&
    !path.startsWith('.github/')
  ) {
    // An API specification is read by the docs detector; parsing one (they
    // run to hundreds of kilobytes) would only cost time.
    if (API_SPEC_DOCUMENT.test(text)) return;
    const { documents, error } = parseYamlDocuments(text);
    if (error) signals.warn(path, `not valid YAML: ${error}`);
    for (const obj of documents) {
      if (isComposeFile(path)) {
        detectComposeFile(path, text, obj, signals);
        continue;
      }
      // Backstage's own descriptors (catalog-info.yaml) have an apiVersion
      // and a kind too, but say nothing about how the service runs.
      if (isBackstageEntity(obj)) continue;
      if (isKubernetesObject(obj)) {
        detectKubernetesObject(path, text, obj, signals);
        const dir = path.split('/').slice(0, -1).join('/') || '.';
        if (!/kustomization/i.test(name))
          signals.k8sLayout.add(`manifests:${dir}`);
      } else {
        detectObservabilityFile(path, text, obj, signals);
        detectAppSpec(path, text, obj, signals);
      }
    }
    return;
  }
  if (/\.json$/i.test(name) && !NOISE_JSON.test(path)) {
    try {
      detectObservabilityFile(path, text, JSON.parse(text), signals);
    } catch {
      signals.warn(path, 'not valid JSON');
    }
    return;
  }
  if (
    /\.(?:jmx|libsonnet|jsonnet)$|^(?:fluent-?bit\.conf|fluentd?\.conf|td-agent\.conf|logstash\.conf|vector\.toml)$/i.test(
      name,
    )
  ) {
    detectObservabilityFile(path, text, undefined, signals);
    return;
  }
  if (isSourceFile(path) && text.length < 300_000) {
    detectSourceCode(path, text, signals);
    detectObservabilityFile(path, text, undefined, signals);
  }
}
