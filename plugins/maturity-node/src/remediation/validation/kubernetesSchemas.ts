/**
 * API versions no current Kubernetes serves (removed in 1.16–1.26): a
 * generated object, or a reference such as an autoscaler's
 * `scaleTargetRef`, must never use one.
 */
const REMOVED_API_VERSIONS = new Set([
  'extensions/v1beta1',
  'apps/v1beta1',
  'apps/v1beta2',
  'policy/v1beta1',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'networking.k8s.io/v1beta1',
  'batch/v1beta1',
  'rbac.authorization.k8s.io/v1beta1',
]);

/** Where the models of a group live (the packages ship ES modules only). */
function modelModule(apiVersion: string, kind: string): string | undefined {
  if (!/^[A-Za-z0-9.-]+(\/[A-Za-z0-9]+)?$/.test(apiVersion)) return undefined;
  if (!/^[A-Z][A-Za-z0-9]+$/.test(kind)) return undefined;
  const [group, version] = apiVersion.includes('/')
    ? apiVersion.split('/')
    : ['', apiVersion];
  if (group === 'monitoring.coreos.com')
    return `@kubernetes-models/prometheus-operator/${apiVersion}/${kind}`;
  if (group === 'argoproj.io')
    return `@kubernetes-models/argo-cd/${apiVersion}/${kind}`;
  if (group === '') return `kubernetes-models/${version}/${kind}`;
  if (!group.includes('.') || group.endsWith('.k8s.io'))
    return `kubernetes-models/${apiVersion}/${kind}`;
  return undefined;
}

type Model = new (data: unknown) => { validate(): void };
const models = new Map<string, Promise<Model | undefined>>();

async function modelOf(
  apiVersion: string,
  kind: string,
): Promise<Model | undefined> {
  const module = modelModule(apiVersion, kind);
  if (!module) return undefined;
  if (!models.has(module)) {
    models.set(
      module,
      import(module).then(
        m => (m as Record<string, Model>)[kind] ?? (m as any).default?.[kind],
        () => undefined,
      ),
    );
  }
  return models.get(module)!;
}

function removedApiIn(value: unknown, at: string): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'apiVersion' && typeof child === 'string') {
      if (REMOVED_API_VERSIONS.has(child))
        return `${at}${key}: ${child} is no longer served by Kubernetes`;
    } else {
      const found = removedApiIn(child, `${at}${key}.`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Validates one Kubernetes object against its schema (kubernetes-models:
 * the core API, prometheus-operator and Argo CD) and refuses API versions
 * that Kubernetes no longer serves. Undefined when valid, or when no model
 * of its kind is known (a CRD of another project).
 */
export async function kubernetesObjectProblem(
  object: Record<string, unknown>,
): Promise<string | undefined> {
  const removed = removedApiIn(object, '');
  if (removed) return removed;
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string')
    return 'not a Kubernetes object (apiVersion and kind missing)';
  const Model = await modelOf(apiVersion, kind);
  if (!Model) return undefined;
  try {
    new Model(object).validate();
    return undefined;
  } catch (error) {
    return `${apiVersion}/${kind}: ${(error as Error).message}`;
  }
}
