import type { Entity } from '@backstage/catalog-model';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import {
  type CatalogApi,
  catalogApiRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type { ReactElement } from 'react';
import { maturityApiRef, type MaturityApi } from '../api/MaturityApi';

const team = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name,
    namespace: 'default',
    title: `${name[0].toUpperCase()}${name.slice(1)}`,
  },
  spec: { type: 'team', children: [] },
});

/** The demo's teams, as the catalog serves them. */
export function testCatalog(): CatalogApi {
  return catalogApiMock({
    entities: ['platform', 'payments', 'search', 'growth'].map(team),
  });
}

/**
 * Renders a piece of the plugin in a test app, on the given maturity API:
 * on an entity's page when `entity` is given, and with every permission
 * decision `permission` (ALLOW unless told otherwise), over a catalog of
 * the demo's teams unless `catalog` is given.
 *
 * Tests do not await it: awaiting the (synchronous) render would yield to
 * the mock API's answers before the test's first wait begins, and their
 * state updates would land outside act().
 */
export function renderWithMaturityApi(
  element: ReactElement,
  options: {
    api: MaturityApi;
    entity?: Entity;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    catalog?: CatalogApi;
    app?: Parameters<typeof renderInTestApp>[1];
  },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [maturityApiRef, options.api],
        [catalogApiRef, options.catalog ?? testCatalog()],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: options.permission ?? AuthorizeResult.ALLOW,
          }),
        ],
      ]}
    >
      {options.entity ? (
        <EntityProvider entity={options.entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    options.app,
  );
}
