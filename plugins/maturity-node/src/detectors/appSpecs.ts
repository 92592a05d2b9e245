import { parse as parseToml } from 'smol-toml';
import type { Signals } from './Signals';
import { isTestFixturePath, isThirdPartyImage } from './firstParty';
import { lineOf } from './lineOf';

/** docker compose files, by name. */
export function isComposeFile(path: string): boolean {
  return /(?:^|\/)(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i.test(path);
}

/**
 * A docker compose file: a `healthcheck:` on a first-party service (one it
 * builds, or whose image is not well-known third-party software) counts as
 * a health check unless it is disabled.
 */
export function detectComposeFile(
  path: string,
  text: string,
  doc: unknown,
  signals: Signals,
): void {
  const services = (doc as { services?: Record<string, any> } | null)?.services;
  if (!services || typeof services !== 'object' || isTestFixturePath(path))
    return;
  for (const [name, service] of Object.entries(services)) {
    const check = service?.healthcheck;
    if (!check || typeof check !== 'object') continue;
    const test = Array.isArray(check.test)
      ? check.test.join(' ')
      : String(check.test ?? '');
    if (check.disable === true || /^NONE\b/.test(test)) continue;
    const firstParty =
      service.build !== undefined ||
      !isThirdPartyImage(String(service.image ?? ''));
    const evidence = {
      path,
      line: lineOf(text, 'healthcheck:', text.indexOf(`${name}:`)),
      note: `compose healthcheck on ${name}`,
    };
    if (firstParty) signals.add('obs.health', evidence);
  }
}

/**
 * Platform-as-a-service app specs: DigitalOcean App Platform (`health_check`,
 * `deploy_on_push`), Render blueprints (`healthCheckPath`, `autoDeploy`),
 * App Engine (`liveness_check`, `readiness_check`) and Cloud Foundry
 * manifests (`health-check-type`). A spec that deploys on every push is an
 * automated deployment.
 */
export function detectAppSpec(
  path: string,
  text: string,
  doc: unknown,
  signals: Signals,
): void {
  if (!doc || typeof doc !== 'object' || isTestFixturePath(path)) return;
  const o = doc as Record<string, any>;
  const components = [o.services, o.workers, o.static_sites, o.jobs]
    .filter(Array.isArray)
    .flat()
    .filter((s: any) => s && typeof s === 'object');
  const appPlatform = components.some(
    (s: any) =>
      'instance_size_slug' in s ||
      'http_port' in s ||
      'dockerfile_path' in s ||
      'environment_slug' in s,
  );
  const render = components.some(
    (s: any) =>
      'healthCheckPath' in s ||
      ('type' in s && 'env' in s && ('plan' in s || 'buildCommand' in s)),
  );
  for (const s of components) {
    if (appPlatform && s.health_check)
      signals.add('obs.health', {
        path,
        line: lineOf(text, 'health_check'),
        note: `App Platform health_check on ${s.name ?? 'service'}`,
      });
    if (
      appPlatform &&
      (s.github?.deploy_on_push === true ||
        s.gitlab?.deploy_on_push === true ||
        s.git?.deploy_on_push === true)
    )
      signals.add('cd.deploy', {
        path,
        line: lineOf(text, 'deploy_on_push'),
        note: `App Platform deploys ${s.name ?? 'the service'} on every push`,
      });
    if (render && typeof s.healthCheckPath === 'string')
      signals.add('obs.health', {
        path,
        line: lineOf(text, 'healthCheckPath'),
        note: `Render healthCheckPath on ${s.name ?? 'service'}`,
      });
    if (render && s.autoDeploy === true)
      signals.add('cd.deploy', {
        path,
        line: lineOf(text, 'autoDeploy'),
        note: `Render deploys ${s.name ?? 'the service'} on every push`,
      });
  }
  if (
    /(?:^|\/)app\.ya?ml$/.test(path) &&
    typeof o.runtime === 'string' &&
    (o.liveness_check || o.readiness_check)
  )
    signals.add('obs.health', {
      path,
      line: lineOf(
        text,
        o.liveness_check ? 'liveness_check' : 'readiness_check',
      ),
      note: 'App Engine health check',
    });
  if (Array.isArray(o.applications))
    for (const app of o.applications)
      if (
        app &&
        typeof app['health-check-type'] === 'string' &&
        !/^(?:none|process)$/.test(app['health-check-type'])
      )
        signals.add('obs.health', {
          path,
          line: lineOf(text, 'health-check-type'),
          note: `Cloud Foundry ${app['health-check-type']} health check`,
        });
}

/** fly.toml: service checks count as health checks. */
export function detectFlyToml(
  path: string,
  text: string,
  signals: Signals,
): void {
  let doc: any;
  try {
    doc = parseToml(text);
  } catch {
    signals.warn(path, 'not valid TOML');
    return;
  }
  const checks = [
    ...(doc.http_service?.checks ?? []),
    ...(Array.isArray(doc.services) ? doc.services : []).flatMap((s: any) => [
      ...(s.http_checks ?? []),
      ...(s.tcp_checks ?? []),
      ...(s.checks ?? []),
    ]),
    ...Object.values(doc.checks ?? {}),
  ];
  if (checks.length > 0)
    signals.add('obs.health', {
      path,
      line: lineOf(text, 'checks'),
      note: 'Fly.io service checks',
    });
}
