import type { Fact, FactValue } from '../types/Fact';
import type { Condition } from '../types/Check';
import { compileCondition, factsOfCondition } from './compileCondition';

const facts = (values: Record<string, FactValue>) =>
  new Map<string, Fact>(
    Object.entries(values).map(([id, value]) => [
      id,
      { id, value, source: 'repository', observedAt: '', evidence: [] },
    ]),
  );
const run = (c: Condition, values: Record<string, FactValue>) =>
  compileCondition(c)(facts(values));

describe('compileCondition', () => {
  it.each<[string, Condition, Record<string, FactValue>, boolean | undefined]>([
    ['equals true', { fact: 'a', equals: true }, { a: true }, true],
    ['equals false value', { fact: 'a', equals: true }, { a: false }, false],
    ['equals deep', { fact: 'a', equals: ['x', 'y'] }, { a: ['x', 'y'] }, true],
    ['notEquals', { fact: 'a', notEquals: 'prod' }, { a: 'dev' }, true],
    ['gt', { fact: 'n', gt: 2 }, { n: 3 }, true],
    ['gt equal', { fact: 'n', gt: 3 }, { n: 3 }, false],
    ['gte', { fact: 'n', gte: 3 }, { n: 3 }, true],
    ['lt', { fact: 'n', lt: 10 }, { n: 9 }, true],
    ['lte', { fact: 'n', lte: 9 }, { n: 10 }, false],
    ['gt on a string is false', { fact: 'n', gt: 1 }, { n: '5' }, false],
    ['exists on a value', { fact: 's', exists: true }, { s: 'payments' }, true],
    ['exists on empty string', { fact: 's', exists: true }, { s: '' }, false],
    [
      'exists false on empty list',
      { fact: 's', exists: false },
      { s: [] },
      true,
    ],
    [
      'contains in list',
      { fact: 'l', contains: 'go' },
      { l: ['go', 'ts'] },
      true,
    ],
    [
      'contains in string',
      { fact: 'l', contains: 'ghcr' },
      { l: 'ghcr.io/x' },
      true,
    ],
    [
      'contains missing item',
      { fact: 'l', contains: 'java' },
      { l: ['go'] },
      false,
    ],
    ['matches', { fact: 's', matches: '^prod' }, { s: 'production' }, true],
    ['matches non-string', { fact: 's', matches: '1' }, { s: 1 }, false],
    ['bare fact truthy', { fact: 'a' }, { a: 2 }, true],
    ['bare fact falsy', { fact: 'a' }, { a: 0 }, false],
    ['missing fact is unknown', { fact: 'a', equals: true }, {}, undefined],
    [
      'all true',
      { all: [{ fact: 'a' }, { fact: 'b' }] },
      { a: true, b: true },
      true,
    ],
    [
      'all with a false beats unknown',
      { all: [{ fact: 'a' }, { fact: 'b' }] },
      { a: false },
      false,
    ],
    [
      'all with unknown',
      { all: [{ fact: 'a' }, { fact: 'b' }] },
      { a: true },
      undefined,
    ],
    [
      'any with a true beats unknown',
      { any: [{ fact: 'a' }, { fact: 'b' }] },
      { a: true },
      true,
    ],
    [
      'any all false',
      { any: [{ fact: 'a' }, { fact: 'b' }] },
      { a: false, b: false },
      false,
    ],
    [
      'any with unknown',
      { any: [{ fact: 'a' }, { fact: 'b' }] },
      { a: false },
      undefined,
    ],
    ['not', { not: { fact: 'a' } }, { a: false }, true],
    ['not unknown', { not: { fact: 'a' } }, {}, undefined],
  ])('%s', (_name, condition, values, expected) => {
    expect(run(condition, values)).toBe(expected);
  });

  it('lists the facts a condition reads, once each', () => {
    expect(
      factsOfCondition({
        all: [{ fact: 'a' }, { any: [{ fact: 'b' }, { not: { fact: 'a' } }] }],
      }),
    ).toEqual(['a', 'b']);
  });
});
