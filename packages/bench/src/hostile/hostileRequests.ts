import { mulberry32 } from '../peer/syntheticFacts';

const PILLARS = [
  'cicd',
  'observability',
  'security',
  'reliability',
  'infrastructure',
  'docs',
];

/**
 * The most expensive valid query of the score list: a range on every
 * pillar, a substring search, owners and levels, sorted by level, deep in
 * the list.
 */
export function mostExpensiveQuery(i: number): string {
  const ranges = PILLARS.map(p => `pillar=${p}:${i % 10}:${90 + (i % 10)}`);
  return [
    ...ranges,
    `text=${encodeURIComponent(`svc-${i % 97}`)}`,
    'owner=group:default/team-1,group:default/team-2,group:default/team-3',
    'level=bronze,silver,none',
    'orderBy=level',
    `offset=${(i * 37) % 5000}`,
    'limit=100',
  ].join('&');
}

// What issue 18's operator sent: hundreds of pillar ranges, NUL bytes in
// every parameter and path segment, dates before 4713 BC, long strings.
const HOSTILE = [
  () =>
    `/scores?${Array.from(
      { length: 400 },
      (_, i) => `pillar=security:${i % 100}:`,
    ).join('&')}`,
  () => `/scores?owner=group%3Adefault%2Fa%00`,
  () => `/scores?text=%00%00`,
  () => `/scores?level=bronze%00`,
  () => `/scores/component/default/svc-1%00`,
  () => `/scores/component%00/default/svc-1/history`,
  () => `/scores/component/default/svc-1/history?since=-271821-04-20`,
  () => `/groups/default/team-1/report?since=0001-01-01`,
  () => `/movers?days=99999`,
  () => `/scores?text=${'%25'.repeat(200)}`,
  () => `/scores?limit=500&offset=1000000`,
  () => `/scores?pillar=${PILLARS.map(p => `${p}:0:100`).join(',')}`,
];

/** `n` requests: the hostile ones above and random mixes of valid and invalid parameters. */
export function hostileRequests(n: number, seed = 18): string[] {
  const random = mulberry32(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const values = [
    '',
    '%00',
    'x'.repeat(300),
    '-1',
    '1e309',
    'security:1:2',
    'zzz:1:2',
    'none',
    'gold',
    '2026-01-01',
    'asc',
    'score',
  ];
  const names = [
    'owner',
    'system',
    'kind',
    'type',
    'level',
    'text',
    'pillar',
    'orderBy',
    'order',
    'offset',
    'limit',
    'entityRef',
    'nope',
  ];
  const paths = [
    '/scores',
    '/levels',
    '/movers',
    '/facets',
    '/scores/component/default/svc-7',
    '/scores/component/default/svc-7/history',
    '/groups/default/team-1',
    '/groups/default/team-1/report',
  ];
  return Array.from({ length: n }, (_, i) => {
    if (i % 10 === 0) return HOSTILE[(i / 10) % HOSTILE.length]();
    if (i % 10 === 1) return `/scores?${mostExpensiveQuery(i)}`;
    const params = Array.from(
      { length: Math.floor(random() * 6) },
      () => `${pick(names)}=${pick(values)}`,
    );
    return `${pick(paths)}${params.length ? `?${params.join('&')}` : ''}`;
  });
}
