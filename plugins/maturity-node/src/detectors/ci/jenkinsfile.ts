import type { Signals } from '../Signals';
import { classifyCommand, type StepCapability } from './classifyStep';
import { recordCiJob, type ClassifiedStep } from './recordCiJob';

/** Jenkinsfile names, at any depth. @public */
export function isJenkinsfile(path: string): boolean {
  return (
    /(^|\/)Jenkinsfile(\.[\w-]+)?$/.test(path) || /\.jenkinsfile$/i.test(path)
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

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const SHELL_STEP =
  /\b(?:sh|bat|powershell|pwsh)\s*\(?\s*(?:script\s*:\s*)?("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/g;

/**
 * Reads a Jenkinsfile, declarative or scripted: `sh`/`bat` steps, the
 * Docker Pipeline API (`docker.build`, `.push()`), and deploy stages bound
 * to an environment. Comments are ignored.
 *
 * @public
 */
export function detectJenkinsfile(
  path: string,
  text: string,
  signals: Signals,
): void {
  const code = stripGroovyComments(text);
  signals.ciSystems.add('jenkins');
  signals.add('ci.pipeline', { path, line: 1, note: 'Jenkins pipeline' });
  const steps: ClassifiedStep[] = [];
  for (const m of code.matchAll(SHELL_STEP)) {
    const script = m[1].replace(/^("""|'''|"|')|("""|'''|"|')$/g, '');
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
  const api: [RegExp, StepCapability[]][] = [
    [/\bdocker\.build\s*\(/g, ['container-build']],
    [/\.push\s*\(\s*(?:['"][^'"]*['"])?\s*\)/g, ['image-publish']],
    [/\bjunit\s*[('"]/g, ['tests']],
    [
      /\bkubernetesDeploy\s*\(|\bhelmUpgrade\b|\bopenshift(?:Deploy|Rollout)\b/g,
      ['deploy'],
    ],
  ];
  for (const [re, caps] of api) {
    for (const m of code.matchAll(re)) {
      if (
        caps[0] === 'image-publish' &&
        !/docker\.(?:build|image)|withRegistry/.test(code)
      )
        continue;
      steps.push({
        capabilities: new Set(caps),
        evidence: { path, line: lineAt(code, m.index!), note: m[0].trim() },
        text: m[0],
      });
    }
  }
  const environment =
    /stage\s*\(\s*['"][^'"]*\b(prod(?:uction)?|staging)\b/i.exec(code)?.[1];
  recordCiJob(signals, {
    name: 'Jenkinsfile',
    environment,
    steps,
    evidence: { path, line: 1 },
  });
}
