import type {
  CampaignProgressResponse,
  Rubric,
} from '@roadmap/plugin-maturity-common';
import {
  MATURITY_NOTIFICATION_TOPIC,
  type MaturityNotification,
} from './MaturityNotification';

const DAY_MS = 86_400_000;

function targetText(
  phase: CampaignProgressResponse['campaign']['phases'][number],
  rubric: Rubric,
): string {
  if ('level' in phase.target) {
    const id = phase.target.level;
    return rubric.levels.find(l => l.id === id)?.title ?? id;
  }
  return `${phase.target.checks.length} checks`;
}

/**
 * What a campaign's people need to know today, each once:
 * - it became active → the owners of the services in scope;
 * - a phase is due within `reminderDays` → the owners of services that do
 *   not meet it yet;
 * - the forecast of the open phase falls after its due date → the campaign's
 *   owner;
 * - it is completed → the campaign's owner.
 */
export function campaignNotifications(
  progress: CampaignProgressResponse,
  options: {
    rubric: Rubric;
    today: string;
    reminderDays: number;
    link: string;
  },
): MaturityNotification[] {
  const { campaign } = progress;
  const notifications: MaturityNotification[] = [];
  const send = (
    key: string,
    entityRef: string[],
    payload: {
      title: string;
      description: string;
      severity?: 'normal' | 'high';
    },
  ) => {
    if (entityRef.length === 0) return;
    notifications.push({
      key: `campaign:${campaign.id}:${key}`,
      recipients: { type: 'entity', entityRef },
      payload: {
        ...payload,
        link: options.link,
        topic: MATURITY_NOTIFICATION_TOPIC,
        scope: `maturity:campaign:${campaign.id}:${key}`,
      },
    });
  };
  const owners = (
    filter: (s: (typeof progress.services)[number]) => boolean,
  ) => [
    ...new Set(
      progress.services.filter(filter).flatMap(s => (s.owner ? [s.owner] : [])),
    ),
  ];

  if (campaign.state === 'active' || campaign.state === 'completed') {
    const first = campaign.phases[0];
    send(
      'activated',
      owners(() => true),
      {
        title: `Campaign started: ${campaign.title}`,
        description: first
          ? `First: ${first.title} (${targetText(first, options.rubric)}) by ${
              first.dueDate
            }.`
          : campaign.title,
      },
    );
  }
  if (campaign.state === 'completed') {
    send('completed', [campaign.owner], {
      title: `Campaign completed: ${campaign.title}`,
      description: `All ${progress.overall.total} services meet its last phase.`,
    });
  }
  if (campaign.state !== 'active') return notifications;

  const todayMs = Date.parse(`${options.today}T00:00:00Z`);
  campaign.phases.forEach((phase, i) => {
    const daysLeft = Math.round(
      (Date.parse(`${phase.dueDate}T00:00:00Z`) - todayMs) / DAY_MS,
    );
    const notDone = (s: (typeof progress.services)[number]) =>
      !s.phases[i]?.met;
    if (daysLeft >= 0 && daysLeft <= options.reminderDays) {
      send(`phase:${i}:reminder`, owners(notDone), {
        title: `${phase.title} is due in ${daysLeft} day${
          daysLeft === 1 ? '' : 's'
        }`,
        description: `${campaign.title}: ${
          progress.overall.total - progress.overall.met[i]
        } services do not meet ${targetText(phase, options.rubric)} yet.`,
      });
    }
  });
  const open = progress.currentPhase;
  if (open !== null && progress.forecasts[open]?.atRisk) {
    const phase = campaign.phases[open];
    const forecast = progress.forecasts[open];
    send(`phase:${open}:at-risk`, [campaign.owner], {
      title: `At risk: ${phase.title} (${campaign.title})`,
      description: forecast.projectedDate
        ? `At the current rate the last service meets it on ${forecast.projectedDate}, after ${phase.dueDate}.`
        : `No service met it over the last ${forecast.windowDays} days; ${
            progress.overall.total - progress.overall.met[open]
          } are left, due ${phase.dueDate}.`,
      severity: 'high',
    });
  }
  return notifications;
}
