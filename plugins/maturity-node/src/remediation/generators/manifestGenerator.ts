import { stringify } from 'yaml';
import type {
  GeneratorResult,
  RemediationGenerator,
} from '../RemediationGenerator';
import { inRoot } from '../stack/serviceRoot';
import { serviceRuntime } from '../stack/serviceRuntime';
import { containerImageFiles } from './containerImageGenerator';

const NAME = 'app.kubernetes.io/name';
const yamlText = (o: unknown) =>
  stringify(o, { lineWidth: 0, aliasDuplicateObjects: false });

/**
 * `infra.k8s`: a Kustomize base with a Deployment and a Service, pulling
 * the image the generated CI pushes, on the port the service listens on.
 */
export const manifestGenerator: RemediationGenerator = {
  checkId: 'infra.k8s',
  async generate(context): Promise<GeneratorResult> {
    const { name } = context.profile;
    // Manifests need an image: a Dockerfile for the stack when there is none.
    const container =
      context.facts.get('repository.infra.container')?.value === true
        ? { files: [] }
        : await containerImageFiles(context);
    if ('skipped' in container)
      return {
        skipped: `the service has no container image to deploy: ${container.skipped}`,
      };
    const runtime = await serviceRuntime(context);
    // A repository of several modules is not one Deployment.
    if (
      'none' in runtime.start &&
      /several|aggregates/.test(runtime.start.none)
    )
      return {
        skipped: `cannot tell which service to deploy: ${runtime.start.none}`,
      };
    if (!runtime.port)
      return {
        skipped:
          'cannot tell which port the service listens on (no EXPOSE, compose port, PORT setting or listen call found); add the manifests by hand',
      };
    const port = runtime.port.port;
    const dir = inRoot(runtime.root, 'deploy');
    if ((await context.tree.listFiles()).some(f => f.startsWith(`${dir}/`)))
      return {
        skipped: `${dir}/ exists already; add the manifests there by hand`,
      };
    const labels = () => ({ [NAME]: name, 'backstage.io/kubernetes-id': name });
    const probe = (extra: Record<string, number>) => ({
      tcpSocket: { port: 'http' },
      ...extra,
    });
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels: labels() },
      spec: {
        replicas: 2,
        selector: { matchLabels: { [NAME]: name } },
        template: {
          metadata: { labels: labels() },
          spec: {
            securityContext: { runAsNonRoot: true, runAsUser: 65532 },
            containers: [
              {
                name,
                image: `${runtime.image}:latest`,
                ports: [{ name: 'http', containerPort: port }],
                readinessProbe: probe({ periodSeconds: 10 }),
                livenessProbe: probe({
                  initialDelaySeconds: 10,
                  periodSeconds: 20,
                }),
                resources: {
                  requests: { cpu: '100m', memory: '128Mi' },
                  limits: { memory: '256Mi' },
                },
                securityContext: { allowPrivilegeEscalation: false },
              },
            ],
          },
        },
      },
    };
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, labels: labels() },
      spec: {
        selector: { [NAME]: name },
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      },
    };
    const kustomization = {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['deployment.yaml', 'service.yaml'],
    };
    const header = `# Added by Roadmap Maturity for ${name}: review the resources; the image is the one CI pushes.\n`;
    return {
      files: [
        ...container.files,
        {
          path: `${dir}/kustomization.yaml`,
          content: header + yamlText(kustomization),
          action: 'create',
          description: 'A Kustomize base for the service.',
        },
        {
          path: `${dir}/deployment.yaml`,
          content: header + yamlText(deployment),
          action: 'create',
          description: `A Deployment of ${runtime.image}: two replicas, TCP probes on port ${port} (from ${runtime.port.from}), requests and limits, non-root.`,
        },
        {
          path: `${dir}/service.yaml`,
          content: header + yamlText(service),
          action: 'create',
          description: 'A Service in front of it.',
        },
      ],
    };
  },
};
