import type { Fact } from '@roadmap/plugin-maturity-common';
import { PrometheusCollector } from '@roadmap/plugin-maturity-node';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ciEnvironment } from '../push/ciEnvironment';
import { pushFacts } from '../push/pushFacts';
import { loadEntity } from '../entity/loadEntity';
import { formatJson } from '../formats/formatJson';
import { formatMarkdown } from '../formats/formatMarkdown';
import { formatSarif } from '../formats/formatSarif';
import { formatTable } from '../formats/formatTable';
import { buildCliReport } from '../report/buildCliReport';
import { loadCliRubric } from '../rubric/loadCliRubric';
import { scoreCheckout } from '../scoring/scoreCheckout';
import { resolveSource } from '../source/resolveSource';
import { UsageError } from '../UsageError';

/** Options of `maturity score`. */
export interface ScoreOptions {
  format: 'table' | 'json' | 'markdown' | 'sarif';
  minLevel?: string;
  rubric?: string;
  config?: string;
  entity?: string;
  prometheusUrl?: string;
  color: boolean;
  version: string;
  progress: (message: string) => void;
  /** Upload the repository facts to a Backstage backend after scoring. */
  push?: {
    backendUrl: string;
    entityRef?: string;
    /** The environment variable that holds the token. */
    tokenEnv: string;
    ttlSeconds?: number;
    env?: NodeJS.ProcessEnv;
  };
}

/**
 * `maturity score [PATH|GIT-URL]`: detects facts in the tree, evaluates the
 * rubric on the sources available here (repository, and catalog when an
 * entity is known), prints the report and returns the exit code: 0 at or
 * above `--min-level` (or without it), 1 below.
 */
export async function scoreCommand(
  target: string,
  options: ScoreOptions,
  write: (text: string) => void,
): Promise<number> {
  const rubricService = loadCliRubric({
    config: options.config,
    rubric: options.rubric,
  });
  const rubric = rubricService.getRubric();
  if (options.minLevel && !rubric.levels.some(l => l.id === options.minLevel)) {
    throw new UsageError(
      `--min-level "${
        options.minLevel
      }" is not a level; levels are ${rubric.levels.map(l => l.id).join(', ')}`,
    );
  }

  const source = await resolveSource(target, { onProgress: options.progress });
  try {
    const { entity, file } = await loadEntity({
      entityFile: options.entity,
      treeDir: source.dir,
    });
    options.progress(`reading ${source.label}`);
    const now = new Date();
    const live = options.prometheusUrl
      ? await prometheusFacts(
          options.prometheusUrl,
          entity,
          now,
          options.progress,
        )
      : undefined;
    const started = Date.now();
    const push = options.push && pushTarget(options.push, entity);
    const {
      score,
      judgedSources,
      warnings,
      filesRead,
      filesListed,
      repositoryFacts,
    } = await scoreCheckout({
      dir: source.dir,
      entity,
      entityFile: file,
      rubric: rubricService,
      now,
      live: live && { source: 'prometheus', facts: live },
    });
    options.progress(
      `read ${filesRead} of ${filesListed} files in ${Date.now() - started} ms`,
    );
    const report = buildCliReport({
      source: source.label,
      entity,
      rubric,
      score,
      judgedSources,
      minLevel: options.minLevel,
      warnings,
    });
    switch (options.format) {
      case 'json':
        write(formatJson(report));
        break;
      case 'markdown':
        write(formatMarkdown(report));
        break;
      case 'sarif':
        write(formatSarif(report, { version: options.version }));
        break;
      default:
        write(formatTable(report, { color: options.color }));
    }
    if (push) {
      options.progress(
        `pushing the repository facts of ${push.entityRef} to ${push.backendUrl}`,
      );
      const pushed = await pushFacts({
        ...push,
        facts: repositoryFacts,
        knownFacts: new Set(rubric.facts.map(f => f.id)),
        ci: ciEnvironment(source.dir, options.push?.env),
        version: options.version,
      });
      const entry = pushed.entities[0];
      options.progress(
        `pushed: ${pushed.accepted} facts stored, ${
          pushed.ignoredAsOlder
        } older than stored; ${
          entry?.rescored
            ? `${push.entityRef} is now ${
                entry.level ?? 'below the first level'
              } (score ${Math.round(entry.score ?? 0)}/100) in the portal`
            : `${push.entityRef} is scored again shortly`
        }`,
      );
    }
    return report.gate && !report.gate.passed ? 1 : 0;
  } finally {
    await source.cleanup();
  }
}

/**
 * Live facts from one Prometheus server, with the same collector as the
 * backend. Undefined (the checks stay unknown) when there is no entity to
 * name the service, or when Prometheus cannot be queried.
 */
async function prometheusFacts(
  url: string,
  entity: Entity | undefined,
  now: Date,
  progress: (message: string) => void,
): Promise<Fact[] | undefined> {
  if (!/^https?:\/\//.test(url)) {
    throw new UsageError(`--prometheus-url "${url}" is not an http(s) URL`);
  }
  if (!entity) {
    progress(
      '--prometheus-url needs an entity (catalog-info.yaml or --entity) to know which series are the service; Prometheus checks stay unknown',
    );
    return undefined;
  }
  const collector = new PrometheusCollector([
    {
      name: 'default',
      url,
      serviceLabel: 'service',
      availabilityWindow: '7d',
      headers: {},
    },
  ]);
  const silent = {
    info() {},
    warn() {},
    error() {},
    debug() {},
    child() {
      return silent;
    },
  };
  const result = await collector.collect({
    entities: [entity],
    now,
    logger: silent as any,
    signal: AbortSignal.timeout(15_000),
    previous: new Map(),
  });
  const failure = [...(result.failures?.values() ?? [])][0];
  if (failure) {
    progress(`${failure}; Prometheus checks stay unknown`);
    return undefined;
  }
  progress(`queried Prometheus at ${url} (${collector.requestCount} requests)`);
  return [...result.facts.values()][0];
}

/** The entity and token of a push, checked before any work is done. */
function pushTarget(
  push: NonNullable<ScoreOptions['push']>,
  entity: Entity | undefined,
): {
  backendUrl: string;
  entityRef: string;
  token: string;
  ttlSeconds?: number;
} {
  const env = push.env ?? process.env;
  const token = env[push.tokenEnv];
  if (!token) {
    throw new UsageError(
      `--push needs a token in the environment variable ${push.tokenEnv} (an external access token of the Backstage backend allowed maturity.facts.write)`,
    );
  }
  const entityRef =
    push.entityRef ?? (entity ? stringifyEntityRef(entity) : undefined);
  if (!entityRef) {
    throw new UsageError(
      '--push needs the entity to push for: --entity-ref component:default/NAME, or a catalog-info.yaml in the checkout',
    );
  }
  return {
    backendUrl: push.backendUrl,
    entityRef,
    token,
    ttlSeconds: push.ttlSeconds,
  };
}
