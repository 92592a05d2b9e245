import { parse as parseToml } from 'smol-toml';
import type { RepositoryTree } from '../../tree/RepositoryTree';
import { inRoot } from './serviceRoot';

/** How the image starts the service. */
export type StartCommand =
  | { kind: 'npm-start' }
  | { kind: 'node'; entry: string }
  | { kind: 'python'; command: string[] }
  | { kind: 'go'; package: string }
  | { kind: 'jar' }
  | { kind: 'cargo'; binary: string }
  | { kind: 'dotnet'; project: string; assembly: string; version: string };

const NODE_ENTRIES = [
  'server.js',
  'index.js',
  'app.js',
  'main.js',
  'src/server.js',
  'src/index.js',
  'src/app.js',
];

function pyModule(path: string): string {
  return path
    .replace(/\.py$/, '')
    .replace(/\/__init__$/, '')
    .replace(/\//g, '.');
}

/**
 * The command that starts the service, from the repository: package.json's
 * `start` script or `main` (or a conventional server file), the module
 * that creates a FastAPI/Flask app or a `__main__` script, the Go main
 * package, the Cargo binary. Or the reason none can be told.
 */
export async function startCommand(
  tree: RepositoryTree,
  root: string,
  buildTool: string,
  port: number | undefined,
): Promise<StartCommand | { none: string }> {
  const prefix = root === '' ? '' : `${root}/`;
  const files = (await tree.listFiles())
    .filter(f => f.startsWith(prefix))
    .map(f => f.slice(prefix.length));
  const has = new Set(files);
  if (['npm', 'yarn', 'pnpm'].includes(buildTool)) {
    let pkg: any = {};
    try {
      pkg = JSON.parse(
        (await tree.readFile(inRoot(root, 'package.json'))) ?? '{}',
      );
    } catch {
      return { none: 'package.json does not parse' };
    }
    if (typeof pkg.scripts?.start === 'string') return { kind: 'npm-start' };
    const main =
      typeof pkg.main === 'string' ? pkg.main.replace(/^\.\//, '') : undefined;
    if (main && has.has(main)) return { kind: 'node', entry: main };
    const entry = NODE_ENTRIES.find(e => has.has(e));
    if (entry) return { kind: 'node', entry };
    return {
      none: 'package.json has no start script or main, and there is no server.js/index.js to start',
    };
  }
  if (buildTool === 'pip' || buildTool === 'poetry') {
    const sources = files.filter(
      f => f.endsWith('.py') && !/(^|\/)(tests?|venv|\.venv)\//.test(f),
    );
    const listen = String(port ?? 8000);
    for (const f of sources.slice(0, 300)) {
      const text = (await tree.readFile(inRoot(root, f))) ?? '';
      const fastapi = /^(\w+)\s*=\s*FastAPI\(/m.exec(text);
      if (fastapi)
        return {
          kind: 'python',
          command: [
            'uvicorn',
            `${pyModule(f)}:${fastapi[1]}`,
            '--host',
            '0.0.0.0',
            '--port',
            listen,
          ],
        };
      const flask = /^(\w+)\s*=\s*Flask\(/m.exec(text);
      if (flask)
        return {
          kind: 'python',
          command: [
            'flask',
            '--app',
            `${pyModule(f)}:${flask[1]}`,
            'run',
            '--host',
            '0.0.0.0',
            '--port',
            listen,
          ],
        };
    }
    if (has.has('manage.py'))
      return {
        kind: 'python',
        command: ['python', 'manage.py', 'runserver', `0.0.0.0:${listen}`],
      };
    for (const f of ['main.py', 'app.py', 'server.py', 'run.py']) {
      if (
        has.has(f) &&
        /__name__\s*==\s*["']__main__["']/.test(
          (await tree.readFile(inRoot(root, f))) ?? '',
        )
      )
        return { kind: 'python', command: ['python', f] };
    }
    return {
      none: 'no FastAPI or Flask app, manage.py or __main__ script to start',
    };
  }
  if (buildTool === 'go') {
    for (const f of files.filter(
      p => /^[^/]+\.go$/.test(p) && !p.endsWith('_test.go'),
    ))
      if (/^package main\b/m.test((await tree.readFile(inRoot(root, f))) ?? ''))
        return { kind: 'go', package: '.' };
    const cmd = files.filter(p => /^cmd\/[^/]+\/main\.go$/.test(p));
    if (cmd.length === 1)
      return {
        kind: 'go',
        package: `./${cmd[0].split('/').slice(0, 2).join('/')}`,
      };
    return {
      none:
        cmd.length > 1
          ? `several main packages (${cmd.join(
              ', ',
            )}): which one is the service?`
          : 'no Go main package',
    };
  }
  if (buildTool === 'maven') {
    const pom = (await tree.readFile(inRoot(root, 'pom.xml'))) ?? '';
    // An aggregator builds modules, not a jar of its own.
    if (/<packaging>\s*pom\s*<\/packaging>/.test(pom)) {
      const modules = [...pom.matchAll(/<module>([^<]+)<\/module>/g)].map(
        m => m[1],
      );
      return {
        none: `pom.xml aggregates modules (${modules.slice(0, 4).join(', ')}${
          modules.length > 4 ? ', …' : ''
        }): which one is the service? Name the entity after its folder`,
      };
    }
    return { kind: 'jar' };
  }
  if (buildTool === 'gradle') return { kind: 'jar' };
  if (buildTool === 'cargo') {
    try {
      const cargo: any = parseToml(
        (await tree.readFile(inRoot(root, 'Cargo.toml'))) ?? '',
      );
      const binary = cargo.bin?.[0]?.name ?? cargo.package?.name;
      if (typeof binary === 'string' && /^[\w-]+$/.test(binary))
        return { kind: 'cargo', binary };
    } catch {
      // Falls through to the reason.
    }
    return { none: 'Cargo.toml names no package or binary' };
  }
  if (buildTool === 'dotnet') {
    const projects = files.filter(
      f => f.endsWith('.csproj') && !/(^|\/)tests?\//i.test(f),
    );
    const web: { path: string; text: string }[] = [];
    for (const f of projects) {
      const text = (await tree.readFile(inRoot(root, f))) ?? '';
      if (/Sdk="Microsoft\.NET\.Sdk\.Web"/.test(text))
        web.push({ path: f, text });
    }
    if (web.length !== 1)
      return {
        none:
          web.length === 0
            ? 'no ASP.NET project (Sdk="Microsoft.NET.Sdk.Web") to start'
            : `several web projects (${web
                .map(w => w.path)
                .join(', ')}): which one is the service?`,
      };
    const props =
      (await tree.readFile(inRoot(root, 'Directory.Build.props'))) ?? '';
    const framework =
      /<TargetFramework>net(\d+\.\d+)</.exec(web[0].text + props)?.[1] ?? '8.0';
    const assembly =
      /<AssemblyName>([\w.-]+)</.exec(web[0].text)?.[1] ??
      web[0].path
        .split('/')
        .pop()!
        .replace(/\.csproj$/, '');
    return {
      kind: 'dotnet',
      project: web[0].path,
      assembly,
      version: framework,
    };
  }
  return { none: `no start command is known for ${buildTool}` };
}
