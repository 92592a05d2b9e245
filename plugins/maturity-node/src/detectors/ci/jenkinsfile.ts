import type { Signals } from '../Signals';
import type { RepositoryFiles } from '../RepositoryFiles';
import { lineAtIndex } from '../lineOf';
import { classifyCommand, type StepCapability } from './classifyStep';
import { recordCiJob, type ClassifiedStep } from './recordCiJob';

/** Data files that share a Jenkinsfile's name but are not pipelines. */
const DATA_EXTENSION =
  /\.(?:json|ya?ml|xml|txt|md|properties|toml|ini|cfg|lock|bak|orig)$/i;

/**
 * Jenkins pipeline files, at any depth: `Jenkinsfile`, `Jenkinsfile.<name>`,
 * `*.jenkinsfile` and Groovy scripts named after one
 * (`jenkinsfile-test.groovy`). `Jenkinsfile.json` and other data files are
 * not pipelines.
 *
 * @public
 */
export function isJenkinsfile(path: string): boolean {
  const name = path.split('/').pop()!;
  if (DATA_EXTENSION.test(name)) return false;
  return (
    /^Jenkinsfile(?:[.-][\w.-]+)?$/.test(name) ||
    /\.jenkinsfile$/i.test(name) ||
    /jenkinsfile[\w.-]*\.groovy$/i.test(name)
  );
}

