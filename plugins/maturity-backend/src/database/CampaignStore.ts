import { ConflictError, NotFoundError } from '@backstage/errors';
import type { CampaignInput } from '@roadmap/plugin-maturity-common';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { fromDatabaseTimestamp } from './fromDatabaseTimestamp';
import { rowChunks } from './rowChunks';

/** A campaign as stored (its state is computed on read). */
export interface StoredCampaign extends CampaignInput {
  id: string;
  published: boolean;
  version: number;
  createdBy?: string;
  createdAt: Date;
  updatedAt: Date;
  archivedAt?: Date;
}

/** When an entity entered (and left) a campaign's scope. */
export interface CampaignMember {
  entityRef: string;
  joinedAt: Date;
  leftAt?: Date;
}

/** The columns that hold what a campaign author wrote. */
function definitionColumns(input: CampaignInput) {
  return {
    title: input.title,
    description: input.description ?? null,
    owner: input.owner.toLocaleLowerCase('en-US'),
    scope: JSON.stringify(input.scope),
    phases: JSON.stringify(input.phases),
    starts_on: input.startsOn,
    published: input.published ?? false,
  };
}

function toCampaign(row: Record<string, any>): StoredCampaign {
  return {
    id: row.id,
    title: row.title,
    description: row.description ?? undefined,
    owner: row.owner,
    scope: JSON.parse(row.scope),
    phases: JSON.parse(row.phases),
    startsOn: row.starts_on,
    published: Boolean(row.published),
    version: Number(row.version),
    createdBy: row.created_by ?? undefined,
    createdAt: fromDatabaseTimestamp(row.created_at),
    updatedAt: fromDatabaseTimestamp(row.updated_at),
    archivedAt: row.archived_at
      ? fromDatabaseTimestamp(row.archived_at)
      : undefined,
  };
}

/**
 * Roadmap campaigns (`maturity_campaigns`) and who is in their scope over
 * time (`maturity_campaign_members`). Updates carry the version the author
 * read: a stale one is a ConflictError (409), so two people editing at once
 * never overwrite each other silently.
 */
export class CampaignStore {
  constructor(private readonly db: Knex) {}

  async list(): Promise<StoredCampaign[]> {
    const rows = await this.db('maturity_campaigns').orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(toCampaign);
  }

  async get(id: string): Promise<StoredCampaign | undefined> {
    const row = await this.db('maturity_campaigns').where({ id }).first();
    return row ? toCampaign(row) : undefined;
  }

  async create(
    input: CampaignInput,
    options: { createdBy?: string; now: Date },
  ): Promise<StoredCampaign> {
    const id = randomUUID();
    await this.db('maturity_campaigns').insert({
      id,
      ...definitionColumns(input),
      version: 1,
      created_by: options.createdBy ?? null,
      created_at: options.now,
      updated_at: options.now,
    });
    return (await this.get(id))!;
  }

  /** Replaces a campaign's definition if `version` is still current. */
  async update(
    id: string,
    input: CampaignInput,
    options: { version: number; now: Date },
  ): Promise<StoredCampaign> {
    return this.updateIfCurrent(id, options, definitionColumns(input));
  }

  /** Archives a campaign (its history and members stay). */
  async archive(
    id: string,
    options: { version: number; now: Date },
  ): Promise<StoredCampaign> {
    return this.updateIfCurrent(id, options, { archived_at: options.now });
  }

  /**
   * Writes `columns` to a campaign that is not archived and still at
   * `version` (the version read by the caller), moving it to the next
   * version; otherwise says why not (404, or 409 when stale).
   */
  private async updateIfCurrent(
    id: string,
    options: { version: number; now: Date },
    columns: Record<string, unknown>,
  ): Promise<StoredCampaign> {
    const updated = await this.db('maturity_campaigns')
      .where({ id, version: options.version })
      .whereNull('archived_at')
      .update({
        ...columns,
        version: options.version + 1,
        updated_at: options.now,
      });
    if (updated !== 1) await this.explainMiss(id, options.version);
    return (await this.get(id))!;
  }

  private async explainMiss(id: string, version: number): Promise<never> {
    const current = await this.get(id);
    if (!current) throw new NotFoundError(`No campaign ${id}`);
    if (current.archivedAt) {
      throw new ConflictError(`Campaign ${id} is archived`);
    }
    throw new ConflictError(
      `Campaign ${id} was changed by someone else (version ${current.version}, you sent ${version}); reload it and apply your change again`,
    );
  }

  async members(campaignId: string): Promise<CampaignMember[]> {
    const rows = await this.db('maturity_campaign_members')
      .where({ campaign_id: campaignId })
      .orderBy('entity_ref');
    return rows.map(r => ({
      entityRef: r.entity_ref,
      joinedAt: fromDatabaseTimestamp(r.joined_at),
      leftAt: r.left_at ? fromDatabaseTimestamp(r.left_at) : undefined,
    }));
  }

  /**
   * Records the scope as it is now: entities new to it join, entities gone
   * from it leave, entities back in it join again. Returns the members.
   */
  async reconcileMembers(
    campaignId: string,
    inScope: string[],
    options: {
      now: Date;
      /** When the first members joined: the campaign's start, if earlier. */
      firstJoinedAt: Date;
    },
  ): Promise<CampaignMember[]> {
    const now = options.now;
    const known = new Map(
      (await this.members(campaignId)).map(m => [m.entityRef, m]),
    );
    const first = known.size === 0;
    const scope = new Set(inScope);
    const joining = inScope.filter(
      ref => !known.has(ref) || known.get(ref)!.leftAt,
    );
    const leaving = [...known.values()]
      .filter(m => !m.leftAt && !scope.has(m.entityRef))
      .map(m => m.entityRef);
    if (joining.length === 0 && leaving.length === 0) {
      return [...known.values()];
    }
    await this.db.transaction(async tx => {
      for (const chunk of rowChunks(
        tx,
        joining.map(entity_ref => ({
          campaign_id: campaignId,
          entity_ref,
          joined_at: first ? options.firstJoinedAt : now,
          left_at: null,
        })),
      )) {
        await tx('maturity_campaign_members')
          .insert(chunk)
          .onConflict(['campaign_id', 'entity_ref'])
          .merge(['joined_at', 'left_at']);
      }
      for (const chunk of rowChunks(
        tx,
        leaving.map(ref => ({ ref })),
      )) {
        await tx('maturity_campaign_members')
          .where({ campaign_id: campaignId })
          .whereIn(
            'entity_ref',
            chunk.map(c => c.ref),
          )
          .update({ left_at: now });
      }
    });
    return this.members(campaignId);
  }
}
