import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';

// Runs the maturity backend plugin on its own (`yarn start` in this folder)
// with mocked auth, so its routes can be called with curl:
//
//   curl http://localhost:7007/api/maturity/health
const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(import('../src'));

backend.start();
