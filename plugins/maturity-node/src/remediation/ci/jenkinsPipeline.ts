import type { RepositoryTree } from '../../tree/RepositoryTree';
import { groovyBlocks } from './groovyBlocks';
import type { PipelineStep } from './PipelineStep';

/** A Groovy single-quoted string: no interpolation, so `$VAR` reaches the shell. */
const groovyString = (s: string) =>
  `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function stageText(step: PipelineStep, indent: string, unit: string): string {
  const i1 = indent + unit;
  const i2 = i1 + unit;
  const i3 = i2 + unit;
  const sh = (pad: string) =>
    step.commands.map(c => `${pad}sh ${groovyString(c)}`);
  const body = step.credentials
    ? [
        `${i2}withCredentials([usernamePassword(credentialsId: ${groovyString(
          step.credentials.id,
        )}, usernameVariable: ${groovyString(
          step.credentials.user,
        )}, passwordVariable: ${groovyString(step.credentials.password)})]) {`,
        ...sh(i3),
        `${i2}}`,
      ]
    : sh(i2);
  return [
    `${indent}stage(${groovyString(step.title)}) {`,
    ...(step.mainOnly ? [`${i1}when { branch 'main' }`] : []),
    `${i1}steps {`,
    ...body,
    `${i1}}`,
    `${indent}}`,
  ].join('\n');
}

/**
 * Adds stages to a declarative Jenkinsfile, at the end of its `stages`
 * block, in the file's own indentation; every other line stays as it was.
 * Scripted pipelines (`node { }`) are not edited.
 */
export async function extendJenkinsfile(
  tree: RepositoryTree,
  steps: PipelineStep[],
): Promise<{ path: string; content: string } | { skipped: string }> {
  // The root's, else the shallowest (jenkins/Jenkinsfile, jenkinsfile-ci.groovy).
  const path = (await tree.listFiles())
    .filter(f => /(^|\/)jenkinsfile([\w.-]*\.groovy)?$/i.test(f))
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
  if (!path)
    return {
      skipped: 'the Jenkins pipeline is not in a file named Jenkinsfile',
    };
  const text = (await tree.readFile(path)) ?? '';
  const blocks = groovyBlocks(text);
  if (!blocks)
    return {
      skipped:
        'the Jenkinsfile does not parse (unbalanced braces or strings): add the stage by hand',
    };
  const pipeline = blocks.find(b => b.name === 'pipeline' && b.depth === 0);
  if (!pipeline)
    return {
      skipped:
        'the Jenkinsfile is a scripted pipeline (no pipeline { } block); add the stage to its node { } by hand',
    };
  const stages = blocks.find(
    b =>
      b.name === 'stages' &&
      b.depth === pipeline.depth + 1 &&
      b.open > pipeline.open &&
      b.close < pipeline.close,
  );
  if (!stages) return { skipped: 'the Jenkinsfile has no stages { } block' };
  const lineStart = (o: number) => text.lastIndexOf('\n', o - 1) + 1;
  const stagesIndent = /^[ \t]*/.exec(text.slice(lineStart(stages.open)))![0];
  const existing = blocks.find(
    b => b.name === 'stage' && b.open > stages.open && b.close < stages.close,
  );
  const stageIndent = existing
    ? /^[ \t]*/.exec(text.slice(lineStart(existing.open)))![0]
    : `${stagesIndent}    `;
  const unit = stageIndent.slice(stagesIndent.length) || '    ';
  const closeLine = lineStart(stages.close);
  const closeOnOwnLine = text.slice(closeLine, stages.close).trim() === '';
  const insert = steps.map(s => stageText(s, stageIndent, unit)).join('\n');
  const content = closeOnOwnLine
    ? `${text.slice(0, closeLine)}${insert}\n${text.slice(closeLine)}`
    : `${text.slice(0, stages.close)}\n${insert}\n${stagesIndent}${text.slice(
        stages.close,
      )}`;
  return { path, content };
}