// Keeps line numbers: comments become spaces, newlines stay.
function stripGroovyComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, m => m.replace(/[^\n]/g, ' '))
    .replace(
      /(^|[^:"'])\/\/[^\n]*/g,
      (m, p1) => p1 + ' '.repeat(m.length - p1.length),
    );
}

const lineAt = lineAtIndex;

const SHELL_STEP =
  /\b(?:sh|bat|powershell|pwsh)\s*\(?\s*(?:script\s*:\s*)?("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/g;

/** Pipeline API and plugin steps, by what they do. */
const PLUGIN_STEPS: [RegExp, StepCapability[]][] = [
  [/\bdocker\.build\s*\(/g, ['container-build']],
  [/\bjunit\s*[('"]|\bjacoco\s*\(|\bpublishTestResults\b/g, ['tests']],
  [
    /\bkubernetesDeploy\s*\(|\bhelmUpgrade\b|\bopenshift(?:Deploy|Rollout)\b|\bazureWebAppPublish\s*\(|\bsshPublisher\s*\(/g,
    ['deploy'],
  ],
  [
    /\banchore\s*(?:\(|name\s*:)|\bneuvector\s*\(|\bsnykSecurity\s*\(|\btrivy\s*\(|\bgrype\s*\(|\bprismaCloudScanImage\s*\(|\baquaMicroscanner\s*\(/g,
    ['image-scan'],
  ],
  [
    /\bwithSonarQubeEnv\s*\(|\bsonarScanner\s*\(|\bdependencyCheck\s*\(/g,
    ['sast'],
  ],
];

/**
 * Steps of a shared library, called by name: the name says what they do
 * (`containerBuildPub`, `dockerBuildAndPush`, `helmDeploy(dry_run: false)`).
 * A deploy step whose arguments ask for a dry run does not deploy.
 */
const NAMED_STEP = /\b([a-z]\w*)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g;
function namedStepCapabilities(name: string, args: string): StepCapability[] {
  if (
    /^(?:sh|bat|echo|stage|steps|script|node|dir|withEnv|withCredentials|println|print|error|timeout|retry|parallel|checkout|git|archiveArtifacts|stash|unstash|input|when|environment|pipeline|agent|post|always|library|load|readFile|writeFile|fileExists|def|if|for|catch|try)$/.test(
      name,
    )
  )
    return [];
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const caps: StepCapability[] = [];
  const image = /\b(?:docker|image|container|oci|kaniko|buildah)\b/.test(words);
  if (image && /\bbuild/.test(words)) caps.push('container-build');
  if (image && /\b(?:push|pub|publish)/.test(words)) caps.push('image-publish');
  if (
    /\b(?:deploy|rollout|release)\b/.test(words) &&
    !/dry_?run\s*:\s*true|dryRun\s*:\s*true/i.test(args)
  )
    caps.push('deploy');
  if (
    /\b(?:trivy|grype|anchore|neuvector|clair|scout|prisma)\b/.test(words) ||
    (/\b(?:scan|vuln|cve)/.test(words) && image)
  )
    caps.push('image-scan');
  if (/\b(?:unit|test|tests)\b/.test(words) && !/\bskip/.test(words))
    caps.push('tests');
  return caps;
}

/**
 * Reads a Jenkins pipeline, declarative or scripted: `sh`/`bat` steps (and
 * the scripts they call), the Docker Pipeline API (`docker.build`,
 * `.push()`, `docker.withRegistry`, `withDockerRegistry`), scanner plugin
 * steps (Anchore, NeuVector, Snyk, Trivy), shared-library steps named after
 * what they do, and deploy stages bound to an environment. Comments are
 * ignored.
 *
 * @public
 */
export function detectJenkinsfile(
  path: string,
  text: string,
  signals: Signals,
  files?: RepositoryFiles,
): void {
  const code = stripGroovyComments(text);
  signals.ciSystems.add('jenkins');
  signals.add('ci.pipeline', { path, line: 1, note: 'Jenkins pipeline' });
  const steps: ClassifiedStep[] = [];
  const shellSpans: [number, number][] = [];
  for (const m of code.matchAll(SHELL_STEP)) {
    const script = m[1].replace(/^("""|'''|"|')|("""|'''|"|')$/g, '');
    shellSpans.push([m.index!, m.index! + m[0].length]);
    steps.push({
      capabilities: classifyCommand(script),
      evidence: {
        path,
        line: lineAt(code, m.index!),
        note: `sh: ${script.trim().split('\n')[0].slice(0, 80)}`,
      },
      text: script,
    });
  }
  const inShell = (i: number) => shellSpans.some(([a, b]) => i >= a && i < b);
  const registry =
    /docker\.(?:build|image)|withRegistry|withDockerRegistry/.test(code);
  for (const [re, caps] of PLUGIN_STEPS) {
    for (const m of code.matchAll(re)) {
      if (inShell(m.index!)) continue;
      steps.push({
        capabilities: new Set(caps),
        evidence: { path, line: lineAt(code, m.index!), note: m[0].trim() },
        text: m[0],
      });
    }
  }
  if (registry) {
    for (const m of code.matchAll(
      /\.push\s*\(\s*(?:['"][^'"]*['"])?\s*\)|\bwithDockerRegistry\b/g,
    )) {
      if (m[0].startsWith('with')) {
        // withDockerRegistry { sh 'docker push …' } is the push itself.
        if (!/docker\s+push|\.push\s*\(/.test(code)) continue;
      }
      steps.push({
        capabilities: new Set<StepCapability>(
          m[0].startsWith('with') ? [] : ['image-publish'],
        ),
        evidence: { path, line: lineAt(code, m.index!), note: m[0].trim() },
        text: m[0],
      });
    }
  }
  if (/@Library\s*\(/.test(code)) {
    for (const m of code.matchAll(NAMED_STEP)) {
      if (inShell(m.index!)) continue;
      const caps = namedStepCapabilities(m[1], m[2]);
      if (caps.length === 0) continue;
      steps.push({
        capabilities: new Set(caps),
        evidence: {
          path,
          line: lineAt(code, m.index!),
          note: `shared-library step ${m[1]}`,
        },
        text: `${m[1]}(${m[2]})`,
      });
    }
  }
  const environment =
    /stage\s*\(\s*['"][^'"]*\b(prod(?:uction)?|staging)\b/i.exec(code)?.[1];
  recordCiJob(
    signals,
    { name: 'Jenkinsfile', environment, steps, evidence: { path, line: 1 } },
    files,
  );
}
