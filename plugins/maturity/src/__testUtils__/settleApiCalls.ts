import { act } from '@testing-library/react';

/**
 * Waits, inside act(), for every answer that the mocked API's methods have
 * been asked for so far, so that the state updates they cause land in the
 * test and not after it. For answers that change nothing a test can wait for
 * on screen (the overview's facets behind a closed filter, say); where the
 * answer is visible, wait for what it shows instead.
 */
export async function settleApiCalls(api: object): Promise<void> {
  const answers = Object.values(api).flatMap(method =>
    jest.isMockFunction(method)
      ? method.mock.results.map(result => result.value)
      : [],
  );
  await act(async () => {
    await Promise.allSettled(answers);
  });
}
