import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fc from 'fast-check';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  demoEntity,
  demoMaturityConfig,
  examplesDir,
} from './__testUtils__/demo';
import { directoryUrlReaderFactory } from './__testUtils__/directoryUrlReader';
import maturityFeatures from './index';

jest.setTimeout(600_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const ROUTES = [
  '/health',
  '/rubric',
  '/rubric/dry-run',
  '/facts',
  '/scores',
  '/facets',
  '/levels',
  '/movers',
  '/scores/:kind/:namespace/:name',
  '/scores/:kind/:namespace/:name/history',
  '/scores/:kind/:namespace/:name/refresh',
  '/scores/:kind/:namespace/:name/report',
  '/groups/:namespace/:name',
  '/groups/:namespace/:name/report',
];
const PARAMETERS = [
  'owner',
  'system',
  'kind',
  'type',
  'lifecycle',
  'level',
  'entityRef',
  'text',
  'pillar',
  'orderBy',
  'order',
  'offset',
  'limit',
  'since',
  'days',
];

// Text that has hurt databases and parsers before: NUL and control
// characters, quotes and SQL, LIKE wildcards, huge numbers and dates,
// path tricks, deep brackets, lone surrogates, long runs.
const nasty = fc.oneof(
  { maxDepth: 1 },
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    "'; drop table maturity_scores; --",
    '%_\\',
    '-271821-04-20',
    '0001-01-01',
    '4713-01-01 BC',
    '275760-09-13',
    '1e309',
    '-1',
    '9999999999999999999999',
    'NaN',
    '../../etc/passwd',
    'security:0:100',
    'cicd:50:',
    'x:1:2',
    '\ud800',
    '{{7*7}}',
    '<img src=x onerror=alert(1)>',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  { arbitrary: fc.nat({ max: 6_000 }).map(n => 'x'.repeat(n)), weight: 1 },
  fc
    .array(fc.constantFrom('security', 'cicd', 'docs', 'zzz'), { maxLength: 5 })
    .map(p => p.map((id, i) => `${id}:${i}:${i + 50}`).join(',')),
);

const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    // Lone surrogates cannot be encoded: send them as bytes that are not UTF-8.
    return '%ED%A0%80';
  }
};

const segment = fc.oneof(
  fc.constantFrom('component', 'default', 'payments-api', 'payments', 'group'),
  nasty.map(encode),
  fc.constantFrom('%00', '%ZZ', '%', '%2F', '..', '.', '%C0%AF', '%FF'),
);

const query = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...PARAMETERS),
        fc.constantFrom('pillar[x]', 'owner[0][1]', 'limit[]', '__proto__'),
        fc.string({ maxLength: 10 }),
      ),
      fc.oneof(
        nasty,
        fc.constantFrom('', '10', '1', '500', '501', 'asc', 'score'),
      ),
    ),
    { maxLength: 12 },
  )
  .map(pairs => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&'));

const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 3 }),
  fc.constantFrom('{', 'null', '[]', '{"a":', '\u0000'),
  fc.nat({ max: 300_000 }).map(n => JSON.stringify({ x: 'y'.repeat(n) })),
);

const requestArbitrary = fc.record({
  method: fc.constantFrom(
    'GET',
    'GET',
    'GET',
    'POST',
    'PUT',
    'DELETE',
    'PATCH',
    'HEAD',
  ),
  route: fc.constantFrom(...ROUTES),
  kind: segment,
  namespace: segment,
  name: segment,
  query,
  body,
  contentType: fc.constantFrom(
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
  ),
});

type Sent = typeof requestArbitrary extends fc.Arbitrary<infer T> ? T : never;

function send(port: number, r: Sent): Promise<{ status: number; ms: number }> {
  const path = `/api/maturity${r.route
    .replace(':kind', r.kind)
    .replace(':namespace', r.namespace)
    .replace(':name', r.name)}${r.query ? `?${r.query}` : ''}`;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: r.method,
        path,
        headers:
          r.body === undefined
            ? {}
            : {
                'content-type': r.contentType,
                'content-length': Buffer.byteLength(r.body),
              },
      },
      res => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: Date.now() - started }),
        );
      },
    );
    req.on('error', reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

describe.each(databases.eachSupportedId())(
  'the API under fuzzing on %p',
  id => {
    it('answers at least 2,000 generated requests to every route without a 5xx, each in bounded time', async () => {
      const knex = await databases.init(id);
      const entities = ['payments-api', 'legacy-billing', 'checkout-web'].map(
        demoEntity,
      );
      const backend = await startTestBackend({
        features: [
          maturityFeatures,
          directoryUrlReaderFactory(examplesDir),
          catalogServiceMock.factory({
            entities: [
              ...entities,
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Group',
                metadata: { name: 'payments', namespace: 'default' },
                spec: { type: 'team', children: [] },
              },
            ],
          }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({ data: demoMaturityConfig() }),
        ],
      });
      const port = (backend.server.address() as AddressInfo).port;
      try {
        for (const e of entities) {
          const res = await send(port, {
            method: 'POST',
            route: '/scores/:kind/:namespace/:name/refresh',
            kind: 'component',
            namespace: 'default',
            name: e.metadata.name,
            query: '',
            body: undefined,
            contentType: 'application/json',
          });
          expect(res.status).toBe(200);
        }
        const seen = new Map<number, number>();
        let slowest = 0;
        await fc.assert(
          fc.asyncProperty(requestArbitrary, async r => {
            const { status, ms } = await send(port, r);
            seen.set(status, (seen.get(status) ?? 0) + 1);
            slowest = Math.max(slowest, ms);
            // A generous bound: a request that makes the database plan or
            // run an unbounded query takes seconds to minutes.
            return status < 500 && ms < 5_000;
          }),
          {
            numRuns: 2_000,
            // Fixed, so CI runs the same requests every time; FUZZ_SEED
            // explores others.
            seed: Number(process.env.FUZZ_SEED ?? 20261201),
          },
        );
        // The fuzz reached the handlers, not only the router's 404s.
        expect(seen.get(200)).toBeGreaterThan(50);
        expect(seen.get(400)).toBeGreaterThan(50);
        // eslint-disable-next-line no-console
        console.log(
          `fuzz on ${id}: ${[...seen.values()].reduce(
            (a, b) => a + b,
            0,
          )} requests, statuses ${JSON.stringify(
            Object.fromEntries([...seen].sort((a, b) => a[0] - b[0])),
          )}, slowest ${slowest} ms`,
        );
      } finally {
        await backend.stop();
      }
    });
  },
);
