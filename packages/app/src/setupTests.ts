import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Testing Library gives up on findBy*/waitFor after 1 s; the whole app
// (every plugin's extensions, loaded lazily) needs more on a loaded 2-core
// CI machine. One setting for the package, as in plugins/maturity; an
// element that never appears still fails the test, only later.
configure({ asyncUtilTimeout: 20_000 });
jest.setTimeout(60_000);
