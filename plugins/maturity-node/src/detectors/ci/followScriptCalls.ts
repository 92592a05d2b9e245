import type { RepositoryFiles } from '../RepositoryFiles';
import { joinRepositoryPath } from '../RepositoryFiles';
import { classifyCommand, stripShellComments } from './classifyStep';
import type { ClassifiedStep } from './recordCiJob';

const MAX_DEPTH = 3;

const SCRIPT_CALL =
  /(?:^|[\s;&|(`])(?:(?:bash|sh|zsh|source|\.|pwsh|powershell(?:\.exe)?|python3?|uv\s+run\s+(?:bash|python3?))\s+(?:-\w+\s+)*)?((?:\.{1,2}\/)?[\w@.-]+(?:\/[\w@.-]+)*\.(?:sh|bash|py|ps1))\b/g;
const DIRECT_SCRIPT =
  /(?:^|[\s;&|(`])(\.{1,2}\/[\w@.-]+(?:\/[\w@.-]+)*)(?=\s|$|;|&|\|)/g;
const MAKE_CALL =
  /(?:^|[\s;&|(`])make((?:\s+-[Cf]\s*\S+|\s+-[-\w]+(?:=\S+)?)*)((?:\s+[\w./%-]+(?!=))*)/g;
const PACKAGE_SCRIPT =
  /(?:^|[\s;&|(`])(?:npm\s+run(?:-script)?|pnpm(?:\s+run)?|yarn(?:\s+run)?|bun\s+run)\s+([\w:.-]+)/g;
const BUILTIN_PACKAGE_COMMANDS = new Set([
  'install',
  'add',
  'ci',
  'exec',
  'dlx',
  'x',
  'i',
  'remove',
  'why',
  'info',
  'set',
  'config',
  'workspace',
  'workspaces',
  'dedupe',
  'audit',
  'outdated',
  'list',
  'up',
  'upgrade',
  'version',
  'init',
  'create',
  'publish',
  'pack',
  'link',
]);

/** Lines of a file joined across backslash continuations, with their line numbers. */
function logicalLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let joined = lines[i];
    while (/\\\s*$/.test(joined) && i + 1 < lines.length)
      joined = joined.replace(/\\\s*$/, ' ') + lines[++i];
    out.push({ line: start + 1, text: joined });
  }
  return out;
}

