import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { MaturityMetrics } from './MaturityMetrics';

describe('MaturityMetrics', () => {
  it('observes the current scores per entity and pillar and counts source errors', async () => {
    const callbacks: Record<string, (r: { observe: jest.Mock }) => void> = {};
    const histogram = { record: jest.fn() };
    const counters: Record<string, { add: jest.Mock }> = {};
    const metrics = metricsServiceMock.mock({
      createObservableGauge: jest.fn((name: string) => ({
        addCallback: (cb: any) => {
          callbacks[name] = cb;
        },
        removeCallback: jest.fn(),
      })) as any,
      createHistogram: jest.fn(() => histogram) as any,
      createCounter: jest.fn((name: string) => {
        counters[name] = { add: jest.fn() };
        return counters[name];
      }) as any,
    });
    const m = new MaturityMetrics(metrics);
    m.setScores([
      {
        entityRef: 'component:default/a',
        owner: 'group:default/x',
        score: 60,
        levelRank: 0,
        pillars: { cicd: 100 },
      },
    ]);
    m.setScores([
      {
        entityRef: 'component:default/a',
        owner: 'group:default/x',
        score: 70,
        levelRank: 1,
        pillars: { cicd: 100 },
      },
    ]);

    const score = { observe: jest.fn() };
    callbacks['maturity.entity.score'](score);
    expect(score.observe.mock.calls).toEqual([
      [
        70,
        {
          entity_ref: 'component:default/a',
          owner: 'group:default/x',
          pillar: 'overall',
        },
      ],
      [
        100,
        {
          entity_ref: 'component:default/a',
          owner: 'group:default/x',
          pillar: 'cicd',
        },
      ],
    ]);
    const level = { observe: jest.fn() };
    callbacks['maturity.entity.level'](level);
    expect(level.observe).toHaveBeenCalledWith(1, {
      entity_ref: 'component:default/a',
      owner: 'group:default/x',
    });

    m.recordSource('prometheus', 0.5, 3);
    m.recordSource('repository', 0.2, 0);
    expect(counters['maturity.source.errors'].add.mock.calls).toEqual([
      [3, { source: 'prometheus' }],
    ]);
    expect(histogram.record).toHaveBeenCalledWith(0.5, {
      scope: 'source',
      source: 'prometheus',
    });

    m.forget('component:default/a');
    const after = { observe: jest.fn() };
    callbacks['maturity.entity.score'](after);
    expect(after.observe).not.toHaveBeenCalled();
  });
});
