import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  type Evidence,
  type Fact,
  type FactValue,
  REPOSITORY_CHECK_IDS,
} from '@roadmap/plugin-maturity-common';
import { parse, parseAllDocuments } from 'yaml';
import { CachingRepositoryTree } from '../tree/CachingRepositoryTree';
import { SKIPPED_DIRECTORIES } from '../tree/FileSystemRepositoryTree';
import type { RepositoryTree } from '../tree/RepositoryTree';
import { detectGithubActions, isGithubWorkflow } from './ci/githubActions';
import { detectGitlabCi } from './ci/gitlabCi';
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
import {
  detectInfrastructure,
  isInfrastructureFile,
} from './infrastructureAsCode';
import {
  detectKubernetesObject,
  isKubernetesObject,
} from './kubernetesObjects';
import { detectObservabilityFile } from './observabilityFiles';
import { renderHelmTemplate } from './renderHelmTemplate';
import { Signals } from './Signals';
import { detectSourceCode, isSourceFile } from './sourceCode';

/**
 * The informational facts the detectors emit besides one boolean per
 * repository check.
 *
 * @public
 */
export const REPOSITORY_INFO_FACT_IDS = [
  'repository.languages',
  'repository.ci.systems',
  'repository.build-tools',
  'repository.k8s.layout',
  'repository.container.registry',
  'repository.service.port',
  'repository.infra.iac.state-locking',
] as const;

/**
 * What detection found: facts with evidence, and files it could not read.
 *
 * @public
 */
export interface RepositoryDetection {
  facts: Fact[];
  warnings: { path: string; message: string }[];
  /** Files read (each at most once). */
  filesRead: number;
  filesListed: number;
}

const MAX_EVIDENCE = 8;
const BINARY =
  /\.(?:png|jpe?g|gif|ico|svg|webp|bmp|pdf|zip|gz|tgz|bz2|xz|7z|jar|war|class|so|dylib|dll|exe|bin|woff2?|ttf|eot|otf|mp[34]|mov|avi|wasm|pyc|lock|sum)$/i;
const NOISE_JSON =
  /(?:^|\/)(?:package-lock|composer\.lock|tsconfig[\w.-]*|jsconfig|\.eslintrc|\.prettierrc|renovate|\.babelrc|lerna|nx|turbo|angular|project|app\.config)\.json$/;

function skipped(path: string): boolean {
  return path
    .split('/')
    .some(
      (part, i, all) => i < all.length - 1 && SKIPPED_DIRECTORIES.has(part),
    );
}

function byLocation(a: Evidence, b: Evidence): number {
  return (
    (a.path ?? '').localeCompare(b.path ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.note ?? '').localeCompare(b.note ?? '')
  );
}

/**
 * Turns a repository tree into facts: one boolean `repository.<check>` per
 * repository check of the default rubric, with evidence (path, line, what
 * was found), plus descriptive facts about the stack. Files are parsed, not
 * grepped, where a parser exists; a malformed file yields a warning and no
 * fact from that file; every file is read at most once.
 *
 * @public
 */
