import type { NotificationRecipients } from '@backstage/plugin-notifications-node';
import type { NotificationPayload } from '@backstage/plugin-notifications-common';

/** The topic of every notification the plugin sends. */
export const MATURITY_NOTIFICATION_TOPIC = 'Roadmap maturity';

/**
 * One notification to send once: its deduplication key names the event
 * (campaign, phase, service, snapshot), so a second refresh or run — or
 * another replica — never sends it again.
 */
export interface MaturityNotification {
  key: string;
  recipients: NotificationRecipients;
  payload: NotificationPayload;
}
