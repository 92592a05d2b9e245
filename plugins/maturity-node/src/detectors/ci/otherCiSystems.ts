import { parseAllDocuments } from 'yaml';
import type { Signals } from '../Signals';
import { lineOf } from '../lineOf';
import { classifyCommand } from './classifyStep';
import type { RepositoryFiles } from '../RepositoryFiles';
import { type ClassifiedStep, recordCiJob } from './recordCiJob';

/** CI definition files of the other supported systems, by path. @public */
export const OTHER_CI_FILES: [RegExp, string][] = [
  [
    /^azure-pipelines\.ya?ml$|^\.azure-pipelines\/.+\.ya?ml$|^\.?azure-pipelines?\/.+\.ya?ml$/,
    'azure-pipelines',
  ],
  [/^\.circleci\/config\.ya?ml$/, 'circleci'],
  [/^bitbucket-pipelines\.ya?ml$/, 'bitbucket-pipelines'],
  [/^\.drone\.ya?ml$/, 'drone'],
  [
    /(?:^|\/)cloudbuild(?:[.-][\w-]+)?\.ya?ml$|(?:^|\/)cloudbuild\/[^/]+\.ya?ml$/,
    'cloud-build',
  ],
  [/^\.travis\.ya?ml$/, 'travis'],
  [/^\.woodpecker(?:\.ya?ml|\/.+\.ya?ml)$/, 'woodpecker'],
  [/^buildspec\.ya?ml$/, 'aws-codebuild'],
];

const TASK_CAPABILITIES: [RegExp, string][] = [
  [/^Docker@\d/i, 'docker'],
  [
    /^(?:KubernetesManifest|Kubernetes|HelmDeploy|AzureWebApp|AzureRmWebAppDeployment|AzureFunctionApp|AzureContainerApps)@\d/i,
    'kubectl apply',
  ],
  [/^(?:DotNetCoreCLI|VSTest|Maven|Gradle|Npm)@\d/i, ''],
];

/** Each command-like string of a CI config: scripts, args joined to their image. */
function commandsOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') {
    out.push(node);
  } else if (Array.isArray(node)) {
    node.forEach(n => commandsOf(n, out));
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    // Cloud Build / Tekton steps: `name: gcr.io/cloud-builders/docker` + args.
    if (typeof o.name === 'string' && Array.isArray(o.args)) {
      out.push(`${o.name.split('/').pop()!.split(':')[0]} ${o.args.join(' ')}`);
    }
    if (typeof o.task === 'string') {
      for (const [re, command] of TASK_CAPABILITIES) {
        if (re.test(o.task)) {
          const inputs = (o.inputs ?? {}) as Record<string, unknown>;
          const c = String(inputs.command ?? '');
          if (command === 'docker')
            out.push(
              /buildAndPush/i.test(c)
                ? 'docker build . && docker push x'
                : `docker ${c || 'build'}`,
            );
          else if (command) out.push(command);
          if (/^(?:DotNetCoreCLI)@/i.test(o.task) && /test/i.test(c))
            out.push('dotnet test');
          if (/^(?:Maven|Gradle)@/i.test(o.task))
            out.push(
              `mvn ${String(inputs.goals ?? inputs.tasks ?? 'package')}`,
            );
          if (/^VSTest@/i.test(o.task)) out.push('dotnet test');
        }
      }
    }
    // CircleCI orbs such as docker/publish or aws-ecr/build-and-push-image.
    for (const key of Object.keys(o)) {
      if (
        /^(?:docker\/publish|aws-ecr\/build[-_]and[-_]push[-_]image|gcp-gcr\/build-and-push-image)$/.test(
          key,
        )
      )
        out.push('docker build . && docker push x');
      if (
        /^(?:kubernetes\/create-or-update-resource|helm\/upgrade-helm-chart|aws-ecs\/deploy-service-update)$/.test(
          key,
        )
      )
        out.push('kubectl apply');
    }
    Object.values(o).forEach(v => commandsOf(v, out));
  }
  return out;
}

/**
 * Reads the CI systems without a detector of their own (Azure Pipelines,
 * CircleCI, Bitbucket, Drone, Cloud Build, Travis, Woodpecker, CodeBuild)
 * by classifying every command-like string they contain.
 *
 * @public
 */
export function detectOtherCi(
  path: string,
  system: string,
  text: string,
  signals: Signals,
  files?: RepositoryFiles,
): void {
  const docs = parseAllDocuments(text, { merge: true, uniqueKeys: false });
  const values: unknown[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length > 0) {
      signals.warn(
        path,
        `not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
      );
      return;
    }
    values.push(doc.toJS());
  }
  signals.ciSystems.add(system);
  signals.add('ci.pipeline', { path, line: 1, note: `${system} pipeline` });
  const steps: ClassifiedStep[] = commandsOf(values).map(command => ({
    capabilities: classifyCommand(command),
    evidence: {
      path,
      line: lineOf(text, command.split(' ')[0]) ?? lineOf(text, command),
      note: command.split('\n')[0].slice(0, 80),
    },
    text: command,
  }));
  const environment = /\b(?:environment|deployment)\s*:\s*['"]?(\w+)/.exec(
    text,
  )?.[1];
  recordCiJob(
    signals,
    { name: system, environment, steps, evidence: { path, line: 1 } },
    files,
  );
}

/** Tekton Tasks and Pipelines found among Kubernetes documents. @public */
export function detectTektonDocument(
  path: string,
  text: string,
  doc: Record<string, unknown>,
  signals: Signals,
): void {
  signals.ciSystems.add('tekton');
  signals.add('ci.pipeline', {
    path,
    line: lineOf(text, 'kind:'),
    note: `Tekton ${String(doc.kind)}`,
  });
  const steps: ClassifiedStep[] = commandsOf(doc.spec).map(command => ({
    capabilities: classifyCommand(command),
    evidence: {
      path,
      line: lineOf(text, command),
      note: command.split('\n')[0].slice(0, 80),
    },
    text: command,
  }));
  recordCiJob(signals, {
    name: String((doc.metadata as any)?.name ?? 'tekton'),
    steps,
    evidence: { path, line: 1 },
  });
}
