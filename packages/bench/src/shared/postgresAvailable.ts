import net from 'node:net';

/**
 * The PostgreSQL server for benchmarks: the connection string of
 * `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING`, or the server on
 * 127.0.0.1:5432 (user postgres, no password) when one answers.
 */
export async function postgresAvailable(): Promise<string | undefined> {
  const fromEnv =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (fromEnv) return fromEnv;
  return new Promise(resolve => {
    const socket = net.connect(5432, '127.0.0.1', () => {
      socket.end();
      resolve('postgresql://postgres@127.0.0.1:5432');
    });
    socket.on('error', () => resolve(undefined));
  });
}
