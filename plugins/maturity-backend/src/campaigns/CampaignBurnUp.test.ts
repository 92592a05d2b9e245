import { CacheManager } from '@backstage/backend-defaults/cache';
import type { CacheService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import {
  type CampaignPhase,
  defaultRubric,
} from '@roadmap/plugin-maturity-common';
import type { StoredCampaign } from '../database/CampaignStore';
import type { CampaignStanding } from '../database/ScoreStore';
import type { StandingPoint } from '../database/SnapshotStore';
import { CampaignBurnUp } from './CampaignBurnUp';
import { computeBurnUp } from './computeBurnUp';

const phases: CampaignPhase[] = [
  { title: 'CI', dueDate: '2026-11-20', target: { checks: ['ci.pipeline'] } },
  { title: 'Bronze', dueDate: '2026-11-30', target: { level: 'bronze' } },
];
const at = (day: string) => new Date(`${day}T12:00:00Z`);
const point = (day: string, level: string | null, passed: string[]) => ({
  at: at(day),
  level,
  passed: new Set(passed),
});
const stored: StoredCampaign = {
  id: 'c1',
  title: 'Bronze',
  owner: 'group:default/platform',
  scope: { kinds: ['Component'] },
  phases,
  startsOn: '2026-10-01',
  published: true,
  version: 1,
  createdAt: at('2026-10-01'),
  updatedAt: at('2026-10-01'),
};
const members = [
  { entityRef: 'component:default/a', joinedAt: at('2026-10-01') },
  { entityRef: 'component:default/b', joinedAt: at('2026-10-01') },
];
const history = new Map<string, StandingPoint[]>([
  [
    'component:default/a',
    [
      point('2026-10-20', null, ['ci.pipeline']),
      point('2026-11-03', 'bronze', ['ci.pipeline']),
    ],
  ],
  ['component:default/b', [point('2026-11-05', null, ['ci.pipeline'])]],
]);
// Their current scores: the newest points above.
const standing = (
  name: string,
  level: string | null,
  passed: string[],
): CampaignStanding => ({
  entityRef: `component:default/${name}`,
  name,
  level,
  levelRank: level ? defaultRubric.levels.findIndex(l => l.id === level) : -1,
  passed: new Set(passed),
  exempt: new Set(),
});
const standings = [
  standing('a', 'bronze', ['ci.pipeline']),
  standing('b', null, ['ci.pipeline']),
];

function memoryCache(): CacheService {
  return CacheManager.fromConfig(new ConfigReader({})).forPlugin('maturity');
}

function burnUp(cache: CacheService) {
  const loads: Date[] = [];
  const service = new CampaignBurnUp({
    cache,
    rubric: defaultRubric,
    history: async (_stored, _members, since) => {
      loads.push(since);
      return history;
    },
  });
  return { service, loads };
}

describe('CampaignBurnUp', () => {
  const today = '2026-11-07';

  it('gives the days the whole history gives, the past ones read once and today from the current scores', async () => {
    const { service, loads } = burnUp(memoryCache());
    const whole = computeBurnUp({
      phases,
      rubric: defaultRubric,
      members,
      history,
      until: today,
      days: 10,
    }).days;
    const first = await service.days({
      stored,
      members,
      standings,
      today,
      days: 10,
    });
    expect(first).toEqual(whole);
    // The history from the window's first day on, not today's.
    expect(loads.map(d => d.toISOString().slice(0, 10))).toEqual([
      '2026-10-29',
    ]);

    // b regresses today: only today's point moves, with no history read.
    const regressed = [standings[0], standing('b', null, [])];
    const second = await service.days({
      stored,
      members,
      standings: regressed,
      today,
      days: 10,
    });
    expect(loads).toHaveLength(1);
    expect(second.slice(0, 9)).toEqual(whole.slice(0, 9));
    expect(second[9]).toEqual({ date: today, total: 2, met: [1, 1] });
  });

  it('reads the history again when what the past days depend on changes', async () => {
    const { service, loads } = burnUp(memoryCache());
    const days = (options: Partial<Parameters<typeof service.days>[0]>) =>
      service.days({ stored, members, standings, today, days: 10, ...options });
    await days({});
    await days({ members: members.slice(0, 1) }); // the caller sees fewer
    await days({ stored: { ...stored, version: 2, phases: phases.slice(1) } });
    await days({ today: '2026-11-08' }); // a day has passed
    await days({ days: 5 });
    expect(loads).toHaveLength(5);
    await days({ members: members.slice(0, 1) });
    expect(loads).toHaveLength(5);
  });

  it('answers from the history when the cache is down', async () => {
    const down = {
      get: async () => {
        throw new Error('ECONNREFUSED');
      },
      set: async () => {
        throw new Error('ECONNREFUSED');
      },
      delete: async () => undefined,
      withOptions() {
        return this;
      },
    } as unknown as CacheService;
    const { service, loads } = burnUp(down);
    const days = await service.days({
      stored,
      members,
      standings,
      today,
      days: 3,
    });
    expect(days.map(d => [d.date, d.total, ...d.met])).toEqual([
      ['2026-11-05', 2, 2, 1],
      ['2026-11-06', 2, 2, 1],
      ['2026-11-07', 2, 2, 1],
    ]);
    expect(loads).toHaveLength(1);
  });
});
