import { InputError } from '@backstage/errors';
import { parseScoreQuery } from './parseScoreQuery';

describe('parseScoreQuery', () => {
  it('reads lists, ranges, sorting and paging', () => {
    expect(
      parseScoreQuery({
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
    [{ offset: '-1' }, 'offset must be an integer from 0'],
    [{ orderBy: 'owner' }, 'orderBy'],
    [{ pillar: 'security>40' }, 'pillar: "security>40" must look like'],
    [{ pillar: 'security:40:180' }, 'bounds must be from 0 to 100'],
    [{ sort: 'score' }, 'unknown query parameter "sort"'],
  ])('rejects %p with a message that says what is wrong', (query, message) => {
    expect(() => parseScoreQuery(query)).toThrow(InputError);
    expect(() => parseScoreQuery(query)).toThrow(message);
  });
});
