import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * One Prometheus server the collector queries.
 *
 * @public
 */
export interface PrometheusServer {
  name: string;
  url: string;
  /** The label that names the service on its series, e.g. `service`. */
  serviceLabel: string;
  /** PromQL range for availability, e.g. `7d`. */
  availabilityWindow: string;
  headers: Record<string, string>;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const PROMQL_DURATION = /^(?:\d+(?:ms|s|m|h|d|w|y))+$/;

/**
 * Reads `maturity.prometheus.servers`. Values that end up inside PromQL (the
 * label name and the window) are validated here, so a typo fails at start
 * with the key named instead of producing queries that match nothing.
 *
 * @public
 */
export function prometheusServersFromConfig(
  config: Config,
): PrometheusServer[] {
  const servers =
    config.getOptionalConfigArray('maturity.prometheus.servers') ?? [];
  const seen = new Set<string>();
  return servers.map((server, index) => {
    const key = `maturity.prometheus.servers[${index}]`;
    const name =
      server.getOptionalString('name') ??
      (index === 0 ? 'default' : `server-${index}`);
    if (seen.has(name)) {
      throw new InputError(`${key}.name: duplicate server name "${name}"`);
    }
    seen.add(name);
    const url = server.getString('url');
    try {
      const parsed = new URL(url);
      if (!['http:', 'https:'].includes(parsed.protocol)) throw new Error();
    } catch {
      throw new InputError(`${key}.url: "${url}" is not an http(s) URL`);
    }
    const serviceLabel = server.getOptionalString('serviceLabel') ?? 'service';
    if (!LABEL_NAME.test(serviceLabel)) {
      throw new InputError(
        `${key}.serviceLabel: "${serviceLabel}" is not a Prometheus label name`,
      );
    }
    const availabilityWindow =
      server.getOptionalString('availabilityWindow') ?? '7d';
    if (!PROMQL_DURATION.test(availabilityWindow)) {
      throw new InputError(
        `${key}.availabilityWindow: "${availabilityWindow}" is not a PromQL duration such as 7d or 12h`,
      );
    }
    const headers: Record<string, string> = {};
    const headersConfig = server.getOptionalConfig('headers');
    for (const header of headersConfig?.keys() ?? []) {
      headers[header] = headersConfig!.getString(header);
    }
    return { name, url, serviceLabel, availabilityWindow, headers };
  });
}
