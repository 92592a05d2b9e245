import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Roadmap Maturity backend plugin. */
  maturity?: {
    /**
     * Changes to the default rubric: add checks, change a check's weight,
     * level or pillar, disable checks, add levels or pillars. Validated at
     * start; an invalid rubric stops the plugin with an error naming the key.
     * See the README of @roadmap/plugin-maturity-common for the format.
     */
    rubric?: {
      /** Pillars to add (or to retitle, by id). */
      pillars?: Array<{ id: string; title?: string; description?: string }>;
      /** Levels to add (or to retitle, by id), in order. */
      levels?: Array<{ id: string; title?: string; description?: string }>;
      /** Checks to add, or to change by id. */
      checks?: Array<{
        id: string;
        /** `false` removes the check from the rubric. */
        enabled?: boolean;
        [key: string]: unknown;
      }>;
      /** Facts adopter checks may refer to, for validation. */
      facts?: Array<{ id: string; source: string; description?: string }>;
    };

    /**
     * A YAML file with rubric overrides in the same format as
     * `maturity.rubric`, relative to the backend's working directory.
     * Applied after `maturity.rubric`.
     */
    rubricFile?: string;

    /**
     * Waivers of checks for entities, with a reason and an expiry date
     * (YYYY-MM-DD). Entities can also carry their own exemptions in the
     * `maturity.roadmap.dev/exemptions` annotation.
     */
    exemptions?: Array<{
      /** e.g. `component:default/legacy-billing` */
      entityRef: string;
      /** The check id, e.g. `rel.chaos`. */
      check: string;
      reason: string;
      /** Date the exemption ends, YYYY-MM-DD. */
      expires: string;
    }>;

    /**
     * When the refresh task runs. Defaults: every 10 minutes, timeout 10
     * minutes, initial delay 15 seconds; one replica at a time (global scope).
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;

    refresh?: {
      /** An entity scored longer ago than this is refreshed. Default 1 hour. */
      staleAfter?: HumanDuration | string;
      /** Entities claimed per batch. Default 100. */
      batchSize?: number;
      /** Entities read from their repository at the same time. Default 4. */
      concurrency?: number;
      /** Time a source may take for one batch before its checks become unknown. Default 60 seconds. */
      sourceTimeout?: HumanDuration | string;
    };

    /** How long score history is kept. Default 400 days. */
    retention?: HumanDuration | string;

    repository?: {
      /**
       * Serve repository URLs under `urlPrefix` from a local folder instead
       * of the integrations (the demo maps its example repositories this
       * way). Off unless configured; paths outside the folder are refused.
       */
      localRoots?: Array<{
        /** e.g. `https://github.com/roadmap-demo/` (must end with a slash) */
        urlPrefix: string;
        /** Folder, relative to the backend's working directory. */
        directory: string;
      }>;
      /** Files larger than this (bytes) are not read. Default 1 MB. */
      maxFileSize?: number;
    };

    kubernetes?: {
      /**
       * Read live objects through the installed Kubernetes backend plugin.
       * Default true when that plugin is installed.
       */
      enabled?: boolean;
    };

    prometheus?: {
      /** Prometheus servers to query. Without servers, Prometheus checks stay unknown. */
      servers?: Array<{
        /** Name entities refer to with `maturity.roadmap.dev/prometheus-server`. The first is the default. */
        name?: string;
        /** Base URL, e.g. http://prometheus.monitoring:9090 */
        url: string;
        /** Label naming the service on its series. Default `service`. */
        serviceLabel?: string;
        /** PromQL range for availability. Default `7d`. */
        availabilityWindow?: string;
        /**
         * Extra request headers, e.g. Authorization.
         * @visibility secret
         */
        headers?: { [name: string]: string };
      }>;
    };
  };
}
