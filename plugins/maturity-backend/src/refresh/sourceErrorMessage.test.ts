import { sourceErrorMessage } from './sourceErrorMessage';

describe('sourceErrorMessage', () => {
  it('keeps a source’s own reason, on one bounded line', () => {
    expect(
      sourceErrorMessage(
        'prometheus',
        new Error('connect ECONNREFUSED\n  127.0.0.1:9090'),
      ),
    ).toBe('prometheus is unavailable: connect ECONNREFUSED 127.0.0.1:9090');
    const long = sourceErrorMessage('repository', new Error('x'.repeat(1000)));
    expect(long.length).toBe(300);
    expect(long.endsWith('…')).toBe(true);
  });

  it('never passes on a database statement or driver error', () => {
    const pg = Object.assign(
      new Error(
        'insert into "maturity_facts" ("entity_ref", "facts") values ($1, $2) - terminating connection due to administrator command',
      ),
      { severity: 'FATAL', code: '57P01', routine: 'ProcessInterrupts' },
    );
    const sqlite = Object.assign(new Error('SQLITE_BUSY: database is locked'), {
      code: 'SQLITE_BUSY',
    });
    const knexWrapped = new Error(
      'update `maturity_refresh_state` set `lease_owner` = ? where `entity_ref` in (?) - timeout',
    );
    for (const error of [pg, sqlite, knexWrapped]) {
      const message = sourceErrorMessage('repository', error);
      expect(message).toBe(
        'repository is unavailable: an internal error; the plugin logs have the details',
      );
    }
  });
});
