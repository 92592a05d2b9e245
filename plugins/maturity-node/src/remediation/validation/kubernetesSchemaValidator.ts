import { parseAllDocuments } from 'yaml';
import { chartFolders, isChartTemplate } from './chartFolders';
import { kubernetesObjectProblem } from './kubernetesSchemas';
import type {
  RemediationValidator,
  ValidationFinding,
} from './RemediationValidator';

const NOT_OBJECTS = /^(kustomize\.config\.k8s\.io|backstage\.io)\//;

/**
 * Kubernetes objects in planned manifests validate against their schemas
 * (kubernetes-models) and use API versions Kubernetes still serves. Chart
 * templates are checked after rendering (see the Helm validator).
 */
export const kubernetesSchemaValidator: RemediationValidator = {
  name: 'kubernetes-models',
  async validate({ after, changed }) {
    const charts = await chartFolders(after);
    const findings: ValidationFinding[] = [];
    for (const path of changed) {
      if (!/\.ya?ml$/.test(path) || isChartTemplate(path, charts)) continue;
      if (path.startsWith('.github/') || /(^|\/)\.gitlab-ci\.ya?ml$/.test(path))
        continue;
      for (const doc of parseAllDocuments((await after.readFile(path)) ?? '')) {
        if (doc.errors.length > 0) continue;
        const object = doc.toJS();
        if (
          !object ||
          typeof object.apiVersion !== 'string' ||
          typeof object.kind !== 'string' ||
          NOT_OBJECTS.test(object.apiVersion)
        )
          continue;
        const problem = await kubernetesObjectProblem(object);
        if (problem)
          findings.push({
            path,
            validator: 'kubernetes-models',
            message: problem,
          });
      }
    }
    return { findings };
  },
};
