import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import { MATURITY_SCORE_CHANGED_TOPIC } from '@roadmap/plugin-maturity-common';
import type { ScoreChange, ScoreChangeListener } from '../refresh/ScoreChange';
import { scoreChangedEvent } from './scoreChangedEvent';

/**
 * Publishes every stored change of score on Backstage's events service
 * (topic `maturity.score.changed`), one event per entity and change, so
 * adopters route them anywhere an events module reaches (a queue, a chat, a
 * webhook). Publishing happens after the change is stored; a failure is the
 * listener's, and never the refresh's.
 */
export class ScoreEventPublisher implements ScoreChangeListener {
  constructor(
    private readonly deps: { events: EventsService; logger: LoggerService },
  ) {}

  async onScoreChanges(changes: ScoreChange[]): Promise<void> {
    let failed = 0;
    for (const change of changes) {
      try {
        await this.deps.events.publish({
          topic: MATURITY_SCORE_CHANGED_TOPIC,
          eventPayload: scoreChangedEvent(change),
        });
      } catch (error) {
        failed += 1;
        if (failed === 1) {
          this.deps.logger.warn(
            `Could not publish the score change of ${change.record.entityRef}`,
            error as Error,
          );
        }
      }
    }
    if (failed > 1) {
      this.deps.logger.warn(
        `Could not publish ${failed} of ${changes.length} score changes`,
      );
    }
  }
}
