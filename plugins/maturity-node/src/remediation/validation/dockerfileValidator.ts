import { DockerfileParser } from 'dockerfile-ast';
import type { RepositoryTree } from '../../tree/RepositoryTree';
import type {
  RemediationValidator,
  ValidationFinding,
} from './RemediationValidator';

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/\/$/, '')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${escaped}(/.*)?$`);
}

/** The entry file a start command names, if it names one. */
export function entryFileOf(command: string[]): string | undefined {
  const [program, ...args] = command;
  const name = program?.split('/').pop() ?? '';
  if (/^python[\d.]*$/.test(name)) {
    if (args[0] === '-m' && args[1]) return `module:${args[1]}`;
    return args.find(a => a.endsWith('.py'));
  }
  if (/^(uvicorn|gunicorn|hypercorn)$/.test(name)) {
    const target = args.find(a => /^[A-Za-z_][\w.]*:[A-Za-z_]\w*$/.test(a));
    return target ? `module:${target.split(':')[0]}` : undefined;
  }
  if (name === 'node') return args.find(a => !a.startsWith('-'));
  // distroless/nodejs runs `node <CMD>`: `["."]` names no file at all.
  if (program === '.' && args.length === 0) return '.';
  // distroless/nodejs runs `node <CMD>`.
  if (/\.(c|m)?js$/.test(program ?? '')) return program;
  return undefined;
}

/** Whether an entry file (or `module:<dotted>`) exists in the build context. */
function entryExists(
  entry: string,
  files: Set<string>,
  workdir: string,
  builds: boolean,
): boolean {
  if (entry.startsWith('module:')) {
    const base = entry.slice('module:'.length).replace(/\./g, '/');
    return [`${base}.py`, `${base}/__init__.py`, `${base}/__main__.py`].some(
      c => files.has(c),
    );
  }
  const relative = entry
    .replace(/^\.\//, '')
    .replace(/^\//, '')
    .replace(
      workdir
        ? new RegExp(`^${workdir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`)
        : /^$/,
      '',
    );
  if (files.has(relative)) return true;
  // Output of the image's own build step (npm run build, tsc).
  return builds && /^(dist|build|out|lib)\//.test(relative);
}

async function problems(tree: RepositoryTree, path: string): Promise<string[]> {
  const text = (await tree.readFile(path)) ?? '';
  const dockerfile = DockerfileParser.parse(text);
  const out: string[] = [];
  const froms = dockerfile.getFROMs();
  if (froms.length === 0) return ['no FROM instruction'];
  const files = new Set(await tree.listFiles());
  const context = path.split('/').slice(0, -1).join('/');
  const inContext = (p: string) => (context ? `${context}/${p}` : p);
  const last = froms[froms.length - 1].getRange().start.line;
  let entry: string[] | undefined;
  let workdir = '';
  let builds = false;
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    const args = instruction.getArguments().map(a => a.getValue());
    if (
      keyword === 'RUN' &&
      /\bbuild\b|\btsc\b/.test(instruction.getArgumentsContent() ?? '')
    )
      builds = true;
    if (keyword === 'WORKDIR') workdir = (args[0] ?? '').replace(/^\//, '');
    // dockerfile-ast keeps flags such as --from=build apart from arguments.
    const flags: { getName(): string }[] =
      (instruction as any).getFlags?.() ?? [];
    const fromStage = flags.some(f => f.getName() === 'from');
    if ((keyword === 'COPY' || keyword === 'ADD') && !fromStage) {
      for (const source of args.slice(0, -1)) {
        if (source === '.' || source === './') continue;
        const re = globToRegExp(inContext(source.replace(/^\.\//, '')));
        if (![...files].some(f => re.test(f)))
          out.push(`${keyword} ${source}: no such file in the repository`);
      }
    }
    if (
      (keyword === 'CMD' || keyword === 'ENTRYPOINT') &&
      instruction.getRange().start.line >= last
    ) {
      const content = instruction.getArgumentsContent() ?? '';
      try {
        const parsed = JSON.parse(content);
        entry = Array.isArray(parsed) ? parsed.map(String) : undefined;
      } catch {
        entry = content.split(/\s+/);
      }
    }
  }
  if (!entry) return [...out, 'the final stage has no CMD or ENTRYPOINT'];
  if (/^(npm|yarn|pnpm)$/.test(entry[0]) && entry[1] === 'start') {
    let scripts: Record<string, unknown> = {};
    try {
      const pkg = await tree.readFile(inContext('package.json'));
      scripts = JSON.parse(pkg ?? '{}').scripts ?? {};
    } catch {
      scripts = {};
    }
    if (typeof scripts.start !== 'string')
      out.push(
        `the start command ${JSON.stringify(
          entry,
        )} needs a start script in package.json`,
      );
  }
  const file = entryFileOf(entry);
  const inBuild = new Set(
    [...files]
      .filter(f => !context || f.startsWith(`${context}/`))
      .map(f => (context ? f.slice(context.length + 1) : f)),
  );
  if (file && file !== '.' && !entryExists(file, inBuild, workdir, builds))
    out.push(
      `the start command ${JSON.stringify(entry)} runs ${file.replace(
        /^module:/,
        'module ',
      )}, which the repository does not have`,
    );
  if (file === '.')
    out.push(`the start command ${JSON.stringify(entry)} names no entry file`);
  return out;
}

/**
 * Planned Dockerfiles parse (dockerfile-ast), copy only files that exist,
 * and start an entry point the repository has.
 */
export const dockerfileValidator: RemediationValidator = {
  name: 'dockerfile',
  async validate({ before, after, changed }) {
    const findings: ValidationFinding[] = [];
    for (const path of changed) {
      if (!/(^|\/)(Dockerfile|Containerfile)$/.test(path)) continue;
      if ((await before.readFile(path)) !== undefined) continue;
      for (const message of await problems(after, path))
        findings.push({ path, validator: 'dockerfile', message });
    }
    return { findings };
  },
};
