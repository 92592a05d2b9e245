import { TestDatabases } from '@backstage/backend-test-utils';
import type { CampaignInput } from '@roadmap/plugin-maturity-common';
import { createTestMaturityDatabase } from '../__testUtils__/scoreRecords';
import { rejectionMessage } from '../__testUtils__/rejectionMessage';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const at = (day: number) => new Date(Date.UTC(2026, 11, day));

const input: CampaignInput = {
  title: 'Silver by March',
  owner: 'Group:default/Platform',
  scope: { owners: ['group:default/payments'] },
  startsOn: '2026-12-01',
  published: true,
  phases: [
    { title: 'Silver', dueDate: '2027-03-31', target: { level: 'silver' } },
  ],
};

describe.each(databases.eachSupportedId())('campaign stores on %p', id => {
  const setup = async () =>
    (await createTestMaturityDatabase(databases, id)).db;

  it('keeps campaigns with a version, refuses stale changes and keeps archived ones', async () => {
    const { campaigns } = await setup();
    const created = await campaigns.create(input, {
      createdBy: 'user:default/lead',
      now: at(1),
    });
    expect(created).toMatchObject({
      version: 1,
      owner: 'group:default/platform',
      published: true,
    });
    const updated = await campaigns.update(
      created.id,
      { ...input, title: 'Renamed' },
      { version: 1, now: at(2) },
    );
    expect(updated).toMatchObject({ title: 'Renamed', version: 2 });
    expect(
      await rejectionMessage(
        campaigns.update(created.id, input, { version: 1, now: at(3) }),
      ),
    ).toMatch(/changed by someone else \(version 2, you sent 1\)/);
    const archived = await campaigns.archive(created.id, {
      version: 2,
      now: at(4),
    });
    expect(archived.archivedAt?.toISOString()).toBe(at(4).toISOString());
    expect(
      await rejectionMessage(
        campaigns.archive(created.id, { version: 3, now: at(5) }),
      ),
    ).toMatch(/archived/);
    expect(
      await rejectionMessage(
        campaigns.update('nope', input, { version: 1, now: at(5) }),
      ),
    ).toMatch(/No campaign nope/);
    expect((await campaigns.list()).map(c => c.title)).toEqual(['Renamed']);
  });

  it('records who entered and left a scope, and when', async () => {
    const { campaigns } = await setup();
    const { id: campaignId } = await campaigns.create(input, { now: at(1) });
    const ref = (n: string) => `component:default/${n}`;
    await campaigns.reconcileMembers(campaignId, [ref('a'), ref('b')], {
      now: at(3),
      firstJoinedAt: at(1),
    });
    await campaigns.reconcileMembers(campaignId, [ref('a'), ref('c')], {
      now: at(5),
      firstJoinedAt: at(1),
    });
    const members = await campaigns.reconcileMembers(
      campaignId,
      [ref('a'), ref('b'), ref('c')],
      { now: at(7), firstJoinedAt: at(1) },
    );
    expect(
      members.map(m => [
        m.entityRef,
        m.joinedAt.getUTCDate(),
        m.leftAt?.getUTCDate(),
      ]),
    ).toEqual([
      [ref('a'), 1, undefined],
      [ref('b'), 7, undefined],
      [ref('c'), 5, undefined],
    ]);
    const left = await campaigns.reconcileMembers(campaignId, [ref('a')], {
      now: at(9),
      firstJoinedAt: at(1),
    });
    expect(left.filter(m => m.leftAt).map(m => m.entityRef)).toEqual([
      ref('b'),
      ref('c'),
    ]);
  });

  it('keeps exemption requests and their decisions, and hands approved ones to the scorer', async () => {
    const { exemptionRequests } = await setup();
    const request = await exemptionRequests.create(
      {
        entityRef: 'component:default/a',
        checkId: 'rel.chaos',
        reason: 'batch job',
        expires: '2027-01-31',
      },
      { requestedBy: 'user:default/owner', now: at(1) },
    );
    expect(
      await exemptionRequests.approvedFor(
        ['component:default/a'],
        '2026-12-02',
      ),
    ).toEqual([]);
    await exemptionRequests.decide(request.id, {
      status: 'approved',
      by: 'user:default/lead',
      now: at(2),
    });
    expect(
      await exemptionRequests.approvedFor(
        ['component:default/a'],
        '2026-12-02',
      ),
    ).toEqual([
      {
        entityRef: 'component:default/a',
        check: 'rel.chaos',
        reason: 'batch job',
        expires: '2027-01-31',
        source: 'request',
        approvedBy: 'user:default/lead',
      },
    ]);
    // Expired ones no longer apply.
    expect(
      await exemptionRequests.approvedFor(
        ['component:default/a'],
        '2027-02-01',
      ),
    ).toEqual([]);
    expect(
      await rejectionMessage(
        exemptionRequests.decide(request.id, {
          status: 'denied',
          by: 'x',
          now: at(3),
        }),
      ),
    ).toMatch(/is approved; it cannot be denied/);
    await exemptionRequests.decide(request.id, {
      status: 'revoked',
      by: 'user:default/lead',
      now: at(4),
    });
    expect(
      (await exemptionRequests.list({ status: 'revoked' })).map(
        r => r.decidedBy,
      ),
    ).toEqual(['user:default/lead']);
  });

  it('claims each notification key once, and lets a failed one be claimed again', async () => {
    const { notifications } = await setup();
    expect(await notifications.claim(['a', 'b', 'a'], at(1))).toEqual(
      expect.arrayContaining(['a', 'b']),
    );
    expect(await notifications.claim(['a', 'c'], at(2))).toEqual(['c']);
    await notifications.release(['c']);
    expect(await notifications.claim(['c'], at(3))).toEqual(['c']);
  });
});
