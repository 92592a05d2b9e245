import type { BackstageCredentials } from '@backstage/backend-plugin-api';

/** Who is acting, for the record: the user's entity ref, or the service's subject. */
export function principalOf(credentials: BackstageCredentials): string {
  const p = credentials.principal as {
    userEntityRef?: string;
    subject?: string;
  };
  return p.userEntityRef ?? p.subject ?? 'unknown';
}
