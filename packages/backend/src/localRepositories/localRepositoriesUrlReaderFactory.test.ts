import {
  coreServices,
  createBackendPlugin,
  type UrlReaderService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import path from 'node:path';
import { localRepositoriesUrlReaderFactory } from './localRepositoriesUrlReaderFactory';

const examples = path.resolve(__dirname, '../../../../examples/repos');

describe('localRepositoriesUrlReaderFactory', () => {
  it('lets every plugin read the configured prefix from disk through the core UrlReader', async () => {
    let urlReader: UrlReaderService | undefined;
    await startTestBackend({
      features: [
        localRepositoriesUrlReaderFactory,
        mockServices.rootConfig.factory({
          data: {
            localRepositories: [
              {
                urlPrefix: 'https://github.com/roadmap-demo/',
                directory: examples,
              },
            ],
          },
        }),
        createBackendPlugin({
          pluginId: 'probe',
          register(env) {
            env.registerInit({
              deps: { reader: coreServices.urlReader },
              async init({ reader }) {
                urlReader = reader;
              },
            });
          },
        }),
      ],
    });

    const tree = await urlReader!.readTree(
      'https://github.com/roadmap-demo/payments-api/tree/main/',
    );
    const files = (await tree.files()).map(f => f.path);
    expect(files).toContain('catalog-info.yaml');
    expect(files).toContain('.github/workflows/ci.yml');

    // Other URLs still go to the integrations' readers, which refuse a host
    // that no integration or `backend.reading.allow` names.
    await expect(
      urlReader!.readUrl('https://git.example.com/other/README.md'),
    ).rejects.toThrow(/not allowed/);
  });
});
