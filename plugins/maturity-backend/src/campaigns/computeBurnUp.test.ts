import {
  type CampaignPhase,
  defaultRubric,
} from '@roadmap/plugin-maturity-common';
import { computeBurnUp } from './computeBurnUp';
import { computeCampaignProgress } from './computeCampaignProgress';

const phases: CampaignPhase[] = [
  { title: 'CI', dueDate: '2026-11-10', target: { checks: ['ci.pipeline'] } },
  { title: 'Bronze', dueDate: '2026-11-20', target: { level: 'bronze' } },
];
const at = (day: string, hour = 12) =>
  new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
const point = (day: string, level: string | null, passed: string[]) => ({
  at: at(day),
  level,
  passed: new Set(passed),
});

describe('campaign burn-up and progress', () => {
  const members = [
    { entityRef: 'component:default/a', joinedAt: at('2026-11-01', 0) },
    { entityRef: 'component:default/b', joinedAt: at('2026-11-01', 0) },
    // Entered the scope on the 4th, left it on the 6th.
    {
      entityRef: 'component:default/c',
      joinedAt: at('2026-11-04'),
      leftAt: at('2026-11-06'),
    },
  ];
  const history = new Map([
    // Before the window: already passing CI; Bronze on the 3rd.
    [
      'component:default/a',
      [
        point('2026-10-20', null, ['ci.pipeline']),
        point('2026-11-03', 'bronze', ['ci.pipeline']),
      ],
    ],
    // CI on the 5th, a regression on the 6th.
    [
      'component:default/b',
      [
        point('2026-11-05', null, ['ci.pipeline']),
        point('2026-11-06', null, []),
      ],
    ],
    ['component:default/c', [point('2026-10-01', null, ['ci.pipeline'])]],
  ]);

  it('counts each day the services in scope that meet each phase, from the history step function', () => {
    const { days } = computeBurnUp({
      phases,
      rubric: defaultRubric,
      members,
      history,
      until: '2026-11-07',
      days: 7,
    });
    expect(days.map(d => [d.date.slice(8), d.total, ...d.met])).toEqual([
      ['01', 2, 1, 0],
      ['02', 2, 1, 0],
      ['03', 2, 1, 1],
      ['04', 3, 2, 1],
      ['05', 3, 3, 1],
      ['06', 2, 1, 1],
      ['07', 2, 1, 1],
    ]);
  });

  it('tallies today per phase, team and service, with the checks left and the open phase', () => {
    const progress = computeCampaignProgress({
      phases,
      rubric: defaultRubric,
      today: '2026-11-07',
      members,
      standings: [
        {
          entityRef: 'component:default/a',
          name: 'a',
          owner: 'group:default/x',
          level: 'bronze',
          levelRank: 0,
          passed: new Set(['ci.pipeline']),
          exempt: new Set(),
        },
        {
          entityRef: 'component:default/b',
          name: 'b',
          owner: 'group:default/y',
          level: null,
          levelRank: -1,
          passed: new Set(['ci.tests']),
          exempt: new Set(['ci.tests']),
        },
      ],
      series: [],
    });
    expect(progress.overall).toEqual({ total: 2, met: [1, 1] });
    expect(progress.currentPhase).toBe(0);
    expect(progress.teams).toEqual([
      { owner: 'group:default/x', total: 1, met: [1, 1] },
      { owner: 'group:default/y', total: 1, met: [0, 0] },
    ]);
    const b = progress.services.find(s => s.name === 'b')!;
    expect(b.phases[0]).toEqual({
      met: false,
      upcoming: false,
      checksLeft: ['ci.pipeline'],
      exempt: [],
    });
    expect(b.phases[1].checksLeft).toContain('ci.pipeline');
    expect(b.phases[1].exempt).toEqual(['ci.tests']);
    expect(progress.left).toEqual([
      {
        entityRef: 'component:default/c',
        leftAt: at('2026-11-06').toISOString(),
      },
    ]);
  });

  it('counts a phase before its enabledFrom day as met, and says it is upcoming', () => {
    const graced = [{ ...phases[0], enabledFrom: '2026-11-08' }];
    const progress = computeCampaignProgress({
      phases: graced,
      rubric: defaultRubric,
      today: '2026-11-07',
      members: [],
      standings: [
        {
          entityRef: 'component:default/b',
          name: 'b',
          level: null,
          levelRank: -1,
          passed: new Set(),
          exempt: new Set(),
        },
      ],
      series: [],
    });
    expect(progress.services[0].phases[0]).toMatchObject({
      met: true,
      upcoming: true,
    });
  });
});
