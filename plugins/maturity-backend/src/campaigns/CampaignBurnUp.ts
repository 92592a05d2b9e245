import type { CacheService } from '@backstage/backend-plugin-api';
import type {
  CampaignBurnUpResponse,
  Rubric,
} from '@roadmap/plugin-maturity-common';
import { createHash } from 'node:crypto';
import type { CampaignMember, StoredCampaign } from '../database/CampaignStore';
import type { CampaignStanding } from '../database/ScoreStore';
import type { StandingPoint } from '../database/SnapshotStore';
import { computeBurnUp } from './computeBurnUp';

const DAY_MS = 86_400_000;
type Day = CampaignBurnUpResponse['days'][number];

/**
 * A campaign's burn-up: the days before today come from the score history
 * and never change once the day is over, so they are kept in the backend's
 * cache (a day at most, keyed by everything they depend on: the campaign's
 * phases and scope, the rubric, the members the caller can see, the
 * window); today's point comes from the current scores, so a scoring shows
 * at once.
 */
export class CampaignBurnUp {
  readonly #rubricDigest: string;

  constructor(
    private readonly deps: {
      cache: CacheService;
      rubric: Rubric;
      /** Each member's points from `since` on, and its last one before. */
      history: (
        stored: StoredCampaign,
        members: CampaignMember[],
        since: Date,
      ) => Promise<Map<string, StandingPoint[]>>;
    },
  ) {
    this.#rubricDigest = digest([JSON.stringify(deps.rubric)]);
  }

  async days(options: {
    stored: StoredCampaign;
    members: CampaignMember[];
    standings: CampaignStanding[];
    today: string;
    days: number;
  }): Promise<Day[]> {
    const { stored, members, today, days } = options;
    const past = days > 1 ? await this.pastDays(options) : [];
    const now = new Date(`${today}T12:00:00Z`);
    const current = new Map<string, StandingPoint[]>(
      options.standings.map(s => [
        s.entityRef,
        [{ at: now, level: s.level, passed: s.passed }],
      ]),
    );
    const todays = computeBurnUp({
      phases: stored.phases,
      rubric: this.deps.rubric,
      members,
      history: current,
      until: today,
      days: 1,
    }).days;
    return [...past, ...todays];
  }

  private async pastDays(options: {
    stored: StoredCampaign;
    members: CampaignMember[];
    today: string;
    days: number;
  }): Promise<Day[]> {
    const { stored, members, today, days } = options;
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - DAY_MS);
    const until = yesterday.toISOString().slice(0, 10);
    const key = `campaign-burnup:${digest([
      this.#rubricDigest,
      stored.id,
      String(stored.version),
      JSON.stringify([stored.phases, stored.scope, stored.startsOn]),
      until,
      String(days - 1),
      ...members.map(
        m =>
          `${m.entityRef} ${m.joinedAt.getTime()} ${m.leftAt?.getTime() ?? ''}`,
      ),
    ])}`;
    // A cache that is down costs time, never the answer.
    const cached = (await this.deps.cache.get(key).catch(() => undefined)) as
      | Day[]
      | undefined;
    if (cached) return cached;
    const since = new Date(yesterday.getTime() - (days - 2) * DAY_MS);
    const computed = computeBurnUp({
      phases: stored.phases,
      rubric: this.deps.rubric,
      members,
      history: await this.deps.history(stored, members, since),
      until,
      days: days - 1,
    }).days;
    await this.deps.cache
      .set(key, computed, { ttl: { days: 1 } })
      .catch(() => undefined);
    return computed;
  }
}

function digest(parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\n');
  return hash.digest('base64url');
}