/** Makefile targets: recipe lines and prerequisites per target. */
function makeTargets(text: string): {
  first?: string;
  targets: Map<
    string,
    { deps: string[]; recipe: { line: number; text: string }[] }
  >;
} {
  const targets = new Map<
    string,
    { deps: string[]; recipe: { line: number; text: string }[] }
  >();
  let first: string | undefined;
  let current: { deps: string[]; recipe: { line: number; text: string }[] }[] =
    [];
  for (const l of logicalLines(text)) {
    if (/^\t/.test(l.text)) {
      current.forEach(t =>
        t.recipe.push({ line: l.line, text: l.text.trim() }),
      );
      continue;
    }
    const rule =
      /^([\w./%-]+(?:\s+[\w./%-]+)*)\s*::?(?!=)\s*([^;=]*)(?:;(.*))?$/.exec(
        l.text,
      );
    if (!rule) {
      if (l.text.trim() && !/^\s*#/.test(l.text)) current = [];
      continue;
    }
    const names = rule[1].split(/\s+/).filter(n => !n.startsWith('.'));
    first ??= names[0];
    const deps = rule[2].split(/\s+/).filter(Boolean);
    const inline = rule[3]?.trim();
    current = names.map(name => {
      const target = targets.get(name) ?? { deps: [], recipe: [] };
      target.deps.push(...deps);
      if (inline) target.recipe.push({ line: l.line, text: inline });
      targets.set(name, target);
      return target;
    });
  }
  return { first, targets };
}

interface Walk {
  files: RepositoryFiles;
  depth: number;
  seen: Set<string>;
  out: ClassifiedStep[];
}

function classifyLines(
  path: string,
  lines: { line: number; text: string }[],
  cwd: string,
  walk: Walk,
  via: string,
) {
  for (const l of lines) {
    const command = stripShellComments(l.text).trim();
    if (!command) continue;
    const capabilities = classifyCommand(command);
    if (capabilities.size > 0)
      walk.out.push({
        capabilities,
        evidence: {
          path,
          line: l.line,
          note: `${via}: ${command.slice(0, 80)}`,
        },
        text: command,
      });
    followInto(
      command,
      cwd,
      { ...walk, depth: walk.depth + 1 },
      `${via} → ${path}`,
    );
  }
}

function followInto(
  command: string,
  cwd: string,
  walk: Walk,
  via: string,
): void {
  if (walk.depth > MAX_DEPTH) return;
  const { files } = walk;
  const resolveFile = (candidate: string) =>
    [
      joinRepositoryPath(cwd, candidate),
      joinRepositoryPath('', candidate),
    ].find(p => files.text(p) !== undefined);
  const enter = (key: string) => {
    if (walk.seen.has(key)) return false;
    walk.seen.add(key);
    return true;
  };
  const text = stripShellComments(command);

  const scripts = new Set<string>();
  for (const m of text.matchAll(SCRIPT_CALL)) scripts.add(m[1]);
  for (const m of text.matchAll(DIRECT_SCRIPT)) scripts.add(m[1]);
  for (const candidate of scripts) {
    const path = resolveFile(candidate);
    if (!path || !enter(path)) continue;
    const dir = path.split('/').slice(0, -1).join('/');
    classifyLines(path, logicalLines(files.text(path)!), dir, walk, via);
  }

  for (const m of text.matchAll(MAKE_CALL)) {
    const flags = m[1] ?? '';
    const dirFlag = /-C\s*(\S+)/.exec(flags)?.[1];
    const fileFlag = /-f\s*(\S+)/.exec(flags)?.[1];
    const makeDir = dirFlag ? joinRepositoryPath(cwd, dirFlag) : cwd;
    const makefile = [
      fileFlag ? joinRepositoryPath(makeDir, fileFlag) : undefined,
      joinRepositoryPath(makeDir, 'Makefile'),
      joinRepositoryPath(makeDir, 'makefile'),
      joinRepositoryPath(makeDir, 'GNUmakefile'),
    ].find(p => p !== undefined && files.text(p) !== undefined);
    if (!makefile) continue;
    const { first, targets } = makeTargets(files.text(makefile)!);
    const wanted = (m[2] ?? '').split(/\s+/).filter(Boolean);
    const defaultTarget = first ? [first] : [];
    const queue = wanted.length ? wanted : defaultTarget;
    while (queue.length > 0) {
      const name = queue.shift()!;
      const target = targets.get(name);
      if (!target || !enter(`${makefile}#${name}`)) continue;
      queue.push(...target.deps);
      classifyLines(
        makefile,
        target.recipe,
        makeDir,
        walk,
        `${via} → make ${name}`,
      );
    }
  }

  for (const m of text.matchAll(PACKAGE_SCRIPT)) {
    const name = m[1];
    if (BUILTIN_PACKAGE_COMMANDS.has(name)) continue;
    const manifest = [
      joinRepositoryPath(cwd, 'package.json'),
      'package.json',
    ].find(p => files.text(p) !== undefined);
    if (!manifest) continue;
    let scriptsOf: Record<string, unknown> = {};
    try {
      scriptsOf = JSON.parse(files.text(manifest)!).scripts ?? {};
    } catch {
      continue;
    }
    for (const key of [`pre${name}`, name, `post${name}`]) {
      const script = scriptsOf[key];
      if (typeof script !== 'string' || !enter(`${manifest}#${key}`)) continue;
      const index = files.text(manifest)!.indexOf(`"${key}"`);
      const line =
        index < 0
          ? 1
          : files.text(manifest)!.slice(0, index).split('\n').length;
      const dir = manifest.split('/').slice(0, -1).join('/');
      classifyLines(
        manifest,
        [{ line, text: script }],
        dir,
        walk,
        `${via} → ${key}`,
      );
    }
  }
}

/**
 * The steps hidden behind a CI command that hands off to the repository:
 * a shell, Python or PowerShell script (`./ci/build.sh`, `bash x.sh`), a
 * Makefile target and its prerequisites (`make release`), or a package.json
 * script (`npm run x`), followed up to three calls deep with a cycle guard.
 * Each classified line of a called file becomes a step whose evidence is
 * that file and line.
 */
export function followScriptCalls(
  command: string,
  files: RepositoryFiles,
  cwd = '',
  via = 'called',
): ClassifiedStep[] {
  const walk: Walk = { files, depth: 1, seen: new Set(), out: [] };
  followInto(command, cwd, walk, via);
  return walk.out;
}
