import { parse, parseAllDocuments } from 'yaml';
import { editYaml } from './editYaml';

const removedLines = (before: string, after: string) => {
  const kept = after.split('\n');
  return before.split('\n').filter(l => !kept.includes(l));
};

describe('editYaml', () => {
  const manifest = [
    '# the api',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: { name: api }',
    'spec:',
    '    template:',
    '        spec:',
    '            containers:',
    '            -   name: api',
    "                image: 'ghcr.io/acme/api:1'   # pinned",
    '                ports: [{ containerPort: 3000 }]',
    '',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: api',
    '',
  ].join('\n');

  it('adds keys in the file’s own indentation, leaving every other line as it was', () => {
    const out = editYaml(manifest, [
      { op: 'set', path: ['spec', 'replicas'], value: 2 },
      {
        op: 'set',
        path: ['spec', 'template', 'spec', 'containers', 0, 'resources'],
        value: { requests: { cpu: '100m' }, limits: { memory: '256Mi' } },
      },
    ]);
    expect(removedLines(manifest, out)).toEqual([]);
    expect(out).toContain('\n---\n');
    expect(out).toContain('\n\n---');
    expect(out).toContain(
      '                resources:\n                    requests:\n',
    );
    expect(out).toContain('spec:\n    template:');
    const [deployment] = parseAllDocuments(out).map(d => d.toJS());
    expect(deployment.spec.replicas).toBe(2);
    expect(
      deployment.spec.template.spec.containers[0].resources.limits.memory,
    ).toBe('256Mi');
  });

  it('edits the second document and keeps flow collections flow', () => {
    const out = editYaml(manifest, [
      {
        op: 'set',
        path: ['metadata', 'labels'],
        value: { app: 'api' },
        document: 1,
      },
      { op: 'set', path: ['metadata', 'labels'], value: { app: 'api' } },
    ]);
    expect(out).toContain('metadata: { name: api, labels: { app: api } }');
    expect(out).toContain('  name: api\n  labels:\n    app: api\n');
  });

  it('replaces scalars in place and fills empty values', () => {
    const values =
      'replicaCount: 1\nresources: {}\npodSecurityContext:\n  # fsGroup: 2000\n\nimage: x\n';
    const out = editYaml(values, [
      { op: 'set', path: ['replicaCount'], value: 2 },
      {
        op: 'set',
        path: ['resources'],
        value: { limits: { memory: '256Mi' } },
      },
      {
        op: 'set',
        path: ['podSecurityContext'],
        value: { runAsNonRoot: true },
      },
    ]);
    expect(parse(out)).toEqual({
      replicaCount: 2,
      resources: { limits: { memory: '256Mi' } },
      podSecurityContext: { runAsNonRoot: true },
      image: 'x',
    });
    expect(out).toContain('  # fsGroup: 2000\n');
  });

  it('appends to block and flow sequences', () => {
    const text = 'resources:\n- a.yaml\nstages: [build]\n';
    const out = editYaml(text, [
      { op: 'append', path: ['resources'], value: 'b.yaml' },
      { op: 'append', path: ['stages'], value: 'test' },
    ]);
    expect(out).toBe('resources:\n- a.yaml\n- b.yaml\nstages: [build, test]\n');
  });
});
