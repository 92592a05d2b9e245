import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

// The demo portal's catalog (examples/), as app-config.yaml registers it.
const examples = path.resolve(__dirname, '../../../examples');

type Entity = {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: any;
};

function read(file: string): Entity[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map(doc => {
    expect(doc.errors).toEqual([]);
    return doc.toJS();
  });
}

describe('the demo catalog', () => {
  const location = read(path.join(examples, 'all.yaml'))[0];
  const entities = (location.spec.targets as string[]).flatMap(t =>
    read(path.join(examples, t)),
  );
  const byRef = new Set(
    entities.map(e => `${e.kind.toLowerCase()}:${e.metadata.name}`),
  );
  const components = entities.filter(e => e.kind === 'Component');

  it('has teams, systems, APIs and about a dozen components', () => {
    expect(
      entities.filter(e => e.kind === 'Group').length,
    ).toBeGreaterThanOrEqual(4);
    expect(
      entities.filter(e => e.kind === 'System').length,
    ).toBeGreaterThanOrEqual(2);
    expect(
      entities.filter(e => e.kind === 'API').length,
    ).toBeGreaterThanOrEqual(3);
    expect(components.length).toBeGreaterThanOrEqual(10);
  });

  it('lets the guest sign in as a member of a team', () => {
    const guest = entities.find(
      e => e.kind === 'User' && e.metadata.name === 'guest',
    );
    expect(guest?.spec.memberOf).toEqual(['platform']);
  });

  it.each(components.map(c => [c.metadata.name, c] as const))(
    '%s resolves its owner, system and APIs, and has its example repository',
    (name, component) => {
      const ref = (kind: string, target: string) =>
        `${kind}:${target.replace(/^\w+:(default\/)?/, '')}`;
      expect(
        byRef.has(
          ref(
            component.spec.owner.startsWith('user:') ? 'user' : 'group',
            component.spec.owner,
          ),
        ),
      ).toBe(true);
      expect(
        !component.spec.system ||
          byRef.has(ref('system', component.spec.system)),
      ).toBe(true);
      for (const api of [
        ...(component.spec.providesApis ?? []),
        ...(component.spec.consumesApis ?? []),
      ]) {
        expect([api, byRef.has(ref('api', api))]).toEqual([api, true]);
      }
      expect(
        component.metadata.annotations?.['backstage.io/source-location'],
      ).toBe(`url:https://github.com/roadmap-demo/${name}/tree/main/`);
      const own = read(
        path.join(examples, 'repos', name, 'catalog-info.yaml'),
      )[0];
      expect(own).toEqual(component);
    },
  );
});
