import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthenticationError, NotAllowedError } from '@backstage/errors';

/** A static token of Backstage's external access, with its restriction. */
export interface StaticTokenGrant {
  subject: string;
  /** Like `accessRestrictions: [{ plugin, permission }]` in config; none: unrestricted. */
  permissionNames?: string[];
}

/**
 * `httpAuth` for tests that answers static external-access tokens as
 * Backstage's does (`backend.auth.externalAccess` with `type: static`): the
 * caller is the service principal `external:<subject>` carrying the
 * token's access restriction, which the real permissions service then
 * enforces. Backstage's own auth service cannot be loaded under Jest here
 * (its JWT library is ESM-only); the demo backend runs the real one.
 */
export function staticTokenHttpAuth(grants: Record<string, StaticTokenGrant>) {
  return createServiceFactory({
    service: coreServices.httpAuth,
    deps: { plugin: coreServices.pluginMetadata },
    factory({ plugin }) {
      const inner = mockServices.httpAuth({ pluginId: plugin.getId() });
      return {
        issueUserCookie: inner.issueUserCookie.bind(inner),
        async credentials(req: any, options?: any) {
          const header = String(req.headers?.authorization ?? '');
          const grant = grants[header.replace(/^Bearer /, '')];
          if (!header) {
            if (options?.allow && !options.allow.includes('none')) {
              throw new AuthenticationError('Missing credentials');
            }
            return mockCredentials.none() as any;
          }
          if (!grant) return inner.credentials(req, options);
          if (options?.allow && !options.allow.includes('service')) {
            throw new NotAllowedError('This request is not for services');
          }
          return mockCredentials.service(
            `external:${grant.subject}`,
            grant.permissionNames
              ? { permissionNames: grant.permissionNames }
              : undefined,
          ) as any;
        },
      } as typeof inner;
    },
  });
}
