/** A parsed Kubernetes object, loosely typed. */
export type KubernetesObject = {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: any;
  spec?: any;
  [k: string]: any;
};

/**
 * Whether an object is a Kubernetes object at all (apiVersion and kind).
 *
 * @public
 */
export function isKubernetesObject(value: unknown): value is KubernetesObject {
  return Boolean(
    value &&
      typeof value === 'object' &&
      typeof (value as KubernetesObject).kind === 'string' &&
      typeof (value as KubernetesObject).apiVersion === 'string',
  );
}
