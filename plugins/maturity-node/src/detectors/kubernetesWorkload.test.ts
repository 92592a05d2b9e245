import { detectFixture } from './__testUtils__/detectFixture';

const deployment = (
  name: string,
  image: string,
  extra = '',
) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: ${name}
          image: ${image}
${extra}`;
const sized = `          resources:
            requests: { cpu: 100m, memory: 64Mi }
            limits: { memory: 128Mi }
`;

describe('workload checks: any first-party workload or image decides', () => {
  it('passes resources when one first-party workload has them, whatever third-party ones lack', async () => {
    const r = await detectFixture({
      'k8s/api.yaml': deployment('api', 'ghcr.io/acme/api:1.0', sized),
      'k8s/worker.yaml': deployment('worker', 'ghcr.io/acme/worker:1.0'),
      'k8s/db.yaml': deployment('db', 'postgres:16'),
    });
    expect(r.value('rel.resources')).toBe(true);
    expect(r.evidence('rel.resources')).toEqual([
      expect.objectContaining({
        path: 'k8s/api.yaml',
        note: expect.stringContaining('requests and limits'),
      }),
    ]);
  });

  it('does not let third-party software, test hooks or fixtures decide either way', async () => {
    const r = await detectFixture({
      'k8s/db.yaml': deployment('db', 'postgres:16', sized),
      'k8s/cache.yaml': deployment('cache', 'bitnami/redis:7', sized),
      'policies/tests/pod.yaml': deployment(
        'fixture',
        'ghcr.io/acme/fixture:1',
        sized,
      ),
      'flux-system/gotk.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: { name: source-controller, namespace: flux-system }
spec:
  template:
    spec:
      securityContext: { runAsNonRoot: true }
      containers:
        - name: manager
          image: ghcr.io/acme/controller:1
          livenessProbe: { httpGet: { path: /healthz, port: 9440 } }
${sized}`,
    });
    expect(r.value('rel.resources')).toBe(false);
    expect(r.value('sec.non-root')).toBe(false);
    expect(r.value('obs.health')).toBe(false);
    expect(r.notes('rel.resources')).toContain('not counted');
  });

  it('passes non-root when any first-party image or workload runs unprivileged, and names the near misses', async () => {
    const r = await detectFixture({
      Dockerfile: 'FROM node:22\nCMD ["node", "server.js"]\n',
      'tools/Dockerfile': 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\n',
      'test/Dockerfile': 'FROM busybox\nUSER 1000\n',
    });
    expect(r.value('sec.non-root')).toBe(true);
    expect(r.evidence('sec.non-root')).toEqual([
      expect.objectContaining({ path: 'tools/Dockerfile', note: 'USER app' }),
    ]);
    const rootOnly = await detectFixture({
      Dockerfile: 'FROM node:22\nCMD ["node", "server.js"]\n',
      'test/Dockerfile': 'FROM busybox\nUSER 1000\n',
    });
    expect(rootOnly.value('sec.non-root')).toBe(false);
    expect(rootOnly.evidence('sec.non-root')).toEqual([
      expect.objectContaining({
        path: 'Dockerfile',
        note: expect.stringContaining('runs as root'),
      }),
    ]);
  });

  it('counts a backup CronJob even though it runs a publisher image', async () => {
    const r = await detectFixture({
      'ops/backup.yaml': `apiVersion: batch/v1
kind: CronJob
metadata: { name: db-backup }
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: dump
              image: postgres:16
              command: ['pg_dump', '-f', '/backup/db.sql']
`,
    });
    expect(r.value('rel.backups')).toBe(true);
  });
});
