/* eslint-disable no-console */
/*
 * Benchmark: detect facts in a generated 10,000-file repository on disk.
 * Prints elapsed time, CPU time, peak RSS and file reads. Targets: under
 * 1 s and 200 MB, each file read at most once. CPU time is printed too
 * because wall time on a shared machine includes other processes' work.
 *
 * Run: yarn bench (or node -r @backstage/cli/config/nodeTransform.cjs plugins/maturity-node/bench/detect.bench.ts)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CachingRepositoryTree,
  detectRepositoryFacts,
  FileSystemRepositoryTree,
} from '../src';

const FILES = 10_000;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-bench-'));
const write = (file: string, content: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
};

// A realistic mix: mostly source, some config, docs, manifests and charts.
write(
  'README.md',
  '# big-service\n\nA large monorepo service used to measure the detectors.\n',
);
write(
  'Dockerfile',
  'FROM golang:1.23 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\nUSER 65532\n',
);
write(
  'go.mod',
  'module big\n\ngo 1.23\n\nrequire github.com/prometheus/client_golang v1.20.5\n',
);
write('chart/Chart.yaml', 'apiVersion: v2\nname: big\nversion: 1.0.0\n');
write(
  'chart/values.yaml',
  'replicaCount: 3\nresources:\n  requests: { cpu: 100m, memory: 128Mi }\n  limits: { memory: 256Mi }\n',
);
write(
  'chart/templates/deployment.yaml',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n        - name: big\n          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n',
);
let count = 5;
for (let i = 0; count < FILES; i++) {
  const pkg = `pkg/module${Math.floor(i / 50)}`;
  const kind = i % 20;
  if (kind === 0)
    write(`${pkg}/doc${i}.md`, `# Module ${i}\n\nNotes about module ${i}.\n`);
  else if (kind === 1)
    write(
      `deploy/env${i}/config${i}.yaml`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg-${i}\ndata:\n  key: value-${i}\n`,
    );
  else if (kind === 2)
    write(
      `${pkg}/fixture${i}.json`,
      JSON.stringify({ id: i, values: [1, 2, 3] }),
    );
  else if (kind === 3 && i % 200 === 3)
    write(
      `.github/workflows/job${i}.yml`,
      `on: push\njobs:\n  t${i}:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test ./pkg/...\n`,
    );
  else
    write(
      `${pkg}/file${i}.go`,
      `package module\n\n// F${i} returns its index.\nfunc F${i}() int { return ${i} }\n`,
    );
  count++;
}

const source = new FileSystemRepositoryTree(root);
const counting = new CachingRepositoryTree(source);
let peak = process.memoryUsage().rss;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
detectRepositoryFacts(counting, { now: new Date() })
  .then(result => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const passing = result.facts.filter(f => f.value === true).length;
    console.log(
      `detectors: ${result.filesListed} files listed, ${
        result.filesRead
      } read (each at most once: ${
        counting.reads === result.filesRead ? 'yes' : 'NO'
      })`,
    );
    console.log(
      `  ${ms.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms), peak RSS ${(
        peak /
        1024 /
        1024
      ).toFixed(0)} MB, ${passing} true facts; targets < 1000 ms and < 200 MB`,
    );
  })
  .finally(() => fs.rmSync(root, { recursive: true, force: true }));
