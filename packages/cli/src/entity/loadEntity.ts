import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { UsageError } from '../UsageError';

const CATALOG_FILES = ['catalog-info.yaml', 'catalog-info.yml'];

function isEntity(value: unknown): value is Entity {
  const v = value as Partial<Entity> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.kind === 'string' &&
    typeof v.apiVersion === 'string' &&
    typeof v.metadata?.name === 'string'
  );
}

/**
 * Picks the entity a repository describes from a catalog file: the first
 * Component, else the first entity of any kind.
 */
export function pickEntity(text: string, file: string): Entity | undefined {
  const entities: Entity[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      throw new UsageError(
        `${file}: not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
      );
    }
    const value = doc.toJS();
    if (isEntity(value)) entities.push(value);
  }
  return entities.find(e => e.kind === 'Component') ?? entities[0];
}

/**
 * The entity to score: the `--entity` file when given (it must exist and
 * hold an entity), otherwise `catalog-info.yaml` at the root of the tree when
 * present. Without either, catalog checks are reported `unknown`.
 */
export async function loadEntity(options: {
  entityFile?: string;
  treeDir: string;
}): Promise<{ entity?: Entity; file?: string }> {
  if (options.entityFile) {
    const text = await fs
      .readFile(options.entityFile, 'utf8')
      .catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(
          `cannot read --entity ${options.entityFile}: ${
            error.code ?? error.message
          }`,
        );
      });
    const entity = pickEntity(text, options.entityFile);
    if (!entity) {
      throw new UsageError(
        `--entity ${options.entityFile} holds no catalog entity (apiVersion, kind, metadata.name)`,
      );
    }
    return { entity, file: options.entityFile };
  }
  for (const name of CATALOG_FILES) {
    const file = path.join(options.treeDir, name);
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) {
      return { entity: pickEntity(text, name), file: name };
    }
  }
  return {};
}
