import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { programAvailable, runProgram } from './externalProgram';

/** What `tools/helm-template-check` answers for one chart. */
export interface HelmTemplateCheckAnswer {
  parseErrors: Record<string, string>;
  renderErrors: Record<string, string>;
  rendered: Record<string, string>;
}

const PROGRAM = 'helm-template-check';

/**
 * The Go sources in this repository's tools/ folder, when the package runs
 * from the repository (a published package does not carry them).
 */
function sourceDir(): string | undefined {
  let packageDir: string;
  try {
    packageDir = resolvePackagePath('@roadmap/plugin-maturity-node');
  } catch {
    return undefined;
  }
  const candidate = path.resolve(packageDir, '../../tools', PROGRAM);
  return fs.existsSync(path.join(candidate, 'main.go')) ? candidate : undefined;
}

async function build(source: string): Promise<string | undefined> {
  const files = fs
    .readdirSync(source)
    .filter(f => f.endsWith('.go') || f === 'go.mod')
    .sort();
  const digest = createHash('sha256');
  for (const f of files)
    digest.update(f).update(fs.readFileSync(path.join(source, f)));
  const dir = path.join(
    os.tmpdir(),
    `maturity-${PROGRAM}-${digest.digest('hex').slice(0, 12)}`,
  );
  const binary = path.join(dir, PROGRAM);
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(dir, { recursive: true });
  // Built under a private name and renamed: test workers may build at once.
  const partial = `${binary}.${process.pid}.partial`;
  const result = await runProgram('go', ['build', '-o', partial, '.'], {
    cwd: source,
    timeoutMs: 180_000,
  });
  if (result.code !== 0)
    throw new Error(`go build of ${PROGRAM} failed: ${result.stderr}`);
  fs.renameSync(partial, binary);
  return binary;
}

let located: Promise<string | undefined> | undefined;

/**
 * Where the chart template checker is: `MATURITY_HELM_TEMPLATE_CHECK`, a
 * `helm-template-check` on PATH, or built from this repository's
 * `tools/helm-template-check` with Go (Debian's golang-go) on first use.
 * Undefined when none of these is possible (a production backend without
 * Go): the plan then says the chart templates were not parsed.
 */
export function locateHelmTemplateCheck(): Promise<string | undefined> {
  located ??= (async () => {
    const configured = process.env.MATURITY_HELM_TEMPLATE_CHECK;
    if (configured && fs.existsSync(configured)) return configured;
    if (programAvailable(PROGRAM)) return PROGRAM;
    const source = sourceDir();
    if (!source || !programAvailable('go', ['version'])) return undefined;
    return build(source);
  })();
  return located;
}

/** Parses (and with `values`, renders) a chart's templates. */
export async function helmTemplateCheck(
  binary: string,
  request: {
    chart: { name: string; version?: string; appVersion?: string };
    files: Record<string, string>;
    values?: unknown;
    render: boolean;
  },
): Promise<HelmTemplateCheckAnswer> {
  const result = await runProgram(binary, [], {
    input: JSON.stringify({
      ...request,
      release: { name: 'release', namespace: 'default' },
    }),
  });
  if (result.code !== 0)
    throw new Error(`${PROGRAM} failed: ${result.stderr || result.stdout}`);
  return JSON.parse(result.stdout);
}
