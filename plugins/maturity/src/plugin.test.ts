import { maturityPlugin } from './plugin';

describe('maturity', () => {
  it('should export plugin', () => {
    expect(maturityPlugin).toBeDefined();
  });
});
