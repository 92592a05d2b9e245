/**
 * A DNS-1123 label made from any string: lower case letters, digits and
 * `-`, at most 63 characters, starting and ending with a letter or digit.
 * Whatever an entity is called, the result is safe as a Kubernetes name, a
 * file name and a YAML scalar.
 *
 * @public
 */
export function kubernetesName(value: string): string {
  const name = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 63)
    .replace(/^-+|-+$/g, '');
  return name || 'service';
}
