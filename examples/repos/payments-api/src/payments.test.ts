import { describe, expect, it } from 'vitest';

describe('payments', () => {
  it('rejects negative amounts', () => {
    expect(-1 > 0).toBe(false);
  });
});
