import { checksByStatus } from './checksByStatus';

describe('checksByStatus', () => {
  it('orders failing, unknown, exempt, then passing checks, keeping the order within each', () => {
    const checks = [
      { id: 'p1', status: 'pass' as const },
      { id: 'u1', status: 'unknown' as const },
      { id: 'f1', status: 'fail' as const },
      { id: 'e1', status: 'exempt' as const },
      { id: 'f2', status: 'fail' as const },
      { id: 'p2', status: 'pass' as const },
    ];
    expect(checksByStatus(checks).map(c => c.id)).toEqual([
      'f1',
      'f2',
      'u1',
      'e1',
      'p1',
      'p2',
    ]);
    // the input is left as it was
    expect(checks[0].id).toBe('p1');
  });
});
