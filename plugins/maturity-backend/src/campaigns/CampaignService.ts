import type {
  AuditorService,
  BackstageCredentials,
  CacheService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  type Campaign,
  type CampaignBurnUpResponse,
  type CampaignListResponse,
  type CampaignProgressResponse,
  type EntityCampaignsResponse,
  campaignState,
  maturityCampaignCreatePermission,
  maturityCampaignUpdatePermission,
  type Rubric,
  validateCampaign,
} from '@roadmap/plugin-maturity-common';
import type { Request } from 'express';
import { auditedAction } from '../service/auditedAction';
import { principalOf } from '../service/principalOf';
import type { GroupHierarchy } from '../catalog/GroupHierarchy';
import type { CampaignMember, StoredCampaign } from '../database/CampaignStore';
import type { MaturityDatabase } from '../database/MaturityDatabase';
import type { ScoreVisibility } from '../permissions/ScoreVisibility';
import { CampaignBurnUp } from './CampaignBurnUp';
import { computeCampaignProgress } from './computeCampaignProgress';
import { campaignAtRisk } from './campaignAtRisk';

type Options = { credentials: BackstageCredentials };
type WriteOptions = Options & { request?: Request };

/** Days of burn-up the forecast reads its rate from. */
const FORECAST_WINDOW = 28;

/**
 * Roadmap campaigns: created and changed by people with the campaign
 * permissions (audited), or declared in app-config; their progress,
 * burn-up and forecast computed from stored scores and history, counting
 * only services whose scores the caller may see.
 */
export class CampaignService {
  private readonly burnUps: CampaignBurnUp;

