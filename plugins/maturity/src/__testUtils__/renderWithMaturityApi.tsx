import type { Entity } from '@backstage/catalog-model';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type { ReactElement } from 'react';
import { maturityApiRef, type MaturityApi } from '../api/MaturityApi';

/**
 * Renders a piece of the plugin in a test app, on the given maturity API:
 * on an entity's page when `entity` is given, and with every permission
 * decision `permission` (ALLOW unless told otherwise).
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
    app?: Parameters<typeof renderInTestApp>[1];
  },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [maturityApiRef, options.api],
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
