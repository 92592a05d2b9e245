import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Whether Debian's `prometheus` binary is on PATH (CI installs it).
 *
 * @public
 */
export const hasPrometheus =
  spawnSync('prometheus', ['--version'], { stdio: 'ignore' }).status === 0;

/** @public */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** @public */
export interface RunningPrometheus {
  url: string;
  /** Stops the server (idempotent); its data directory is removed. */
  stop(): Promise<void>;
}

/**
 * Starts a real Prometheus on a free loopback port with its own config, rule
 * files and data directory. It scrapes a tiny metrics endpoint of ours once
 * per `targets` entry (each with its `service` label); `down` services point
 * at a closed port so their `up` is 0. Resolves once every target has been
 * scraped.
 *
 * @public
 */
export async function startPrometheus(options: {
  up: string[];
  down: string[];
  rules: string;
  /** What the `up` targets expose (Prometheus text format); a demo counter by default. */
  metricsText?: string;
}): Promise<RunningPrometheus> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'maturity-prometheus-'));
  const metrics = http.createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/plain; version=0.0.4');
    res.end(
      options.metricsText ??
        '# TYPE demo_requests_total counter\ndemo_requests_total 1\n',
    );
  });
  await new Promise<void>(resolve => metrics.listen(0, '127.0.0.1', resolve));
  const metricsPort = (metrics.address() as net.AddressInfo).port;
  const closedPort = await freePort();
  const port = await freePort();

  const target = (p: number, service: string) =>
    `      - targets: ['127.0.0.1:${p}']\n        labels: { service: ${JSON.stringify(
      service,
    )} }\n`;
  await fs.writeFile(path.join(dir, 'rules.yml'), options.rules);
  await fs.writeFile(
    path.join(dir, 'prometheus.yml'),
    [
      'global: { scrape_interval: 1s, evaluation_interval: 1s }',
      'rule_files: [rules.yml]',
      'scrape_configs:',
      '  - job_name: services',
      '    static_configs:',
      ...options.up.map(s => target(metricsPort, s)),
      ...options.down.map(s => target(closedPort, s)),
    ].join('\n'),
  );

  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=error',
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', chunk => {
    stderr += chunk;
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await new Promise(resolve => metrics.close(resolve));
    await fs.rm(dir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const expected = options.up.length + options.down.length;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`prometheus exited early: ${stderr}`);
    }
    try {
      const res = await fetch(`${url}/api/v1/query?query=count(up)`);
      const body = (await res.json()) as any;
      const rules = (await (await fetch(`${url}/api/v1/rules`)).json()) as any;
      const evaluated = rules.data.groups.every(
        (g: any) => g.lastEvaluation && !g.lastEvaluation.startsWith('0001'),
      );
      if (
        Number(body.data?.result?.[0]?.value?.[1]) === expected &&
        evaluated
      ) {
        return { url, stop };
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `prometheus did not scrape its targets in time: ${stderr}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
