import { DockerfileParser } from 'dockerfile-ast';
import type { Signals } from './Signals';

/** Dockerfile / Containerfile names. @public */
export function isDockerfile(path: string): boolean {
  const name = path.split('/').pop()!;
  return (
    /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$/.test(name) ||
    /\.(?:dockerfile|containerfile)$/i.test(name)
  );
}

// Base images that run as a non-root user unless told otherwise.
const NON_ROOT_BASE =
  /(?:distroless\/[^:\s]+:(?:[\w.-]*-)?nonroot|cgr\.dev\/chainguard\/|:[\w.-]*nonroot\b|\/ubi\d*\/[\w-]+-minimal.*non-?root)/i;

/**
 * Reads a Dockerfile with dockerfile-ast: the final stage's USER (numeric
 * 0 and root count as root, so do `root:group` forms), HEALTHCHECK,
 * multi-stage builds and EXPOSEd ports.
 *
 * @public
 */
export function detectDockerfile(
  path: string,
  text: string,
  signals: Signals,
): void {
  const dockerfile = DockerfileParser.parse(text);
  const froms = dockerfile.getFROMs();
  if (froms.length === 0) {
    signals.warn(path, 'no FROM instruction: not a Dockerfile');
    return;
  }
  const line = (range: { start: { line: number } }) => range.start.line + 1;
  signals.add('infra.container', {
    path,
    line: line(froms[0].getRange()),
    note: `FROM ${froms[0].getImageName() ?? ''}`.trim(),
  });
  if (froms.length > 1) {
    signals.add('infra.container', {
      path,
      line: line(froms[froms.length - 1].getRange()),
      note: `multi-stage build (${froms.length} stages)`,
    });
  }

  const lastFrom = froms[froms.length - 1];
  const finalStage = dockerfile
    .getInstructions()
    .filter(i => i.getRange().start.line >= lastFrom.getRange().start.line);
  const users = finalStage.filter(i => i.getKeyword() === 'USER');
  const lastUser = users[users.length - 1];
  const image = `${lastFrom.getImageName() ?? ''}:${
    lastFrom.getImageTag() ?? ''
  }`;
  if (lastUser) {
    const user = lastUser.getArgumentsContent()?.trim() ?? '';
    const name = user.split(':')[0];
    const nonRoot = name !== '' && name !== 'root' && name !== '0';
    signals.imageUsers.push({
      evidence: { path, line: line(lastUser.getRange()), note: `USER ${user}` },
      nonRoot,
    });
  } else {
    const nonRoot = NON_ROOT_BASE.test(`${lastFrom.getImage() ?? image}`);
    signals.imageUsers.push({
      evidence: {
        path,
        line: line(lastFrom.getRange()),
        note: nonRoot
          ? `base image ${lastFrom.getImage()} runs as nonroot`
          : 'no USER in the final stage: runs as root',
      },
      nonRoot,
    });
  }

  for (const instruction of finalStage) {
    if (
      instruction.getKeyword() === 'HEALTHCHECK' &&
      !/^\s*NONE\b/i.test(instruction.getArgumentsContent() ?? '')
    ) {
      signals.add('obs.health', {
        path,
        line: line(instruction.getRange()),
        note: 'HEALTHCHECK',
      });
    }
    if (instruction.getKeyword() === 'EXPOSE' && signals.port === undefined) {
      const port = Number(
        /\d+/.exec(instruction.getArgumentsContent() ?? '')?.[0],
      );
      if (port) signals.port = port;
    }
  }
  const language =
    /\b(node|golang|python|openjdk|eclipse-temurin|maven|gradle|rust|dotnet|ruby|php)\b/i.exec(
      froms.map(f => f.getImageName() ?? '').join(' '),
    )?.[1];
  if (language) {
    const map: Record<string, string> = {
      node: 'javascript',
      golang: 'go',
      openjdk: 'java',
      'eclipse-temurin': 'java',
      maven: 'java',
      gradle: 'java',
      dotnet: 'csharp',
    };
    signals.languages.add(
      map[language.toLowerCase()] ?? language.toLowerCase(),
    );
  }
}
