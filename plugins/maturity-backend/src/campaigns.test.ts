import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ManualScheduler } from '@roadmap/plugin-maturity-node/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  demoEntity,
  demoMaturityConfig,
  examplesDir,
} from './__testUtils__/demo';
import { directoryUrlReaderFactory } from './__testUtils__/directoryUrlReader';
import maturityFeatures from './index';

jest.setTimeout(180_000);

const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) =>
  new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

function service(name: string, owner: string): Entity {
  const entity = demoEntity(name);
  entity.spec = { ...entity.spec, owner, lifecycle: 'production' };
  entity.relations = [{ type: 'ownedBy', targetRef: owner }];
  return entity;
}

function group(
  name: string,
  extra: { members?: string[]; parent?: string; children?: string[] },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [
      ...(extra.members ?? []).map(u => ({
        type: 'hasMember',
        targetRef: `user:default/${u}`,
      })),
      ...(extra.children ?? []).map(c => ({
        type: 'parentOf',
        targetRef: `group:default/${c}`,
      })),
      ...(extra.parent
        ? [{ type: 'childOf', targetRef: `group:default/${extra.parent}` }]
        : []),
    ],
  };
}

const user = (name: string, groupName: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf: [groupName] },
  relations: [{ type: 'memberOf', targetRef: `group:default/${groupName}` }],
});

