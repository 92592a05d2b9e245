import { isSeq, parseDocument, stringify, YAMLSeq } from 'yaml';
import type {
  GeneratedFile,
  RemediationContext,
} from '../RemediationGenerator';
import { helmToggle } from './helmToggle';

type NewFile = Omit<GeneratedFile, 'checkId'>;

/** The folder new Kubernetes objects go to, and how they are wired in. */
export function kubernetesFolder(
  context: RemediationContext,
): { dir: string; helm: boolean; kustomization?: string } | undefined {
  const layout = context.profile.kubernetes;
  const prefix = (dir: string) => (dir === '.' || dir === '' ? '' : `${dir}/`);
  switch (layout.kind) {
    case 'helm':
      return { dir: `${prefix(layout.dir)}templates`, helm: true };
    case 'kustomize':
      return {
        dir: prefix(layout.dir).replace(/\/$/, '') || '.',
        helm: false,
        kustomization: `${prefix(layout.dir)}kustomization.yaml`,
      };
    case 'manifests':
      return { dir: layout.dir, helm: false };
    default:
      return undefined;
  }
}

const join = (dir: string, file: string) =>
  dir === '.' || dir === '' ? file : `${dir}/${file}`;

/**
 * New Kubernetes objects in the repository's layout: a chart template, a
 * file listed in the Kustomization's resources (the kustomization.yaml is
 * updated in place, comments kept), or a file next to the other manifests.
 * The objects are serialised by the YAML library, so no value can break
 * out of its scalar.
 */
export async function kubernetesObjectFiles(
  context: RemediationContext,
  fileName: string,
  objects: Record<string, unknown>[],
  description: string,
): Promise<{ files: NewFile[] } | { skipped: string }> {
  const folder = kubernetesFolder(context);
  if (!folder)
    return {
      skipped:
        'the repository has no Kubernetes manifests or chart to add this to (fix infra.k8s first)',
    };
  // A chart that has the template already, switched off: switch it on.
  const toggle =
    folder.helm && typeof objects[0]?.kind === 'string'
      ? await helmToggle(context, objects[0].kind)
      : undefined;
  if (toggle)
    return {
      files: [
        {
          path: toggle.path,
          content: toggle.content,
          action: 'update',
          description: `Turns on the chart's own ${String(
            objects[0].kind,
          )} (\`${toggle.key}: true\`).`,
        },
      ],
    };
  const existing = new Set(await context.tree.listFiles());
  let name = fileName;
  for (let i = 2; existing.has(join(folder.dir, name)); i++)
    name = fileName.replace(/\.yaml$/, `-${i}.yaml`);
  const path = join(folder.dir, name);
  const files: NewFile[] = [
    {
      path,
      content: `# Added by Roadmap Maturity for ${
        context.profile.name
      }.\n${objects.map(o => stringify(o, { lineWidth: 0 })).join('---\n')}`,
      action: 'create',
      description,
    },
  ];
  if (folder.kustomization) {
    const text = await context.tree.readFile(folder.kustomization);
    if (text !== undefined) {
      const doc = parseDocument(text);
      let resources = doc.get('resources');
      if (!isSeq(resources)) {
        resources = new YAMLSeq();
        doc.set('resources', resources);
      }
      (resources as YAMLSeq).add(doc.createNode(name));
      files.push({
        path: folder.kustomization,
        content: doc.toString({ lineWidth: 0 }),
        action: 'update',
        description: `Lists ${name} in the Kustomization's resources.`,
      });
    }
  }
  return { files };
}
