import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** An entity to choose in a form: its ref and what people call it. */
export interface CatalogChoice {
  ref: string;
  title: string;
}

/**
 * The catalog's Groups and Systems, for the campaign form's owner and
 * scope pickers. Only the few fields a picker shows are fetched.
 */
export function useCatalogChoices() {
  const catalog = useApi(catalogApiRef);
  return useAsync(async () => {
    const { items } = await catalog.getEntities({
      filter: { kind: ['Group', 'System'] },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    const choices = (kind: string): CatalogChoice[] =>
      items
        .filter(e => e.kind.toLocaleLowerCase('en-US') === kind)
        .map(e => ({
          ref: stringifyEntityRef(e),
          title: e.metadata.title ?? e.metadata.name,
        }))
        .sort((a, b) => a.title.localeCompare(b.title));
    return { groups: choices('group'), systems: choices('system') };
  }, [catalog]);
}