  constructor(
    private readonly deps: {
      db: MaturityDatabase;
      cache: CacheService;
      rubric: Rubric;
      permissions: PermissionsService;
      auditor: AuditorService;
      visibility: ScoreVisibility;
      groups: GroupHierarchy;
      fromConfig: StoredCampaign[];
      now?: () => Date;
    },
  ) {
    this.burnUps = new CampaignBurnUp({
      cache: deps.cache,
      rubric: deps.rubric,
      history: (stored, members, since) => this.history(stored, members, since),
    });
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  async list(options: Options): Promise<CampaignListResponse> {
    const all = [
      ...this.deps.fromConfig,
      ...(await this.deps.db.campaigns.list()),
    ];
    const items = [];
    for (const stored of all) {
      const progress = await this.progressOf(stored, options);
      items.push({
        ...progress.campaign,
        overall: progress.overall,
        atRisk: campaignAtRisk(progress),
      });
    }
    return { items };
  }

  async get(id: string, options: Options): Promise<Campaign> {
    return (await this.progressOf(await this.stored(id), options)).campaign;
  }

  async create(input: unknown, options: WriteOptions): Promise<Campaign> {
    return auditedAction(
      this.deps.auditor,
      { eventId: 'campaign-create', meta: {}, request: options.request },
      async () => {
        await this.authorize(
          maturityCampaignCreatePermission,
          options,
          'create campaigns',
        );
        const campaign = this.validate(input, true);
        const stored = await this.deps.db.campaigns.create(campaign, {
          createdBy: principalOf(options.credentials),
          now: this.now(),
        });
        return (await this.progressOf(stored, options)).campaign;
      },
    );
  }

  async update(
    id: string,
    body: { version: number; campaign: unknown },
    options: WriteOptions,
  ): Promise<Campaign> {
    return this.change(id, 'update', 'change campaigns', options, () =>
      this.deps.db.campaigns.update(id, this.validate(body.campaign, false), {
        version: body.version,
        now: this.now(),
      }),
    );
  }

  async archive(
    id: string,
    body: { version: number },
    options: WriteOptions,
  ): Promise<Campaign> {
    return this.change(id, 'archive', 'archive campaigns', options, () =>
      this.deps.db.campaigns.archive(id, {
        version: body.version,
        now: this.now(),
      }),
    );
  }

  /**
   * A change to a stored campaign: audited, allowed by
   * `maturity.campaign.update`, never to one declared in app-config.
   */
  private async change(
    id: string,
    action: 'update' | 'archive',
    what: string,
    options: WriteOptions,
    write: () => Promise<StoredCampaign>,
  ): Promise<Campaign> {
    return auditedAction(
      this.deps.auditor,
      {
        eventId: `campaign-${action}`,
        meta: { campaignId: id },
        request: options.request,
      },
      async () => {
        await this.authorize(maturityCampaignUpdatePermission, options, what);
        this.assertEditable(id);
        const stored = await write();
        return (await this.progressOf(stored, options)).campaign;
      },
    );
  }

  async progress(
    id: string,
    options: Options,
  ): Promise<CampaignProgressResponse> {
    return this.progressOf(await this.stored(id), options);
  }

  async burnUp(
    id: string,
    days: number,
    options: Options,
  ): Promise<CampaignBurnUpResponse> {
    const stored = await this.stored(id);
    const { members, standings } = await this.scopeOf(stored, options);
    return {
      days: await this.burnUps.days({
        stored,
        members,
        standings,
        today: this.today(),
        days,
      }),
    };
  }

  /** The scheduled and active campaigns an entity is in, and where it stands. */
  async forEntity(
    entityRef: string,
    options: Options,
  ): Promise<EntityCampaignsResponse> {
    const ref = await this.deps.visibility.assertVisible(entityRef, options);
    const today = this.today();
    const items: EntityCampaignsResponse['items'] = [];
    for (const stored of await this.all()) {
      if (!stored.published || stored.archivedAt) continue;
      // This service alone: an entity page never pays for the whole scope.
      const [mine] = await this.deps.db.scores.campaignStandings(
        await this.expandedScope(stored),
        [ref],
      );
      if (!mine) continue;
      const judged = computeCampaignProgress({
        phases: stored.phases,
        rubric: this.deps.rubric,
        standings: [mine],
        members: [],
        today,
        series: [],
      }).services[0].phases;
      const index = judged.findIndex(p => !p.met);
      const phase = index >= 0 ? stored.phases[index] : null;
      items.push({
        campaign: {
          id: stored.id,
          title: stored.title,
          // Completion is the whole scope's; here, scheduled or active.
          state: campaignState({
            published: true,
            archived: false,
            startsOn: stored.startsOn,
            today,
            allMetLastPhase: false,
          }),
          owner: stored.owner,
        },
        phase: phase ? { ...phase, index } : null,
        met: index < 0,
        upcoming: index >= 0 && judged[index].upcoming,
        checksLeft: index >= 0 ? judged[index].checksLeft : [],
      });
    }
    return { items };
  }

  /** Every campaign, stored or declared, for the scheduled notifications. */
  async all(): Promise<StoredCampaign[]> {
    return [...this.deps.fromConfig, ...(await this.deps.db.campaigns.list())];
  }

  /**
   * Where a campaign stands, as the caller may see it: its in-scope
   * services are those of the scope whose scores they may read. The scope's
   * members over time are recorded (unrestricted) on the way.
   */
  async progressOf(
    stored: StoredCampaign,
    options: Options,
  ): Promise<CampaignProgressResponse> {
    const today = this.today();
    const { members, standings } = await this.scopeOf(stored, options);
    const series = await this.burnUps.days({
      stored,
      members,
      standings,
      today,
      days: FORECAST_WINDOW,
    });
    const progress = computeCampaignProgress({
      phases: stored.phases,
      rubric: this.deps.rubric,
      standings,
      members,
      today,
      series,
    });
    const last = stored.phases.length - 1;
    const state = campaignState({
      published: stored.published,
      archived: Boolean(stored.archivedAt),
      startsOn: stored.startsOn,
      today,
      allMetLastPhase:
        last >= 0 &&
        progress.overall.total > 0 &&
        progress.overall.met[last] === progress.overall.total,
    });
    return { campaign: this.present(stored, state), ...progress };
  }

  /** The campaign's members and their current standings the caller may see. */
  private async scopeOf(stored: StoredCampaign, options: Options) {
    const visible = await this.deps.visibility.visibleRefs(options);
    const scope = await this.expandedScope(stored);
    const everyone = await this.deps.db.scores.campaignStandings(scope);
    const members = (
      await this.reconcile(
        stored,
        everyone.map(s => s.entityRef),
      )
    ).filter(m => visible === 'all' || visible.has(m.entityRef));
    const standings =
      visible === 'all'
        ? everyone
        : everyone.filter(s => visible.has(s.entityRef));
    return { members, standings };
  }

  private history(
    stored: StoredCampaign,
    members: CampaignMember[],
    since: Date,
  ) {
    // Recorded members are read in the database; drafts list theirs.
    const tracked = stored.published && this.today() >= stored.startsOn;
    return this.deps.db.snapshots.standingHistory(
      tracked
        ? { campaignId: stored.id }
        : { entityRefs: members.map(m => m.entityRef) },
      since,
      { checks: stored.phases.some(p => 'checks' in p.target) },
    );
  }

  private async reconcile(stored: StoredCampaign, inScope: string[]) {
    // Drafts and campaigns not started yet have no one to track.
    if (!stored.published || this.today() < stored.startsOn) {
      return inScope.map(entityRef => ({ entityRef, joinedAt: this.now() }));
    }
    const start = new Date(`${stored.startsOn}T00:00:00Z`);
    return this.deps.db.campaigns.reconcileMembers(
      stored.id,
      stored.archivedAt ? [] : inScope,
      {
        now: this.now(),
        firstJoinedAt: start < this.now() ? start : this.now(),
      },
    );
  }

  private async expandedScope(stored: StoredCampaign) {
    return {
      ...stored.scope,
      owners: stored.scope.owners?.length
        ? await this.deps.groups.withDescendants(stored.scope.owners)
        : undefined,
    };
  }

  private present(stored: StoredCampaign, state: Campaign['state']): Campaign {
    return {
      id: stored.id,
      title: stored.title,
      description: stored.description,
      owner: stored.owner,
      scope: stored.scope,
      phases: stored.phases,
      startsOn: stored.startsOn,
      published: stored.published,
      state,
      source: stored.id.startsWith('config:') ? 'config' : 'database',
      version: stored.version,
      createdBy: stored.createdBy,
      createdAt: stored.createdAt.toISOString(),
      updatedAt: stored.updatedAt.toISOString(),
      archivedAt: stored.archivedAt?.toISOString(),
    };
  }

  private async stored(id: string): Promise<StoredCampaign> {
    const found =
      this.deps.fromConfig.find(c => c.id === id) ??
      (await this.deps.db.campaigns.get(id));
    if (!found) throw new NotFoundError(`No campaign ${id}`);
    return found;
  }

  private assertEditable(id: string) {
    if (this.deps.fromConfig.some(c => c.id === id)) {
      throw new NotAllowedError(
        `Campaign ${id} is declared in app-config (maturity.campaigns); change it there`,
      );
    }
  }

  private validate(input: unknown, isNew: boolean) {
    const result = validateCampaign(input, {
      rubric: this.deps.rubric,
      today: this.today(),
      isNew,
    });
    if (!('campaign' in result)) {
      throw new InputError(
        `Invalid campaign: ${result.issues
          .map(i => `${i.path}: ${i.message}`)
          .join('; ')}`,
      );
    }
    return result.campaign;
  }

  private async authorize(
    permission: typeof maturityCampaignCreatePermission,
    options: Options,
    what: string,
  ) {
    const [decision] = await this.deps.permissions.authorize(
      [{ permission }],
      options,
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not ${what}`);
    }
  }
}
