import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import {
  createTestMaturityDatabase,
  saveScores,
  scoreRecord as record,
} from '../__testUtils__/scoreRecords';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('ScoreStore on %p', id => {
  const setup = () => createTestMaturityDatabase(databases, id);

  it('reads a page from the sort index once the planner statistics are refreshed', async () => {
    const { knex, db } = await setup();
    await saveScores(
      db,
      ...Array.from({ length: 1200 }, (_, i) =>
        record(`svc-${i}`, { score: (i * 37) % 100 }),
      ),
    );
    await db.refreshStatistics();
    const queries: { sql: string; bindings: readonly Knex.RawBinding[] }[] = [];
    const listen = (q: { sql: string; bindings: readonly Knex.RawBinding[] }) =>
      queries.push(q);
    knex.on('query', listen);
    await db.scores.list({ orderBy: 'score', offset: 600, limit: 100 });
    knex.off('query', listen);
    const page = queries.find(q => /offset 600/i.test(q.sql))!;
    const plan =
      id === 'SQLITE_3'
        ? (await knex.raw(`EXPLAIN QUERY PLAN ${page.sql}`, page.bindings))
            .map((r: { detail: string }) => r.detail)
            .join('\n')
        : (await knex.raw(`EXPLAIN ${page.sql}`, page.bindings)).rows
            .map((r: Record<string, string>) => r['QUERY PLAN'])
            .join('\n');
    // The offset is walked on the (score, entity_ref) index, not by sorting
    // every row of the table.
    expect(plan).toMatch(/maturity_scores_score_ref_idx/);
  });

  it('filters pillar ranges on the pillar scores of the score row, whatever a pillar is called', async () => {
    const { db } = await setup();
    const odd = `it's "odd" $.x`;
    await saveScores(
      db,
      record('api', { pillars: { cicd: 57.9, [odd]: 20 } }),
      record('web', { pillars: { cicd: 80, [odd]: 75 } }),
      record('old', { pillars: { docs: 90 } }),
    );
    const names = async (
      pillarRanges: { pillar: string; min?: number; max?: number }[],
    ) =>
      (
        await db.scores.list({ pillarRanges, orderBy: 'name', order: 'asc' })
      ).items.map(i => i.name);
    expect(await names([{ pillar: 'cicd', min: 57.9 }])).toEqual([
      'api',
      'web',
    ]);
    expect(await names([{ pillar: 'cicd', min: 60, max: 80 }])).toEqual([
      'web',
    ]);
    expect(await names([{ pillar: odd, max: 20 }])).toEqual(['api']);
    expect(
      await names([
        { pillar: odd, min: 0 },
        { pillar: 'cicd', max: 60 },
      ]),
    ).toEqual(['api']);
    // An entity without the pillar is not in any of its ranges.
    expect(await names([{ pillar: 'docs', min: 0 }])).toEqual(['old']);
    expect(await names([{ pillar: `cicd') OR 1=1 --`, min: 0 }])).toEqual([]);
  });

  it('makes the newest scoring the current score, with its results', async () => {
    const { db } = await setup();
    await saveScores(
      db,
      record('api', { score: 40, scoredAt: new Date('2026-11-01T00:00:00Z') }),
      record('api', {
        score: 70,
        level: 'silver',
        levelRank: 1,
        pillars: { cicd: 100, security: 40 },
        scoredAt: new Date('2026-11-02T00:00:00Z'),
      }),
    );
    const current = await db.scores.get('component:default/api');
    expect(current).toMatchObject({
      score: 70,
      level: 'silver',
      pillars: { cicd: 100, security: 40 },
      scoredAt: '2026-11-02T00:00:00.000Z',
      detail: { results: [{ checkId: 'ci.pipeline', status: 'pass' }] },
    });
    const history = await db.snapshots.history('component:default/api');
    expect(history[history.length - 1].id).toBe(current!.snapshotId);
    expect(await db.scores.get('component:default/other')).toBeUndefined();
  });

  it('filters, sorts and pages the score list', async () => {
    const { db } = await setup();
    await saveScores(
      db,
      record('alpha', {
        score: 10,
        level: null,
        levelRank: -1,
        pillars: { cicd: 10, security: 0 },
      }),
      record('beta', {
        score: 90,
        level: 'gold',
        levelRank: 2,
        owner: 'group:default/search',
        pillars: { cicd: 100, security: 90 },
      }),
      record('gamma', {
        score: 55,
        title: 'Gamma Service',
        pillars: { cicd: 60, security: 50 },
      }),
    );
    const names = async (query: Parameters<typeof db.scores.list>[0]) =>
      (await db.scores.list(query)).items.map(i => i.name);

    const all = await db.scores.list({ orderBy: 'score', order: 'desc' });
    expect(all.totalCount).toBe(3);
    expect(all.items.map(i => i.name)).toEqual(['beta', 'gamma', 'alpha']);
    expect(
      await db.scores.list({
        orderBy: 'name',
        order: 'asc',
        offset: 1,
        limit: 1,
      }),
    ).toMatchObject({ totalCount: 3, items: [{ name: 'beta' }] });
    expect(await names({ owners: ['group:default/search'] })).toEqual(['beta']);
    expect(await names({ levels: ['none'] })).toEqual(['alpha']);
    expect(
      await names({ levels: ['gold', 'none'], orderBy: 'name', order: 'asc' }),
    ).toEqual(['alpha', 'beta']);
    expect(await names({ text: 'gamma serv' })).toEqual(['gamma']);
    expect((await db.scores.list({ text: '100%' })).totalCount).toBe(0);
    expect(
      await names({ pillarRanges: [{ pillar: 'security', min: 40, max: 60 }] }),
    ).toEqual(['gamma']);
    expect(await names({ entityRefs: ['component:default/alpha'] })).toEqual([
      'alpha',
    ]);
    // A caller who may read many entities: one bound array, not thousands
    // of parameters.
    const many = Array.from(
      { length: 70_000 },
      (_, i) => `component:default/other-${i}`,
    );
    expect(
      await names({ entityRefs: [...many, 'component:default/gamma'] }),
    ).toEqual(['gamma']);
  });

  it('pages deep into the list in a stable order', async () => {
    const { db } = await setup();
    await saveScores(
      db,
      ...Array.from({ length: 30 }, (_, i) =>
        record(`svc-${String(i).padStart(2, '0')}`, {
          score: i % 3,
          pillars: { cicd: i, security: 100 - i },
        }),
      ),
    );
    const pages = [];
    for (let offset = 0; offset < 30; offset += 7) {
      const page = await db.scores.list({ limit: 7, offset });
      expect(page.totalCount).toBe(30);
      pages.push(...page.items);
    }
    // Every entity once, by score then ref, both descending.
    expect(pages.map(p => p.name)).toEqual(
      Array.from({ length: 30 }, (_, i) => i)
        .sort((a, b) => (b % 3) - (a % 3) || b - a)
        .map(i => `svc-${String(i).padStart(2, '0')}`),
    );
    expect(pages.find(p => p.name === 'svc-29')?.pillars).toEqual({
      cicd: 29,
      security: 71,
    });
  });

  it('counts levels and lists facets among the given entities', async () => {
    const { db } = await setup();
    await saveScores(
      db,
      record('a', { level: 'silver', levelRank: 1 }),
      record('b', { owner: 'group:default/search' }),
      record('c', { level: null, levelRank: -1, system: undefined }),
    );
    expect(await db.scores.levelDistribution({})).toEqual({
      silver: 1,
      bronze: 1,
      none: 1,
    });
    expect(
      await db.scores.levelDistribution({ owners: ['group:default/nobody'] }),
    ).toEqual({});
    expect(
      await db.scores.levelDistribution({
        entityRefs: ['component:default/a', 'component:default/c'],
      }),
    ).toEqual({ silver: 1, none: 1 });
    const facets = await db.scores.facets({
      entityRefs: ['component:default/b'],
    });
    expect(facets).toMatchObject({
      owners: ['group:default/search'],
      levels: ['bronze'],
    });
    expect((await db.scores.facets()).owners).toEqual([
      'group:default/platform',
      'group:default/search',
    ]);
  });
});
