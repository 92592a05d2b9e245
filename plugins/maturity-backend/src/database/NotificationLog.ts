import type { Knex } from 'knex';
import { rowChunks } from './rowChunks';

/**
 * The notifications already sent (`maturity_notifications_sent`), by a key
 * that names the event (e.g. `campaign:<id>:phase:1:reminder`), so that no
 * refresh or scheduled run sends one twice — across replicas too.
 */
export class NotificationLog {
  constructor(private readonly db: Knex) {}

  /**
   * Records the keys and returns those that were not recorded yet: the
   * notifications to send now.
   */
  async claim(keys: string[], now: Date): Promise<string[]> {
    const fresh: string[] = [];
    for (const chunk of rowChunks(
      this.db,
      [...new Set(keys)].map(key => ({ key, sent_at: now })),
    )) {
      const inserted: { key: string }[] = await this.db(
        'maturity_notifications_sent',
      )
        .insert(chunk)
        .onConflict('key')
        .ignore()
        .returning('key');
      fresh.push(...inserted.map(r => r.key));
    }
    return fresh;
  }

  /** Forgets a claim whose notification could not be sent, so it is tried again. */
  async release(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db('maturity_notifications_sent').whereIn('key', keys).delete();
  }
}
