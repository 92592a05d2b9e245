import { InputError } from '@backstage/errors';
import { defaultRubric } from '@roadmap/plugin-maturity-common';
import { parseScoreQuery } from './parseScoreQuery';

const parse = (query: unknown) => parseScoreQuery(query, defaultRubric);

describe('parseScoreQuery', () => {
  it('reads lists, ranges, sorting and paging', () => {
    expect(
      parse({
        owner: ['group:default/a', 'group:default/b'],
        kind: 'Component,API',
        level: 'none',
        pillar: ['security:40:80', 'cicd:50:'],
        text: '  pay ',
        orderBy: 'level',
        order: 'asc',
        offset: '100',
        limit: '50',
      }),
    ).toEqual({
      owners: ['group:default/a', 'group:default/b'],
      kinds: ['Component', 'API'],
      levels: ['none'],
      pillarRanges: [
        { pillar: 'security', min: 40, max: 80 },
        { pillar: 'cicd', min: 50, max: undefined },
      ],
      text: 'pay',
      orderBy: 'level',
      order: 'asc',
      offset: 100,
      limit: 50,
    });
  });

  it.each([
    [{ limit: '0' }, 'limit must be an integer from 1 to 500, got "0"'],
    [{ limit: 'ten' }, 'limit must be an integer'],
    [{ limit: '1e2' }, 'limit must be an integer'],
    [{ offset: '-1' }, 'offset must be an integer from 0'],
    [{ orderBy: 'owner' }, 'orderBy'],
    [{ pillar: 'security>40' }, 'pillar: "security>40" must look like'],
    [{ pillar: 'security:40:180' }, 'bounds must be from 0 to 100'],
    [{ pillar: 'finops:1:2' }, '"finops" is not a pillar; pillars are cicd'],
    [
      { pillar: ['cicd:1:2', 'cicd:3:4'] },
      '"cicd" is given twice; give one range per pillar',
    ],
    [
      { pillar: Array.from({ length: 400 }, (_, i) => `cicd:${i % 100}:`) },
      'pillar takes at most 50 values',
    ],
    [{ level: 'platinum' }, '"platinum" is not a level; levels are bronze'],
    [
      { owner: 'group:default/a\u0000' },
      'owner must not contain control characters',
    ],
    [{ text: 'a\u0000b' }, 'text must not contain control characters'],
    [{ text: 'x'.repeat(201) }, 'text must be at most 200 characters'],
    [
      { entityRef: 'x'.repeat(300) },
      'entityRef must be at most 255 characters',
    ],
    [{ sort: 'score' }, 'unknown parameter "sort"'],
  ])('rejects %p with a message that says what is wrong', (query, message) => {
    expect(() => parse(query)).toThrow(InputError);
    expect(() => parse(query)).toThrow(message);
  });
});
