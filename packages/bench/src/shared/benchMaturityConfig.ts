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
 * `maturity` config for benchmarks: repositories served from the demo's
 * examples, no cluster, and a schedule that does not fire on its own.
 */
export function benchMaturityConfig(extra: Record<string, unknown> = {}) {
  return {
    maturity: {
      repository: {
        localRoots: [
          {
            urlPrefix: 'https://github.com/roadmap-demo/',
            directory: exampleRepositories,
          },
        ],
      },
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
