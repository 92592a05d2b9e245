import type { DatabaseService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import type { Knex } from 'knex';
import pLimit from 'p-limit';
import { CampaignStore } from './CampaignStore';
import { ExemptionRequestStore } from './ExemptionRequestStore';
import { FactStore } from './FactStore';
import { migrateMaturityDatabase } from './migrateMaturityDatabase';
import { NotificationLog } from './NotificationLog';
import { PushedFactStore } from './PushedFactStore';
import { RefreshQueue } from './RefreshQueue';
import { ScoreScans } from './ScoreScans';
import { ScoreStore } from './ScoreStore';
import { SnapshotStore } from './SnapshotStore';

/** The plugin's stores over one connection or one transaction. */
export interface MaturityStores {
  scores: ScoreStore;
  scans: ScoreScans;
  snapshots: SnapshotStore;
  facts: FactStore;
  pushedFacts: PushedFactStore;
  queue: RefreshQueue;
  campaigns: CampaignStore;
  exemptionRequests: ExemptionRequestStore;
  notifications: NotificationLog;
}

function storesOver(db: Knex): MaturityStores {
  return {
    scores: new ScoreStore(db),
    scans: new ScoreScans(db),
    snapshots: new SnapshotStore(db),
    facts: new FactStore(db),
    pushedFacts: new PushedFactStore(db),
    queue: new RefreshQueue(db),
    campaigns: new CampaignStore(db),
    exemptionRequests: new ExemptionRequestStore(db),
    notifications: new NotificationLog(db),
  };
}

/**
 * The plugin's own database: one Knex client, migrated once, and the stores
 * split by what they own — current scores, history, last good facts and the
 * refresh queue, campaigns, exemption requests and sent notifications.
 * Writes that must land together run in
 * {@link MaturityDatabase.transaction}.
 */
export class MaturityDatabase implements MaturityStores {
  static async create(options: {
    database: DatabaseService;
    /** Longest a statement of {@link MaturityDatabase.read} may run (PostgreSQL). Default 5 s. */
    readTimeoutMs?: number;
  }): Promise<MaturityDatabase> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await migrateMaturityDatabase(client);
    }
    return new MaturityDatabase(client, options.readTimeoutMs ?? 5_000);
  }

  readonly scores: ScoreStore;
  readonly scans: ScoreScans;
  readonly snapshots: SnapshotStore;
  readonly facts: FactStore;
  readonly pushedFacts: PushedFactStore;
  readonly queue: RefreshQueue;
  readonly campaigns: CampaignStore;
  readonly exemptionRequests: ExemptionRequestStore;
  readonly notifications: NotificationLog;

  readonly #reads: ReturnType<typeof pLimit>;

  private constructor(
    private readonly db: Knex,
    private readonly readTimeoutMs: number,
  ) {
    // Requests read through a few connections at most, so that the pool
    // always has some left for the refresh and the writes.
    const poolMax = Number(
      db.client.config.pool?.max ?? db.client.pool?.max ?? 10,
    );
    this.#reads = pLimit(Math.max(1, poolMax - 2));
    const stores = storesOver(db);
    this.scores = stores.scores;
    this.scans = stores.scans;
    this.snapshots = stores.snapshots;
    this.facts = stores.facts;
    this.pushedFacts = stores.pushedFacts;
    this.queue = stores.queue;
    this.campaigns = stores.campaigns;
    this.exemptionRequests = stores.exemptionRequests;
    this.notifications = stores.notifications;
  }

  /**
   * Runs the reads of one API request: a few at a time across the backend,
   * and on PostgreSQL in a read-only transaction whose statements stop after
   * the read timeout (a 503 that says so, instead of a query that holds a
   * connection for minutes).
   */
  async read<T>(fn: (stores: MaturityStores) => Promise<T>): Promise<T> {
    return this.#reads(async () => {
      if (this.db.client.config.client !== 'pg') return fn(storesOver(this.db));
      try {
        return await this.db.transaction(
          async tx => {
            await tx.raw(
              `SET LOCAL statement_timeout = ${Math.trunc(this.readTimeoutMs)}`,
            );
            return fn(storesOver(tx));
          },
          { readOnly: true },
        );
      } catch (error) {
        // 57014: query_canceled, here by the statement timeout.
        if ((error as { code?: string }).code === '57014') {
          throw new ServiceUnavailableError(
            'The maturity database took too long to answer; narrow the filters or try again shortly',
          );
        }
        throw error;
      }
    });
  }

  /** Runs `fn` with stores bound to one transaction: all of it lands, or none. */
  async transaction<T>(fn: (stores: MaturityStores) => Promise<T>): Promise<T> {
    return this.db.transaction(tx => fn(storesOver(tx)));
  }

  /** Forgets an entity that left the catalog, its history included. */
  async deleteEntity(entityRef: string): Promise<void> {
    await this.transaction(async stores => {
      await stores.scores.delete(entityRef);
      await stores.snapshots.delete(entityRef);
      await stores.pushedFacts.delete(entityRef);
      await stores.queue.delete(entityRef);
    });
  }

  /**
   * Tells the query planner about the tables' current sizes (VACUUM ANALYZE
   * on PostgreSQL, PRAGMA optimize on SQLite) after a run changed many rows:
   * right after a first refresh the planner would otherwise still plan for
   * empty tables and sort every row for each page.
   */
  async refreshStatistics(): Promise<void> {
    const client = String(this.db.client.config.client);
    if (client === 'pg') {
      // VACUUM too: index-only page reads need the visibility map it sets.
      await this.db.raw(
        'VACUUM (ANALYZE) maturity_scores, maturity_snapshots, maturity_refresh_state',
      );
    } else if (client.includes('sqlite')) {
      await this.db.raw('PRAGMA optimize');
    }
  }
}
