import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  maturityPermissions,
  proposeCampaignFromRoadmap,
} from '@roadmap/plugin-maturity-common';
import {
  type MaturityCollector,
  maturityCollectorsExtensionPoint,
  maturityRubricServiceRef,
} from '@roadmap/plugin-maturity-node';
import { registerMaturityActions } from './actions/registerMaturityActions';
import { readMaturityConfig } from './config/readMaturityConfig';
import { MaturityDatabase } from './database/MaturityDatabase';
import { MaturityMetrics } from './metrics/MaturityMetrics';
import { RefreshService } from './refresh/RefreshService';
import { campaignRouter } from './api/campaignRouter';
import { exemptionRouter } from './api/exemptionRouter';
import { rubricDryRunRouter } from './api/rubricDryRunRouter';
import { CampaignService } from './campaigns/CampaignService';
import { configCampaigns } from './campaigns/configCampaigns';
import { GroupHierarchy } from './catalog/GroupHierarchy';
import { ScoreEventPublisher } from './events/ScoreEventPublisher';
import { MaturityNotifier } from './notifications/MaturityNotifier';
import { ScoreVisibility } from './permissions/ScoreVisibility';
import { RollupParentScheduler } from './refresh/RollupParentScheduler';
import type { ScoreChangeListener } from './refresh/ScoreChange';
import { EntityResponseCache } from './service/EntityResponseCache';
import { ListCountCache } from './service/ListCountCache';
import { ExemptionService } from './service/ExemptionService';
import { RemediationPlanService } from './service/RemediationPlanService';
import { RubricDryRunService } from './service/RubricDryRunService';
import { ReportService } from './service/ReportService';
import { ScoreService } from './service/ScoreService';
import { createRouter } from './router';
import { factIngestRouter } from './api/factIngestRouter';
import { FactIngestService } from './service/FactIngestService';
import { RubricEntityScorer } from './scoring/RubricEntityScorer';

/**
 * The Roadmap Maturity backend plugin, mounted at `/api/maturity`. Fact
 * collectors come from modules through `maturityCollectorsExtensionPoint`.
 *
 * @public
 */
