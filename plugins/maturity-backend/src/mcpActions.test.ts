import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import request from 'supertest';
import {
  demoEntity,
  demoMaturityConfig,
  examplesDir,
} from './__testUtils__/demo';
import { directoryUrlReaderFactory } from './__testUtils__/directoryUrlReader';
import { httpAuthWithActors } from './__testUtils__/httpAuthWithActors';
import {
  policyUsers,
  restrictivePolicyModule,
} from './__testUtils__/restrictivePolicy';
import maturityFeatures from './index';

jest.setTimeout(120_000);

// The real MCP actions backend in front of the plugin's actions, and the
// official MCP TypeScript SDK's client, as an agent connects to Backstage.
describe('the maturity actions through MCP', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const clients: Client[] = [];

  async function connect(user: string) {
    const address = backend.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const client = new Client({
      name: 'maturity-test-agent',
      version: '1.0.0',
    });
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(`http://127.0.0.1:${port}/api/mcp-actions/v1`),
        {
          requestInit: {
            headers: { Authorization: mockCredentials.user.header(user) },
          },
        },
      ),
    );
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        maturityFeatures,
        import('@backstage/plugin-mcp-actions-backend'),
        directoryUrlReaderFactory(examplesDir),
        catalogServiceMock.factory({
          entities: [
            demoEntity('payments-api'),
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Group',
              metadata: { name: 'payments', namespace: 'default' },
              spec: { type: 'team', children: [] },
            },
          ],
        }),
        import('@backstage/plugin-permission-backend'),
        restrictivePolicyModule,
        permissionsServiceFactory,
        httpAuthWithActors,
        mockServices.rootConfig.factory({
          data: {
            ...demoMaturityConfig(),
            permission: { enabled: true },
            backend: { actions: { pluginSources: ['maturity'] } },
          },
        }),
      ],
    });
    await request(backend.server)
      .post('/api/maturity/scores/component/default/payments-api/refresh')
      .set('Authorization', mockCredentials.user.header(policyUsers.admin))
      .expect(200);
  });
  afterAll(async () => {
    await Promise.all(clients.map(c => c.close()));
    await backend?.stop();
  });

  // Tool names are `<plugin>.<action>` (mcpActions.namespacedToolNames).
  it('lists the tools, read-only ones marked so', async () => {
    const client = await connect(policyUsers.admin);
    const { tools } = await client.listTools();
    const byName = new Map(tools.map(t => [t.name, t]));
    expect([...byName.keys()].sort()).toEqual(
      expect.arrayContaining([
        'maturity.explain-check',
        'maturity.get-campaign-progress',
        'maturity.get-entity-score',
        'maturity.get-next-steps',
        'maturity.list-scores',
        'maturity.plan-gaps',
        'maturity.refresh-entity-score',
      ]),
    );
    expect(byName.get('maturity.get-entity-score')?.annotations).toMatchObject({
      readOnlyHint: true,
      idempotentHint: true,
      destructiveHint: false,
    });
    expect(
      byName.get('maturity.refresh-entity-score')?.annotations,
    ).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
    });
    expect(
      byName.get('maturity.get-entity-score')?.inputSchema.required,
    ).toEqual(['entityRef']);
  });

  it('answers get-entity-score with the stored score and the failing checks with evidence', async () => {
    const client = await connect(policyUsers.admin);
    const stored = await request(backend.server)
      .get('/api/maturity/scores/component/default/payments-api')
      .set('Authorization', mockCredentials.user.header(policyUsers.admin))
      .expect(200);
    const result: any = await client.callTool({
      name: 'maturity.get-entity-score',
      arguments: { entityRef: 'payments-api' },
    });
    expect(result.isError).toBeFalsy();
    const output = JSON.parse(result.content[0].text);
    expect(output).toMatchObject({
      entityRef: 'component:default/payments-api',
      level: stored.body.level,
      score: stored.body.score,
    });
    const notPassing = stored.body.detail.results.filter(
      (r: any) => r.status !== 'pass' && r.status !== 'not-applicable',
    );
    expect(output.notPassing.map((r: any) => r.checkId)).toEqual(
      notPassing.map((r: any) => r.checkId),
    );

    const explained: any = await client.callTool({
      name: 'maturity.explain-check',
      arguments: { checkId: 'obs.alerts' },
    });
    expect(JSON.parse(explained.content[0].text)).toMatchObject({
      id: 'obs.alerts',
      title: 'Alerting rules as code',
    });
  });

  it('plans gaps without writing: what a fix would change, and what it cannot fix', async () => {
    const client = await connect(policyUsers.admin);
    const result: any = await client.callTool({
      name: 'maturity.plan-gaps',
      arguments: {
        entityRef: 'component:default/payments-api',
        checks: ['rel.chaos'],
      },
    });
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(result.content[0].text)).toMatchObject({
      checks: [],
      files: [],
      skipped: [
        { id: 'rel.chaos', reason: expect.stringMatching(/^no generator/) },
      ],
    });
    const unknown: any = await client.callTool({
      name: 'maturity.plan-gaps',
      arguments: { entityRef: 'payments-api', checks: ['nope'] },
    });
    expect(unknown.isError).toBe(true);
    expect(unknown.content[0].text).toContain('Not checks of the rubric: nope');
  });

  it('applies the score read permission exactly as the REST API does', async () => {
    const client = await connect(policyUsers.scoreDenied);
    const result: any = await client.callTool({
      name: 'maturity.get-entity-score',
      arguments: { entityRef: 'component:default/payments-api' },
    });
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toContain(
      'No score for component:default/payments-api',
    );
    const rest = await request(backend.server)
      .get('/api/maturity/scores/component/default/payments-api')
      .set(
        'Authorization',
        mockCredentials.user.header(policyUsers.scoreDenied),
      );
    expect(rest.status).toBe(404);

    const listed: any = await client.callTool({
      name: 'maturity.list-scores',
      arguments: {},
    });
    expect(JSON.parse(listed.content[0].text)).toEqual({
      totalCount: 0,
      items: [],
    });
    const bad: any = await client.callTool({
      name: 'maturity.list-scores',
      arguments: { level: ['platinum'] },
    });
    expect(bad.isError).toBe(true);
    expect(bad.content[0].text).toContain('"platinum" is not a level');
  });
});
