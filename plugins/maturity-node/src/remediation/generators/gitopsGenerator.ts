import { stringify } from 'yaml';
import type { RemediationGenerator } from '../RemediationGenerator';
import { kubernetesName } from '../escaping/kubernetesName';
import { serviceWorkload } from '../targeting/serviceWorkload';

/** The Git URL of a repository from its source-location URL. */
function gitUrlOf(location: string | undefined): string | undefined {
  const url = location?.replace(/^url:/, '');
  const m = /^(https:\/\/[^/\s]+\/[^\s?#]+?)(?:\/-)?\/(?:tree|blob|src)\//.exec(
    url ?? '',
  );
  if (m) return `${m[1]}.git`;
  if (url && /^https:\/\/[^/\s]+\/[^\s?#]+$/.test(url))
    return `${url.replace(/\/$/, '').replace(/\.git$/, '')}.git`;
  return undefined;
}

/** `cd.gitops`: an Argo CD Application that syncs the manifests. */
export const gitopsGenerator: RemediationGenerator = {
  checkId: 'cd.gitops',
  async generate(context) {
    const target = await serviceWorkload(context);
    if ('skipped' in target) return target;
    const { workload } = target;
    // The folder Argo CD renders: the chart, or the workload's manifests.
    const dir =
      workload.source === 'chart'
        ? workload.chart || '.'
        : workload.path.split('/').slice(0, -1).join('/') || '.';
    const repoURL = gitUrlOf(context.service.sourceLocation);
    if (!repoURL)
      return {
        skipped:
          'the repository URL is unknown (no backstage.io/source-location), so Argo CD cannot be pointed at it',
      };
    const path = `argocd/${context.profile.name}.yaml`;
    if ((await context.tree.listFiles()).includes(path))
      return { skipped: `${path} exists already` };
    const application = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: context.profile.name, namespace: 'argocd' },
      spec: {
        project: 'default',
        source: { repoURL, targetRevision: 'HEAD', path: dir },
        destination: {
          server: 'https://kubernetes.default.svc',
          namespace: kubernetesName(context.service.namespace ?? 'default'),
        },
        syncPolicy: {
          automated: { prune: true, selfHeal: true },
          syncOptions: ['CreateNamespace=true'],
        },
      },
    };
    return {
      files: [
        {
          path,
          content: `# Apply once to the Argo CD namespace; Argo CD then keeps the manifests in sync.\n${stringify(
            application,
            { aliasDuplicateObjects: false },
          )}`,
          action: 'create',
          description: `An Argo CD Application that keeps the cluster in sync with ${dir} on the default branch.`,
        },
      ],
    };
  },
};
