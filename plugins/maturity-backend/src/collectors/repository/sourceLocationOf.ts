import type { Entity } from '@backstage/catalog-model';

/**
 * Where an entity's source tree is: `backstage.io/source-location`
 * (`url:` targets only), else the folder of the file it was registered from
 * (`backstage.io/managed-by-location`). Undefined when neither is a URL.
 */
export function sourceLocationOf(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const source = annotations['backstage.io/source-location'];
  if (source?.startsWith('url:')) return source.slice('url:'.length);
  const managed = annotations['backstage.io/managed-by-location'];
  if (managed?.startsWith('url:')) {
    const url = managed.slice('url:'.length);
    return url.slice(0, url.lastIndexOf('/') + 1);
  }
  return undefined;
}
