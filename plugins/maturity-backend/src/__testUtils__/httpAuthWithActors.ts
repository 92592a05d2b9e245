import {
  type BackstageCredentials,
  type BackstagePrincipalTypes,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

const SERVICE_TOKEN_PREFIX = mockCredentials.service
  .token({ onBehalfOf: mockCredentials.user(), targetPluginId: 'x' })
  .split('{')[0];

/**
 * The mock `httpAuth` of `@backstage/backend-test-utils`, except that a
 * request a plugin makes on behalf of a user carries the calling plugin as
 * the user principal's `actor` — as Backstage's real auth does. The real
 * permission backend refuses conditional decisions for direct user requests
 * (no actor), so without this a test cannot exercise a plugin asking the
 * permission backend on behalf of its caller.
 */
export const httpAuthWithActors = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const inner = mockServices.httpAuth({ pluginId: plugin.getId() });
    return {
      issueUserCookie: inner.issueUserCookie.bind(inner),
      async credentials(req: any, options?: any) {
        const credentials = (await inner.credentials(
          req,
          options,
        )) as BackstageCredentials<
          BackstagePrincipalTypes['user' | 'service' | 'none']
        >;
        const token = String(req.headers?.authorization ?? '').replace(
          /^Bearer /,
          '',
        );
        if (
          token.startsWith(SERVICE_TOKEN_PREFIX) &&
          credentials.principal.type === 'user'
        ) {
          const { obo } = JSON.parse(token.slice(SERVICE_TOKEN_PREFIX.length));
          if (obo) {
            return mockCredentials.user(obo, {
              actor: { subject: 'plugin:caller' },
            }) as any;
          }
        }
        return credentials;
      },
    } as typeof inner;
  },
});
