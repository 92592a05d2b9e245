import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { AlphaEntity } from '@backstage/catalog-model/alpha';
import catalogPlugin, {
  CATALOG_ERRORS_TOPIC,
} from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// The demo portal's catalog as `yarn start` loads it: the locations of the
// root app-config.yaml, whose file targets are relative to the backend's
// folder (packages/backend, where the backend runs).
const repoRoot = path.resolve(__dirname, '../../..');
const backendDir = path.resolve(__dirname, '..');
const examples = path.join(repoRoot, 'examples');
const appConfig = parse(
  fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
);
type LocationConfig = { type: string; target: string };
const locations: LocationConfig[] = appConfig.catalog.locations.map(
  (l: LocationConfig) =>
    l.type === 'file'
      ? { ...l, target: path.resolve(backendDir, l.target) }
      : l,
);

function readYaml(file: string): Entity[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map(doc => {
    expect([file, doc.errors]).toEqual([file, []]);
    return doc.toJS();
  });
}

/** Every entity the files declare, following Location entities' targets. */
function declaredEntities(file: string): Entity[] {
  return readYaml(file).flatMap(entity => [
    entity,
    ...(entity.kind === 'Location'
      ? (entity.spec!.targets as string[]).flatMap(target =>
          declaredEntities(path.resolve(path.dirname(file), target)),
        )
      : []),
  ]);
}

interface CatalogError {
  entity: string;
  location?: string;
  errors: { message: string }[];
}

/** Collects what the catalog publishes about entities it could not process
 * (the demo backend's catalog-backend-module-logs logs the same events). */
function catalogErrorsInto(errors: CatalogError[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'demo-catalog-errors',
    register(env) {
      env.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          await events.subscribe({
            id: 'demo-catalog-test',
            topics: [CATALOG_ERRORS_TOPIC],
            async onEvent({ eventPayload }) {
              errors.push(eventPayload as CatalogError);
            },
          });
        },
      });
    },
  });
}

/** What is wrong with the catalog's state, if anything. */
function problemsOf(
  stored: AlphaEntity[],
  declared: string[],
  errors: CatalogError[],
): string[] {
  const refs = new Set(stored.map(e => stringifyEntityRef(e)));
  return [
    ...errors.flatMap(e =>
      e.errors.map(error => `${e.entity}: ${error.message}`),
    ),
    ...declared
      .filter(ref => !refs.has(ref))
      .map(ref => `${ref}: declared but not in the catalog`),
    ...stored.flatMap(entity =>
      (entity.status?.items ?? [])
        .filter(item => item.level === 'error')
        .map(item => `${stringifyEntityRef(entity)}: ${item.message}`),
    ),
    ...stored.flatMap(entity =>
      (entity.relations ?? [])
        .filter(r => !refs.has(r.targetRef))
        .map(
          r =>
            `${stringifyEntityRef(entity)} ${r.type} ${
              r.targetRef
            }: no such entity`,
        ),
    ),
  ];
}

jest.setTimeout(120_000);

describe('the demo catalog, through the real catalog backend', () => {
  const declared = locations
    .filter(l => l.type === 'file')
    .flatMap(l => declaredEntities(l.target));

  it('loads every declared entity without a processing error or a dangling relation', async () => {
    const errors: CatalogError[] = [];
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        // the demo backend's module for Template entities (templates/)
        catalogModuleScaffolderEntityModel,
        catalogErrorsInto(errors),
        mockServices.rootConfig.factory({
          data: { catalog: { ...appConfig.catalog, locations } },
        }),
      ],
    });
    try {
      const declaredRefs = declared.map(e => stringifyEntityRef(e));
      const entitiesUrl = `http://localhost:${backend.server.port()}/api/catalog/entities`;
      // The catalog processes in the background: poll until every declared
      // entity is stored or has reported its error, then until relations
      // resolve (unless an entity failed: relations to it never will). A
      // timeout lists what was still wrong.
      const deadline = Date.now() + 90_000;
      let problems: string[] = [];
      for (;;) {
        const response = await fetch(entitiesUrl);
        expect(response.status).toBe(200);
        const stored = (await response.json()) as AlphaEntity[];
        problems = problemsOf(stored, declaredRefs, errors);
        const accountedFor = new Set([
          ...stored.map(e => stringifyEntityRef(e)),
          ...errors.map(e => e.entity),
        ]);
        const settled = declaredRefs.every(ref => accountedFor.has(ref));
        if (problems.length === 0 || Date.now() > deadline) break;
        if (settled && errors.length > 0) break;
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      expect(problems).toEqual([]);
    } finally {
      await backend.stop();
    }
  });

  it('has teams, systems, APIs and about a dozen components', () => {
    const count = (kind: string) =>
      declared.filter(e => e.kind === kind).length;
    expect(count('Group')).toBeGreaterThanOrEqual(4);
    expect(count('System')).toBeGreaterThanOrEqual(2);
    expect(count('API')).toBeGreaterThanOrEqual(3);
    expect(count('Component')).toBeGreaterThanOrEqual(10);
  });

  it('lets the guest sign in as a member of a team', () => {
    const guest = declared.find(
      e => e.kind === 'User' && e.metadata.name === 'guest',
    );
    expect(guest?.spec?.memberOf).toEqual(['platform']);
  });

  const apis = declared.filter(e => e.kind === 'API');
  it.each(apis.map(a => [a.metadata.name, a] as const))(
    'API %s carries the definition file of its example repository',
    (_name, api) => {
      const viewUrl = api.metadata.annotations?.['backstage.io/view-url'];
      const [, repo, file] =
        /^https:\/\/github\.com\/roadmap-demo\/([^/]+)\/blob\/main\/(.+)$/.exec(
          viewUrl ?? '',
        ) ?? [];
      expect([viewUrl, repo, file]).toEqual([
        viewUrl,
        expect.any(String),
        expect.any(String),
      ]);
      expect(api.spec?.definition).toBe(
        fs.readFileSync(path.join(examples, 'repos', repo, file), 'utf8'),
      );
    },
  );

  const components = declared.filter(e => e.kind === 'Component');
  it.each(components.map(c => [c.metadata.name, c] as const))(
    '%s points at its example repository, whose catalog-info.yaml is the same entity',
    (name, component) => {
      expect(
        component.metadata.annotations?.['backstage.io/source-location'],
      ).toBe(`url:https://github.com/roadmap-demo/${name}/tree/main/`);
      const own = readYaml(
        path.join(examples, 'repos', name, 'catalog-info.yaml'),
      )[0];
      expect(own).toEqual(component);
    },
  );
});