// Every plugin on its own test database (SQLite): the notifications backend
// runs its own migrations. The stores are tested on PostgreSQL too.
describe('campaigns, with the real notifications backend', () => {
  let repos: string;
  let scheduler: ManualScheduler;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const as = (who: string) => {
    const header = mockCredentials.user.header(`user:default/${who}`);
    return {
      get: (url: string) =>
        request(backend.server).get(url).set('Authorization', header),
      post: (url: string) =>
        request(backend.server).post(url).set('Authorization', header),
      put: (url: string) =>
        request(backend.server).put(url).set('Authorization', header),
    };
  };
  const notificationsOf = async (who: string) =>
    (
      await as(who).get('/api/notifications/').expect(200)
    ).body.notifications.map((n: any) => n.payload.title);

  beforeAll(async () => {
    repos = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-campaign-'));
    for (const name of ['payments-api', 'checkout-web', 'search-api']) {
      fs.cpSync(path.join(examplesDir, name), path.join(repos, name), {
        recursive: true,
      });
    }
    scheduler = new ManualScheduler();
    const config = demoMaturityConfig({
      campaigns: [
        {
          id: 'as-code',
          title: 'Docs for everyone',
          owner: 'group:default/platform',
          scope: { kinds: ['Component'] },
          startsOn: today,
          phases: [
            {
              title: 'README',
              dueDate: inDays(30),
              target: { checks: ['docs.readme'] },
            },
          ],
        },
      ],
    });
    backend = await startTestBackend({
      features: [
        maturityFeatures,
        directoryUrlReaderFactory(repos),
        import('@backstage/plugin-notifications-backend'),
        scheduler.factory(),
        catalogServiceMock.factory({
          entities: [
            service('payments-api', 'group:default/payments'),
            service('checkout-web', 'group:default/payments-web'),
            service('search-api', 'group:default/search'),
            group('payments', {
              members: ['alice'],
              children: ['payments-web'],
            }),
            group('payments-web', { members: ['bob'], parent: 'payments' }),
            group('search', { members: ['dora'] }),
            group('platform', { members: ['carol'] }),
            user('alice', 'payments'),
            user('bob', 'payments-web'),
            user('carol', 'platform'),
            user('dora', 'search'),
          ],
        }),
        // The notifications backend links to the app.
        mockServices.rootConfig.factory({
          data: { ...config, app: { baseUrl: 'http://localhost:3000' } },
        }),
      ],
    });
    for (const name of ['payments-api', 'checkout-web', 'search-api']) {
      await as('carol')
        .post(`/api/maturity/scores/component/default/${name}/refresh`)
        .expect(200);
    }
  });
  afterAll(async () => backend?.stop());

  const campaign = {
    title: 'Payments reaches Silver',
    owner: 'group:default/platform',
    scope: { owners: ['group:default/payments'] },
    startsOn: today,
    published: true,
    phases: [
      {
        title: 'CI/CD first',
        dueDate: inDays(3),
        target: { checks: ['ci.pipeline', 'ci.tests'] },
      },
      {
        title: 'Then Silver',
        dueDate: inDays(60),
        target: { level: 'silver' },
      },
    ],
  };

  it('creates a campaign over a team and its child teams, with progress per phase, team and service', async () => {
    const created = await as('carol')
      .post('/api/maturity/campaigns')
      .send(campaign)
      .expect(201);
    expect(created.body).toMatchObject({
      state: 'active',
      version: 1,
      source: 'database',
    });
    const progress = await as('carol')
      .get(`/api/maturity/campaigns/${created.body.id}/progress`)
      .expect(200);
    expect(progress.body.services.map((s: any) => s.name).sort()).toEqual([
      'checkout-web',
      'payments-api',
    ]);
    expect(progress.body.overall.total).toBe(2);
    expect(progress.body.teams.map((t: any) => t.owner)).toEqual([
      'group:default/payments',
      'group:default/payments-web',
    ]);
    expect(progress.body.forecasts).toHaveLength(2);
    const burnUp = await as('carol')
      .get(`/api/maturity/campaigns/${created.body.id}/burnup?days=7`)
      .expect(200);
    expect(burnUp.body.days).toHaveLength(7);
    expect(burnUp.body.days[6]).toMatchObject({ date: today, total: 2 });

    const list = await as('carol').get('/api/maturity/campaigns').expect(200);
    expect(list.body.items.map((c: any) => c.title)).toEqual([
      'Docs for everyone',
      'Payments reaches Silver',
    ]);
  });

  it('tells the owners of in-scope services once that the campaign started, and a regression once', async () => {
    await scheduler.triggerTask('maturity-campaign-notifications');
    await scheduler.triggerTask('maturity-campaign-notifications');
    expect(await notificationsOf('alice')).toContain(
      'Campaign started: Payments reaches Silver',
    );
    expect(await notificationsOf('bob')).toContain(
      'Campaign started: Payments reaches Silver',
    );
    expect(await notificationsOf('dora')).not.toContain(
      'Campaign started: Payments reaches Silver',
    );
    // Sent once, though the task ran twice; the due-soon phase reminds too.
    const alice = await notificationsOf('alice');
    expect(
      alice.filter(
        (t: string) => t === 'Campaign started: Payments reaches Silver',
      ),
    ).toHaveLength(1);

    // payments-api loses its CI pipeline: a regression for its owners.
    fs.rmSync(path.join(repos, 'payments-api', '.github'), {
      recursive: true,
      force: true,
    });
    await as('carol')
      .post('/api/maturity/scores/component/default/payments-api/refresh')
      .expect(200);
    await as('carol')
      .post('/api/maturity/scores/component/default/payments-api/refresh')
      .expect(200);
    const regressions = (await notificationsOf('alice')).filter((t: string) =>
      /^Payments API (dropped|now fails)|^payments-api (dropped|now fails)/i.test(
        t,
      ),
    );
    expect(regressions).toHaveLength(1);
    expect(
      (await notificationsOf('dora')).some(
        (t: string) => /payments/i.test(t) && /fails|dropped/.test(t),
      ),
    ).toBe(false);
  });

  it('refuses bad campaigns naming the field, stale edits with 409, and edits of campaigns kept as code', async () => {
    const bad = await as('carol')
      .post('/api/maturity/campaigns')
      .send({ ...campaign, phases: [campaign.phases[1], campaign.phases[0]] })
      .expect(400);
    expect(bad.body.error.message).toMatch(
      /phases\[1\]\.dueDate: phases must be in order/,
    );
    for (const [change, message] of [
      [{ scope: {} }, /scope: the scope is empty/],
      [
        { phases: [{ ...campaign.phases[0], dueDate: '2020-01-01' }] },
        /is in the past/,
      ],
      [
        {
          phases: [{ ...campaign.phases[0], target: { checks: ['ci.nope'] } }],
        },
        /"ci.nope" is not a check/,
      ],
      [
        { phases: [{ ...campaign.phases[1], target: { level: 'platinum' } }] },
        /"platinum" is not a level/,
      ],
    ] as const) {
      const res = await as('carol')
        .post('/api/maturity/campaigns')
        .send({ ...campaign, ...change });
      expect([res.status, res.body.error?.message]).toEqual([
        400,
        expect.stringMatching(message),
      ]);
    }

    const created = await as('carol')
      .post('/api/maturity/campaigns')
      .send(campaign)
      .expect(201);
    const url = `/api/maturity/campaigns/${created.body.id}`;
    await as('carol')
      .put(url)
      .send({ version: 1, campaign: { ...campaign, title: 'Renamed' } })
      .expect(200);
    const stale = await as('carol')
      .put(url)
      .send({ version: 1, campaign })
      .expect(409);
    expect(stale.body.error.message).toMatch(/changed by someone else/);
    const archived = await as('carol')
      .post(`${url}/archive`)
      .send({ version: 2 })
      .expect(200);
    expect(archived.body.state).toBe('archived');
    await as('carol').get(`${url}/progress`).expect(200);

    const asCode = await as('carol')
      .put('/api/maturity/campaigns/config:as-code')
      .send({ version: 1, campaign })
      .expect(403);
    expect(asCode.body.error.message).toMatch(/declared in app-config/);
    await as('carol').get('/api/maturity/campaigns/nope').expect(404);
  });
});
