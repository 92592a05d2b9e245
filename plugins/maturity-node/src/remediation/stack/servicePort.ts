import { parse } from 'yaml';
import type { RepositoryTree } from '../../tree/RepositoryTree';

const SOURCE = /\.(js|mjs|cjs|ts|py|go|java|kt|rs|rb)$/;
const SKIP =
  /(^|\/)(node_modules|vendor|dist|build|target|\.venv|tests?|__tests__|e2e)\//;

/** Port numbers a line of code or config names for listening. */
const LISTEN_PATTERNS: RegExp[] = [
  /\.listen\(\s*(\d{2,5})\b/,
  /\bPORT\b\s*(?:\|\||\?\?|,|or)\s*["']?(\d{2,5})\b/,
  /\bgetenv\(\s*["']PORT["']\s*,\s*["']?(\d{2,5})/,
  /\bport\s*=\s*(\d{2,5})\b/,
  /ListenAndServe\(\s*"[^"]*:(\d{2,5})"/,
  /\bAddr:\s*"[^"]*:(\d{2,5})"/,
  /^\s*server\.port\s*[=:]\s*(\d{2,5})\s*$/m,
  /--port[= ](\d{2,5})\b/,
  /\b0\.0\.0\.0:(\d{2,5})\b/,
];

const valid = (n: number) => n >= 80 && n < 65536;
/** Ports of the databases and brokers a service's configuration also names. */
const DATABASE_PORTS = new Set([
  5432, 3306, 6379, 27017, 9092, 5672, 9200, 11211, 2181,
]);

/**
 * The port the service listens on, read from the repository: compose files,
 * `.env` examples, the start script, listening code, Spring's
 * `server.port`, then the framework's default (Spring 8080, uvicorn and
 * Django 8000, Flask 5000). Undefined when the repository does not say.
 */
export async function servicePort(
  tree: RepositoryTree,
  root: string,
  known?: number,
): Promise<{ port: number; from: string } | undefined> {
  if (known && valid(known))
    return { port: known, from: 'the existing Dockerfile or manifests' };
  const prefix = root === '' ? '' : `${root}/`;
  const all = (await tree.listFiles()).filter(f => f.startsWith(prefix));
  // A module with its own build file is another service's: its port is not ours.
  const modules = all
    .filter(f =>
      /\/(pom\.xml|package\.json|go\.mod|build\.gradle(\.kts)?|Cargo\.toml|[^/]+\.csproj)$/.test(
        f.slice(prefix.length),
      ),
    )
    .map(f => `${f.split('/').slice(0, -1).join('/')}/`);
  const files = all.filter(f => !modules.some(m => f.startsWith(m)));
  for (const f of files.filter(p =>
    /(^|\/)(docker-)?compose[\w.-]*\.ya?ml$/.test(p),
  )) {
    try {
      const services = parse((await tree.readFile(f)) ?? '')?.services ?? {};
      for (const s of Object.values<any>(services)) {
        const context =
          typeof s?.build === 'string' ? s.build : s?.build?.context;
        if (context === undefined || !['.', './', ''].includes(String(context)))
          continue;
        const mapping = String(s?.ports?.[0] ?? '');
        const port = Number(/(\d{2,5})(?:\/\w+)?["']?$/.exec(mapping)?.[1]);
        if (valid(port)) return { port, from: f };
      }
    } catch {
      // A compose file that does not parse says nothing.
    }
  }
  for (const f of files.filter(p =>
    /(^|\/)\.env(\.example|\.sample)?$/.test(p),
  )) {
    const port = Number(
      /^PORT\s*=\s*(\d{2,5})/m.exec((await tree.readFile(f)) ?? '')?.[1],
    );
    if (valid(port)) return { port, from: f };
  }
  // Configuration files of the service (configuration/base.yaml, config/app.toml).
  for (const f of files.filter(p =>
    /(^|\/)(config|configuration|conf|settings)[^/]*\/[^/]+\.(ya?ml|toml)$/.test(
      p.slice(prefix.length),
    ),
  )) {
    const text = (await tree.readFile(f)) ?? '';
    for (const m of text.matchAll(
      /^\s*(?:http_?|app_?|server_?|listen_?)?port\s*[:=]\s*["']?(\d{2,5})["']?\s*$/gim,
    )) {
      const port = Number(m[1]);
      if (valid(port) && !DATABASE_PORTS.has(port)) return { port, from: f };
    }
  }
  const config = files.filter(
    p =>
      !SKIP.test(p.slice(prefix.length)) &&
      (SOURCE.test(p) ||
        /application[\w-]*\.(properties|ya?ml)$/.test(p) ||
        p === `${prefix}package.json`),
  );
  const frameworks = new Set<string>();
  for (const f of config.slice(0, 400)) {
    const text = (await tree.readFile(f)) ?? '';
    if (/FastAPI\(|uvicorn/.test(text)) frameworks.add('uvicorn');
    if (/Flask\(__name__\)/.test(text)) frameworks.add('flask');
    if (/@SpringBootApplication|spring-boot/.test(text))
      frameworks.add('spring');
    for (const pattern of LISTEN_PATTERNS) {
      const port = Number(pattern.exec(text)?.[1]);
      if (valid(port)) return { port, from: f };
    }
  }
  if (
    files.some(f => f.endsWith('pom.xml') || /build\.gradle/.test(f)) ||
    frameworks.has('spring')
  )
    return { port: 8080, from: 'the Spring Boot default' };
  if (frameworks.has('uvicorn') || files.some(f => f.endsWith('manage.py')))
    return { port: 8000, from: 'the uvicorn/Django default' };
  if (frameworks.has('flask')) return { port: 5000, from: 'the Flask default' };
  if (all.some(f => f.endsWith('.csproj')))
    return { port: 8080, from: 'the ASP.NET Core default (8+)' };
  return undefined;
}
