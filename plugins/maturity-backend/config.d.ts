import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Roadmap Maturity backend plugin. */
  maturity?: {
    /**
     * When the refresh task runs. Defaults: every 5 minutes, timeout 3
     * minutes, initial delay 15 seconds; one replica at a time (global
     * scope). A run scores what is due and stops at the timeout (the next
     * run carries on). The timeout is also how long the scheduler waits
     * before another replica may run the task after one died mid-run.
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

    /**
     * Campaigns kept as code: read-only in the portal, validated at start.
     * Each needs a stable `id` (lower-case letters, digits, dashes); the
     * rest is the campaign as the API takes it.
     */
    campaigns?: Array<{
      id: string;
      title: string;
      description?: string;
      /** The Group that runs it, e.g. group:default/platform. */
      owner: string;
      scope: {
        kinds?: string[];
        types?: string[];
        lifecycles?: string[];
        /** Group refs; their child groups are in scope too. */
        owners?: string[];
        systems?: string[];
        tags?: string[];
      };
      /** In order of their due dates. */
      phases: Array<{
        title: string;
        /** YYYY-MM-DD */
        dueDate: string;
        /** A level id, or `checks` with check ids. */
        target: { level?: string; checks?: string[] };
        /** YYYY-MM-DD: before it, the phase is upcoming and counts as met. */
        enabledFrom?: string;
      }>;
      /** YYYY-MM-DD */
      startsOn: string;
      /** Default true. */
      published?: boolean;
    }>;

    notifications?: {
      /**
       * Send notifications (regressions, campaign start, reminders, at risk,
       * completed) through the notifications backend. Default true.
       */
      enabled?: boolean;
      /** Days before a phase is due that owners of services not done are reminded. Default 7. */
      reminderDays?: number;
    };

    /** Facts pushed from outside through POST /api/maturity/facts (e.g. `maturity score --push` in CI). */
    push?: {
      /**
       * How long pushed facts hold when a push names no ttlSeconds, counted
       * from their observation; after that their checks are unknown until
       * the next push. Default 7 days.
       */
      defaultTtl?: HumanDuration | string;
      /** The longest time to live a push may ask for. Default 90 days. */
      maxTtl?: HumanDuration | string;
    };

    api?: {
      /**
       * Requests one client (one token, or one address without a token) may
       * have in flight at once; more are answered 429 with Retry-After.
       * Default 16.
       */
      maxConcurrentRequestsPerClient?: number;
      /**
       * Longest a database statement of an API request may run on
       * PostgreSQL before the request is answered 503. Default 5 seconds.
       */
      readTimeout?: HumanDuration | string;
    };

    repository?: {
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