export const maturityPlugin = createBackendPlugin({
  pluginId: 'maturity',
  register(env) {
    const collectors: MaturityCollector[] = [];
    env.registerExtensionPoint(maturityCollectorsExtensionPoint, {
      addCollector(...added) {
        for (const c of added) {
          if (collectors.some(existing => existing.source === c.source)) {
            throw new Error(
              `A maturity collector for source "${c.source}" is already registered`,
            );
          }
          collectors.push(c);
        }
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
        urlReader: coreServices.urlReader,
        metrics: metricsServiceRef,
        rubricService: maturityRubricServiceRef,
        notifications: notificationService,
        events: eventsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const settings = readMaturityConfig(config);
        const rubric = deps.rubricService.getRubric();
        deps.permissionsRegistry.addPermissions(maturityPermissions);

        const db = await MaturityDatabase.create({
          database: deps.database,
          readTimeoutMs: settings.api.readTimeoutMs,
        });
        const metrics = new MaturityMetrics(deps.metrics);
        const scorer = new RubricEntityScorer(
          rubric,
          deps.rubricService.getExemptions(),
          collectors.map(c => c.source),
        );
        const listeners: ScoreChangeListener[] = [
          new ScoreEventPublisher({ events: deps.events, logger }),
          // Systems, Domains and Groups are scored over their children.
          new RollupParentScheduler({ queue: db.queue }),
        ];
        const refresh = new RefreshService({
          catalog: deps.catalog,
          auth: deps.auth,
          db,
          collectors,
          scorer,
          logger,
          metrics,
          options: settings.refresh,
          listeners,
        });
        const visibility = new ScoreVisibility({
          permissions: deps.permissions,
          catalog: deps.catalog,
          scoredRefs: () => db.scores.refs(),
        });
        const scores = new ScoreService({
          db,
          catalog: deps.catalog,
          permissions: deps.permissions,
          auditor: deps.auditor,
          refresh,
          rubric,
          visibility,
          responses: new EntityResponseCache(),
          counts: new ListCountCache(),
        });
        const campaigns = new CampaignService({
          db,
          cache: deps.cache,
          rubric,
          permissions: deps.permissions,
          auditor: deps.auditor,
          visibility,
          groups: new GroupHierarchy({
            catalog: deps.catalog,
            auth: deps.auth,
          }),
          fromConfig: configCampaigns(
            config,
            rubric,
            new Date().toISOString().slice(0, 10),
          ),
        });
        const exemptions = new ExemptionService({
          db,
          rubric,
          permissions: deps.permissions,
          auditor: deps.auditor,
          visibility,
          refresh,
          logger,
        });
        const notifier = settings.notifications.enabled
          ? new MaturityNotifier({
              notifications: deps.notifications,
              db,
              campaigns,
              auth: deps.auth,
              rubric,
              logger,
              reminderDays: settings.notifications.reminderDays,
            })
          : undefined;
        if (notifier) listeners.push(notifier);
        const reports = new ReportService({ scores, rubric });
        const remediation = new RemediationPlanService({
          catalog: deps.catalog,
          urlReader: deps.urlReader,
          rubric,
          maxFileSize: config.getOptionalNumber(
            'maturity.repository.maxFileSize',
          ),
        });

        registerMaturityActions(deps.actionsRegistry, {
          scores,
          rubric,
          remediation,
          campaigns,
        });

        // The gauges start from what is stored, so a restart shows no gap.
        for await (const page of db.scans.samples()) metrics.setScores(page);
        logger.info(
          `Maturity rubric: ${rubric.checks.length} checks; collectors: ${
            collectors.map(c => c.source).join(', ') || 'none'
          }`,
        );

        await scheduler.scheduleTask({
          id: 'maturity-refresh',
          ...settings.schedule,
          scope: 'global',
          fn: async signal => {
            await refresh.run({ signal });
          },
        });
        await scheduler.scheduleTask({
          id: 'maturity-retention',
          frequency: { hours: 24 },
          timeout: { minutes: 15 },
          initialDelay: { minutes: 5 },
          scope: 'global',
          fn: async () => {
            const removed = await db.snapshots.prune(
              new Date(Date.now() - settings.retentionMs),
            );
            logger
              .child({ task: 'maturity-retention' })
              .info(`Pruned ${removed} snapshots`);
          },
        });

        if (notifier) {
          await scheduler.scheduleTask({
            id: 'maturity-campaign-notifications',
            frequency: { minutes: 30 },
            timeout: { minutes: 5 },
            initialDelay: { minutes: 1 },
            scope: 'global',
            fn: async () => notifier.notifyCampaigns(),
          });
        }

        deps.httpRouter.use(
          await createRouter({
            logger,
            httpAuth: deps.httpAuth,
            scores,
            reports,
            remediation,
            rubric,
            routers: [
              campaignRouter({
                httpAuth: deps.httpAuth,
                campaigns,
                importRoadmap: body =>
                  proposeCampaignFromRoadmap(body.markdown, {
                    rubric,
                    startsOn: body.startsOn,
                  }),
              }),
              exemptionRouter({ httpAuth: deps.httpAuth, exemptions }),
              rubricDryRunRouter({
                httpAuth: deps.httpAuth,
                dryRun: new RubricDryRunService({
                  db,
                  rubric,
                  exemptions: deps.rubricService.getExemptions(),
                  availableSources: collectors.map(c => c.source),
                  visibility,
                }),
              }),
            ],
            ownBodyRouters: [
              factIngestRouter({
                httpAuth: deps.httpAuth,
                ingest: new FactIngestService({
                  db,
                  catalog: deps.catalog,
                  auth: deps.auth,
                  permissions: deps.permissions,
                  auditor: deps.auditor,
                  refresh,
                  rubric,
                  limits: settings.push,
                }),
              }),
            ],
            maxConcurrentRequestsPerClient:
              settings.api.maxConcurrentRequestsPerClient,
          }),
        );
        // Load balancers and the portal's e2e test probe this without a token.
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
