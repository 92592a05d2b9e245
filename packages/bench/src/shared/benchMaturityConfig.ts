import path from 'node:path';

/**
 * The demo's example repositories, which synthetic services point at.
 * Benchmarks run from the repository root (`yarn bench` does).
 */
export const exampleRepositories = path.resolve(
  process.cwd(),
  'examples/repos',
);

/**
 * Config for benchmarks: the example repositories served from this checkout
 * (`localRepositories`, read by the demo backend's local-folder UrlReader —
 * add {@link benchUrlReaderFactory} to the backend's features), no cluster,
 * and a schedule that does not fire on its own.
 */
export function benchMaturityConfig(extra: Record<string, unknown> = {}) {
  return {
    localRepositories: [
      {
        urlPrefix: 'https://github.com/roadmap-demo/',
        directory: exampleRepositories,
      },
    ],
    maturity: {
      kubernetes: { enabled: false },
      // Benchmarks drive the API with many clients from one process.
      api: { maxConcurrentRequestsPerClient: 1000 },
      schedule: {
        frequency: { hours: 24 },
        timeout: { minutes: 5 },
        initialDelay: { hours: 24 },
      },
      ...extra,
    },
  };
}

/**
 * The demo backend's local-folder UrlReader (packages/backend), which serves
 * `localRepositories` URLs from disk, so that benchmarks detect the example
 * repositories exactly as the demo does.
 */
// The demo backend is an app, not a library: this private benchmark reaches
// into it on purpose, to read the examples exactly as the demo does.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
export { localRepositoriesUrlReaderFactory as benchUrlReaderFactory } from 'backend/src/localRepositories/localRepositoriesUrlReaderFactory';
