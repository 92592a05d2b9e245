import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { Rubric } from '@roadmap/plugin-maturity-common';
import type { CampaignService } from '../campaigns/CampaignService';
import type { MaturityDatabase } from '../database/MaturityDatabase';
import type { ScoreChange, ScoreChangeListener } from '../refresh/ScoreChange';
import { campaignNotifications } from './campaignNotifications';
import type { MaturityNotification } from './MaturityNotification';
import { regressionNotifications } from './regressionNotifications';

/**
 * Sends the plugin's notifications through Backstage's notification service,
 * each once: regressions as scores change, campaign news on a schedule.
 * A notification is claimed in the database before it is sent (so replicas
 * and repeated runs never send it twice) and released if sending fails.
 */
export class MaturityNotifier implements ScoreChangeListener {
  constructor(
    private readonly deps: {
      notifications: NotificationService;
      db: MaturityDatabase;
      campaigns: CampaignService;
      auth: AuthService;
      rubric: Rubric;
      logger: LoggerService;
      reminderDays: number;
      now?: () => Date;
    },
  ) {}

  async onScoreChanges(changes: ScoreChange[]): Promise<void> {
    await this.send(
      regressionNotifications(changes, {
        rubric: this.deps.rubric,
        link: ref => {
          const [kind, rest] = ref.split(':');
          const [namespace, name] = rest.split('/');
          return `/catalog/${namespace}/${kind}/${name}/maturity`;
        },
      }),
    );
  }

  /** The scheduled run: every campaign's news of today. */
  async notifyCampaigns(): Promise<void> {
    const now = this.deps.now?.() ?? new Date();
    const today = now.toISOString().slice(0, 10);
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    for (const stored of await this.deps.campaigns.all()) {
      const progress = await this.deps.campaigns.progressOf(stored, {
        credentials,
      });
      await this.send(
        campaignNotifications(progress, {
          rubric: this.deps.rubric,
          today,
          reminderDays: this.deps.reminderDays,
          link: `/maturity/campaigns/${encodeURIComponent(stored.id)}`,
        }),
      );
    }
  }

  private async send(notifications: MaturityNotification[]): Promise<void> {
    if (notifications.length === 0) return;
    const now = this.deps.now?.() ?? new Date();
    const fresh = new Set(
      await this.deps.db.notifications.claim(
        notifications.map(n => n.key),
        now,
      ),
    );
    for (const n of notifications.filter(x => fresh.has(x.key))) {
      try {
        await this.deps.notifications.send({
          recipients: n.recipients,
          payload: n.payload,
        });
      } catch (error) {
        await this.deps.db.notifications.release([n.key]);
        this.deps.logger.warn(
          `Could not send the notification ${n.key}; it is tried again next time`,
          error as Error,
        );
      }
    }
  }
}
