import type { Rubric } from '@roadmap/plugin-maturity-common';
import type { ScoreChange } from '../refresh/ScoreChange';
import {
  MATURITY_NOTIFICATION_TOPIC,
  type MaturityNotification,
} from './MaturityNotification';

/**
 * The regressions among stored changes: a service that dropped a level, or
 * started failing a check it passed. A check that became `unknown` (a source
 * down) is no regression, and neither is a level lost while a source did not
 * answer: nobody is told their service got worse when nobody could see it.
 */
export function regressionNotifications(
  changes: ScoreChange[],
  options: { rubric: Rubric; link: (entityRef: string) => string },
): MaturityNotification[] {
  const titleOf = new Map(options.rubric.checks.map(c => [c.id, c.title]));
  const levelTitle = (id: string | null) =>
    options.rubric.levels.find(l => l.id === id)?.title ?? 'no level';
  const notifications: MaturityNotification[] = [];
  for (const change of changes) {
    const { record, before } = change;
    if (!before || !record.owner) continue;
    const newlyFailing = record.detail.results
      .filter(r => r.status === 'fail' && before.passed.has(r.checkId))
      .map(r => r.checkId);
    const sourcesDown = record.detail.sources.some(s => s.status === 'error');
    const dropped = record.levelRank < before.levelRank && !sourcesDown;
    if (!dropped && newlyFailing.length === 0) continue;
    const name = record.title ?? record.name;
    const failing = newlyFailing.map(id => titleOf.get(id) ?? id);
    notifications.push({
      key: `regression:${record.entityRef}:${change.snapshotId}`,
      recipients: { type: 'entity', entityRef: record.owner },
      payload: {
        title: dropped
          ? `${name} dropped from ${levelTitle(before.level)} to ${levelTitle(
              record.level,
            )}`
          : `${name} now fails ${
              failing.length === 1
                ? failing[0]
                : `${failing.length} checks it passed`
            }`,
        description: failing.length
          ? `No longer passing: ${failing.join(', ')}.`
          : `A check of ${levelTitle(before.level)} no longer passes.`,
        link: options.link(record.entityRef),
        severity: dropped ? 'high' : 'normal',
        topic: MATURITY_NOTIFICATION_TOPIC,
        scope: `maturity:regression:${record.entityRef}`,
      },
    });
  }
  return notifications;
}
