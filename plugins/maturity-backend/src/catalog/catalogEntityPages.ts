import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

const PAGE_SIZE = 1000;

/**
 * Walks the catalog a page at a time (cursor paging), so that a caller
 * holds one page of entities at once, never the whole catalog.
 */
export async function* catalogEntityPages(
  catalog: CatalogService,
  options: {
    credentials: BackstageCredentials;
    fields?: string[];
    filter?: Record<string, string>;
  },
): AsyncGenerator<Entity[]> {
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: PAGE_SIZE }
        : {
            limit: PAGE_SIZE,
            ...(options.fields ? { fields: options.fields } : {}),
          },
      { credentials: options.credentials },
    );
    yield page.items;
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
}
