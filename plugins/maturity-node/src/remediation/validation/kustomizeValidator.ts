import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { RepositoryTree } from '../../tree/RepositoryTree';
import { programAvailable, runProgram } from './externalProgram';
import { kubernetesObjectProblem } from './kubernetesSchemas';
import { materializeTree } from './materializeTree';
import type {
  RemediationValidator,
  ValidationFinding,
} from './RemediationValidator';

const KUSTOMIZATION = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

/** `kubectl kustomize` of one folder: the objects, or the error. */
async function build(
  tree: RepositoryTree,
  dir: string,
): Promise<{ objects?: any[]; error?: string }> {
  // The folder's top-level parent: overlays reach bases through `../`.
  const top = dir.split('/')[0];
  const root = await materializeTree(tree, dir === '.' ? '' : top);
  try {
    const result = await runProgram(
      'kubectl',
      ['kustomize', path.join(root, dir)],
      { timeoutMs: 30_000 },
    );
    if (result.code !== 0)
      return { error: result.stderr.replaceAll(root, '').trim() };
    return {
      objects: parseAllDocuments(result.stdout)
        .map(d => d.toJS())
        .filter(Boolean),
    };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

/**
 * Every Kustomization the change touches still builds with
 * `kubectl kustomize`, and the objects it builds validate against their
 * schemas (new problems only).
 */
export const kustomizeValidator: RemediationValidator = {
  name: 'kustomize',
  async validate({ before, after, changed }) {
    const kustomizations = (await after.listFiles())
      .filter(p => KUSTOMIZATION.test(p))
      .map(p => p.split('/').slice(0, -1).join('/') || '.');
    const touched = kustomizations.filter(dir =>
      changed.some(p => dir === '.' || p.startsWith(`${dir}/`)),
    );
    // A repository-wide kustomization at the root is only touched by
    // changes it lists; a new file elsewhere (a workflow) is not its.
    if (touched.length === 0) return { findings: [] };
    if (!programAvailable('kubectl', ['version', '--client']))
      return {
        findings: [],
        notRun: 'kustomizations were not built: kubectl is not installed',
      };
    const findings: ValidationFinding[] = [];
    for (const dir of touched) {
      const now = await build(after, dir);
      const existed = (await before.listFiles()).some(
        p =>
          KUSTOMIZATION.test(p) &&
          (p.split('/').slice(0, -1).join('/') || '.') === dir,
      );
      const then = existed ? await build(before, dir) : { objects: [] };
      const at =
        dir === '.' ? 'kustomization.yaml' : `${dir}/kustomization.yaml`;
      if (now.error) {
        if (!then.error)
          findings.push({
            path: at,
            validator: 'kustomize',
            message: now.error,
          });
        continue;
      }
      const old = new Set<string>();
      for (const o of then.objects ?? []) {
        const problem = await kubernetesObjectProblem(o);
        if (problem) old.add(problem);
      }
      for (const o of now.objects ?? []) {
        const problem = await kubernetesObjectProblem(o);
        if (problem && !old.has(problem))
          findings.push({ path: at, validator: 'kustomize', message: problem });
      }
    }
    return { findings };
  },
};
