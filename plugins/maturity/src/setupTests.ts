import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Testing Library gives up on findBy*/waitFor after 1 s. On a loaded 2-core
// CI machine, rendering a page of the roadmap (50 checks) took up to 9.4 s
// from render to the last section in a measurement with two busy processes
// beside the test; an element that never appears still fails the test, it
// only takes longer to say so. One setting here, not a timeout per call.
configure({ asyncUtilTimeout: 20_000 });

// A test awaits several such steps (render, clicks, the next state), so the
// test itself may take a multiple of one step.
jest.setTimeout(60_000);