export async function detectRepositoryFacts(
  source: RepositoryTree,
  options: { now?: Date; logger?: LoggerService } = {},
): Promise<RepositoryDetection> {
  const tree = new CachingRepositoryTree(source);
  const signals = new Signals();
  const all = (await tree.listFiles()).filter(p => !skipped(p));
  const read = (path: string) => tree.readFile(path);
  // Detectors run in file order, but reading is I/O-bound: warm the cache
  // with bounded parallel reads first (each file is still read only once).
  const wanted = all.filter(p => !BINARY.test(p));
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(32, wanted.length) }, async () => {
      while (next < wanted.length) await read(wanted[next++]);
    }),
  );

  // Helm charts: their templates are Go templates, rendered approximately.
  const chartDirs = all
    .filter(p => /(?:^|\/)Chart\.ya?ml$/.test(p))
    .map(p => p.replace(/\/?Chart\.ya?ml$/, ''));
  const inChart = (p: string) =>
    chartDirs.some(d =>
      d
        ? p.startsWith(`${d}/templates/`) || p.startsWith(`${d}/charts/`)
        : p.startsWith('templates/') || p.startsWith('charts/'),
    );
  for (const dir of chartDirs) {
    const prefix = dir ? `${dir}/` : '';
    const chartText =
      (await read(`${prefix}Chart.yaml`)) ??
      (await read(`${prefix}Chart.yml`)) ??
      '';
    let chartName = dir.split('/').pop() || 'chart';
    try {
      chartName = (parse(chartText) as any)?.name ?? chartName;
    } catch {
      signals.warn(`${prefix}Chart.yaml`, 'not valid YAML');
    }
    let values: unknown = {};
    const valuesText = await read(`${prefix}values.yaml`);
    if (valuesText !== undefined) {
      try {
        values = parse(valuesText, { merge: true }) ?? {};
      } catch (error) {
        signals.warn(
          `${prefix}values.yaml`,
          `not valid YAML: ${(error as Error).message.split('\n')[0]}`,
        );
      }
    }
    signals.k8sLayout.add(`helm:${dir || '.'}`);
    signals.add('infra.k8s', {
      path: `${prefix}Chart.yaml`,
      line: 1,
      note: `Helm chart ${chartName}`,
    });
    for (const template of all.filter(
      p => p.startsWith(`${prefix}templates/`) && /\.ya?ml$/.test(p),
    )) {
      const text = await read(template);
      if (text === undefined) continue;
      const rendered = renderHelmTemplate(text, values, chartName);
      const docs = parseAllDocuments(rendered, {
        merge: true,
        uniqueKeys: false,
      });
      let parsedAny = false;
      for (const doc of Array.isArray(docs) ? docs : [docs]) {
        if (doc.errors.length > 0) continue;
        const obj = doc.toJS();
        if (isKubernetesObject(obj)) {
          parsedAny = true;
          detectKubernetesObject(template, text, obj, signals);
        }
      }
      if (!parsedAny && rendered.trim()) {
        // Could not render: still count the kinds the template declares.
        for (const m of rendered.matchAll(/^kind:\s*(\w+)/gm)) {
          detectKubernetesObject(
            template,
            text,
            { apiVersion: 'unknown/v1', kind: m[1], metadata: {} },
            signals,
          );
        }
      }
    }
  }

  const gitlabIncludes: string[] = [];
  for (const path of all) {
    const name = path.split('/').pop()!;
    if (inChart(path)) continue;

    if (isGithubWorkflow(path)) {
      const text = await read(path);
      if (text !== undefined) detectGithubActions(path, text, signals);
      continue;
    }
    if (
      path === '.gitlab-ci.yml' ||
      path === '.gitlab-ci.yaml' ||
      gitlabIncludes.includes(path)
    ) {
      const text = await read(path);
      if (text !== undefined)
        gitlabIncludes.push(...detectGitlabCi(path, text, signals));
      continue;
    }
    if (isJenkinsfile(path)) {
      const text = await read(path);
      if (text !== undefined) detectJenkinsfile(path, text, signals);
      continue;
    }
    const other = OTHER_CI_FILES.find(([re]) => re.test(path));
    if (other) {
      const text = await read(path);
      if (text !== undefined) detectOtherCi(path, other[1], text, signals);
      continue;
    }
    if (isDockerfile(path)) {
      const text = await read(path);
      if (text !== undefined) detectDockerfile(path, text, signals);
      continue;
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
    if (name === '.pre-commit-config.yaml') {
      const text = await read(path);
      const hook =
        text &&
        /\b(gitleaks|trufflehog|detect-secrets|ggshield|git-secrets)\b/.exec(
          text,
        );
      if (hook)
        signals.add('sec.secret-scan', {
          path,
          line: lineOfText(text!, hook[0]),
          note: `pre-commit hook ${hook[1]}`,
        });
      continue;
    }
    if (isDependencyManifest(path)) {
      const text = await read(path);
      if (text !== undefined) detectDependencyManifest(path, text, signals);
    }
    if (isDocsOrOwnershipFile(path)) {
      detectDocsAndOwnership(path, await read(path), signals);
    }
    detectSchemaFile(path, signals);
    if (isInfrastructureFile(path)) {
      const text = await read(path);
      if (text !== undefined) detectInfrastructure(path, text, signals);
    }
    if (/^kustomization\.ya?ml$/i.test(name)) {
      signals.k8sLayout.add(
        `kustomize:${path.split('/').slice(0, -1).join('/') || '.'}`,
      );
      signals.add('infra.k8s', { path, line: 1, note: 'Kustomize' });
    }
    if (
      /\.ya?ml$/i.test(name) &&
      !/^(?:docker-compose|compose|mkdocs|Chart|values|\.pre-commit-config|pnpm-lock|\.golangci|\.yamllint|codecov|\.markdownlint)/i.test(
        name,
      ) &&
      !path.startsWith('.github/')
    ) {
      const text = await read(path);
      if (text === undefined) continue;
      const docs = parseAllDocuments(text, { merge: true, uniqueKeys: false });
      for (const doc of Array.isArray(docs) ? docs : [docs]) {
        if (doc.errors.length > 0) {
          signals.warn(
            path,
            `not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
          );
          break;
        }
        const obj = doc.toJS();
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
        }
      }
      continue;
    }
    if (/\.json$/i.test(name) && !NOISE_JSON.test(path)) {
      const text = await read(path);
      if (text === undefined) continue;
      try {
        detectObservabilityFile(path, text, JSON.parse(text), signals);
      } catch {
        signals.warn(path, 'not valid JSON');
      }
      continue;
    }
    if (
      /\.(?:jmx|libsonnet|jsonnet)$|^(?:fluent-?bit\.conf|fluentd?\.conf|td-agent\.conf|logstash\.conf|vector\.toml)$/i.test(
        name,
      )
    ) {
      const text = await read(path);
      if (text !== undefined)
        detectObservabilityFile(path, text, undefined, signals);
      continue;
    }
    if (isSourceFile(path)) {
      const text = await read(path);
      if (text !== undefined && text.length < 300_000) {
        detectSourceCode(path, text, signals);
        detectObservabilityFile(path, text, undefined, signals);
      }
    }
  }

  combine(signals);
  for (const w of signals.warnings)
    options.logger?.warn(`maturity detectors: ${w.path}: ${w.message}`);

  const now = (options.now ?? new Date()).toISOString();
  const fact = (
    id: string,
    value: FactValue,
    evidence: Evidence[] = [],
  ): Fact => ({
    id,
    value,
    source: 'repository',
    observedAt: now,
    evidence: evidence.sort(byLocation).slice(0, MAX_EVIDENCE),
  });
  const facts: Fact[] = REPOSITORY_CHECK_IDS.map(check => {
    const found = signals.found.get(check) ?? [];
    return found.length > 0
      ? fact(`repository.${check}`, true, [...found])
      : fact(`repository.${check}`, false, [
          ...(signals.nearMisses.get(check) ?? []),
        ]);
  });
  facts.push(fact('repository.languages', [...signals.languages].sort()));
  facts.push(fact('repository.ci.systems', [...signals.ciSystems].sort()));
  facts.push(fact('repository.build-tools', [...signals.buildTools].sort()));
  facts.push(fact('repository.k8s.layout', [...signals.k8sLayout].sort()));
  facts.push(fact('repository.container.registry', signals.registry ?? null));
  facts.push(fact('repository.service.port', signals.port ?? null));
  if (signals.stateLocking !== undefined)
    facts.push(
      fact('repository.infra.iac.state-locking', signals.stateLocking),
    );
  facts.sort((a, b) => a.id.localeCompare(b.id));
  return {
    facts,
    warnings: signals.warnings.sort((a, b) => a.path.localeCompare(b.path)),
    filesRead: tree.reads,
    filesListed: all.length,
  };
}

function isBackstageEntity(value: unknown): boolean {
  const api = (value as { apiVersion?: unknown } | null)?.apiVersion;
  return typeof api === 'string' && api.startsWith('backstage.io/');
}

function lineOfText(text: string, needle: string): number | undefined {
  const index = text.indexOf(needle);
  return index < 0 ? undefined : text.slice(0, index).split('\n').length;
}

// Signals that need the whole picture.
function combine(signals: Signals): void {
  const runtimeNonRoot = signals.runtimeUsers.filter(u => u.nonRoot);
  if (runtimeNonRoot.length > 0) {
    runtimeNonRoot.forEach(u => signals.add('sec.non-root', u.evidence));
  } else if (
    signals.imageUsers.length > 0 &&
    signals.imageUsers.every(u => u.nonRoot)
  ) {
    signals.imageUsers.forEach(u => signals.add('sec.non-root', u.evidence));
  } else {
    signals.imageUsers
      .filter(u => !u.nonRoot)
      .forEach(u => signals.nearMiss('sec.non-root', u.evidence));
  }
  if (signals.containers.length > 0) {
    const missing = signals.containers.filter(c => !c.resources);
    if (missing.length === 0)
      signals.containers.forEach(c =>
        signals.add('rel.resources', {
          ...c.evidence,
          note: `${c.evidence.note}: requests and limits`,
        }),
      );
    else
      missing.forEach(c =>
        signals.nearMiss('rel.resources', {
          ...c.evidence,
          note: `${c.evidence.note}: no requests and limits`,
        }),
      );
  }
  if (signals.has('sec.sast.eslint') && signals.has('ci.pipeline')) {
    signals.found
      .get('sec.sast.eslint')!
      .forEach(e => signals.add('sec.sast', e));
  }
}
