import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { demoEntity, examplesDir } from '../../__testUtils__/demo';
import { directoryUrlReader } from '../../__testUtils__/directoryUrlReader';
import { RepositoryCollector } from './RepositoryCollector';

function countingReader() {
  const reader = directoryUrlReader(examplesDir);
  const reads: string[] = [];
  const etags: (string | undefined)[] = [];
  return {
    reads,
    etags,
    reader: {
      readUrl: reader.readUrl.bind(reader),
      search: reader.search.bind(reader),
      readTree: (url: string, options?: any) => {
        reads.push(url);
        etags.push(options?.etag);
        return reader.readTree(url, options);
      },
    },
  };
}

function renamed(entity: Entity, name: string): Entity {
  return { ...entity, metadata: { ...entity.metadata, name } };
}

describe('RepositoryCollector', () => {
  it('reads a source location shared by several components once per batch', async () => {
    const { reads, reader } = countingReader();
    const collector = new RepositoryCollector({ urlReader: reader });
    const payments = demoEntity('payments-api');
    const entities = [
      payments,
      renamed(payments, 'payments-api-worker'),
      renamed(payments, 'payments-api-cron'),
      demoEntity('legacy-billing'),
    ];
    const result = await collector.collect({
      entities,
      now: new Date(),
      logger: mockServices.logger.mock(),
      previous: new Map(),
    } as any);

    expect(reads).toHaveLength(2);
    expect(result.failures!.size).toBe(0);
    const pipeline = (ref: string) =>
      result.facts.get(ref)!.find(f => f.id === 'repository.ci.pipeline')
        ?.value;
    expect(pipeline('component:default/payments-api')).toBe(true);
    expect(pipeline('component:default/payments-api-cron')).toBe(true);
    expect(result.facts.get('component:default/payments-api-worker')).toBe(
      result.facts.get('component:default/payments-api'),
    );
    expect(result.etags!.get('component:default/payments-api-cron')).toBe(
      result.etags!.get('component:default/payments-api'),
    );
  });

  it('reuses the last facts of an unchanged tree and names a missing location', async () => {
    const { reader } = countingReader();
    const collector = new RepositoryCollector({ urlReader: reader });
    const payments = demoEntity('payments-api');
    const first = await collector.collect({
      entities: [payments],
      now: new Date(),
      logger: mockServices.logger.mock(),
      previous: new Map(),
    } as any);
    const ref = 'component:default/payments-api';
    const previous = new Map([
      [
        ref,
        {
          facts: first.facts.get(ref)!,
          etag: first.etags!.get(ref),
        },
      ],
    ]);
    const noLocation: Entity = {
      ...payments,
      metadata: { name: 'nowhere', namespace: 'default', annotations: {} },
    };
    const second = await collector.collect({
      entities: [payments, noLocation],
      now: new Date(),
      logger: mockServices.logger.mock(),
      previous,
    } as any);
    expect(second.facts.get(ref)).toBe(first.facts.get(ref));
    expect(second.failures!.get('component:default/nowhere')).toMatch(
      /source-location/,
    );
  });

  it('detects a tree once across batches and only revalidates it later', async () => {
    const { etags, reader } = countingReader();
    const collector = new RepositoryCollector({ urlReader: reader });
    const payments = demoEntity('payments-api');
    const batch = (entity: Entity) =>
      collector.collect({
        entities: [entity],
        now: new Date(),
        logger: mockServices.logger.mock(),
        previous: new Map(),
      } as any);
    const first = await batch(payments);
    // A later batch: another component of the same repository, never scored.
    const second = await batch(renamed(payments, 'payments-api-worker'));
    const firstEtag = first.etags!.get('component:default/payments-api');
    expect(firstEtag).toBeDefined();
    expect(etags).toEqual([undefined, firstEtag]);
    expect(second.facts.get('component:default/payments-api-worker')).toBe(
      first.facts.get('component:default/payments-api'),
    );
    expect(second.etags!.get('component:default/payments-api-worker')).toBe(
      firstEtag,
    );
  });
});
