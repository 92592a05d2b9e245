import { createServiceFactory } from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { LocalDirectoryUrlReader } from './LocalDirectoryUrlReader';

/**
 * Demo only: adds the local-folder reader to the backend's UrlReader, as
 * Backstage documents for custom readers, so the URLs under
 * `localRepositories[].urlPrefix` are read from disk by every plugin (the
 * maturity plugin's repository collector, its remediation plan, the
 * scaffolder) and all other URLs still go to the integrations.
 */
export const localRepositoriesUrlReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return LocalDirectoryUrlReader.factory;
  },
});
