/**
 * An alert or rule-group name made from a service name: CamelCase letters
 * and digits only, so it is a valid Prometheus name whatever the input.
 *
 * @public
 */
export function alertName(service: string, suffix: string): string {
  const camel = service
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(part => part[0].toUpperCase() + part.slice(1))
    .join('')
    .replace(/^[0-9]+/, '');
  return `${camel || 'Service'}${suffix}`;
}
