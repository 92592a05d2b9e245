import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The demo's example repositories. */
export const examplesDir = path.resolve(
  __dirname,
  '../../../../examples/repos',
);

/** A demo service's entity, as the catalog would hold it. */
export function demoEntity(name: string): Entity {
  const entity = parse(
    fs.readFileSync(path.join(examplesDir, name, 'catalog-info.yaml'), 'utf8'),
  ) as Entity;
  entity.metadata.namespace = 'default';
  entity.relations = [
    { type: 'ownedBy', targetRef: String(entity.spec!.owner) },
  ];
  return entity;
}

/**
 * `maturity` config for tests: no cluster, and a schedule that does not fire
 * on its own (pass `schedule` to let the test backend run the refresh at
 * start). The example repositories are read through
 * `directoryUrlReaderFactory(examplesDir)`.
 */
export function demoMaturityConfig(extra: Record<string, unknown> = {}) {
  return {
    maturity: {
      kubernetes: { enabled: false },
      schedule: {
        frequency: { hours: 24 },
        timeout: { minutes: 5 },
        initialDelay: { hours: 24 },
      },
      ...extra,
    },
  };
}
