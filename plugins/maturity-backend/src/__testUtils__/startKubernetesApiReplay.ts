import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';

/**
 * A loopback HTTP server that answers Kubernetes API list requests
 * (`/api/v1/pods?labelSelector=backstage.io/kubernetes-id=NAME`, ...) from
 * JSON files named `<kubernetes-id>.<plural>.json` in `fixturesDir`, and with
 * an empty list otherwise — the way a cluster answers for kinds the service
 * does not have. It records every path it was asked for.
 */
export async function startKubernetesApiReplay(fixturesDir: string) {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    const plural = url.pathname.split('/').filter(Boolean).pop() ?? '';
    const selector = url.searchParams.get('labelSelector') ?? '';
    const id = /backstage\.io\/kubernetes-id=([^,]+)/.exec(selector)?.[1];
    const file = id && path.join(fixturesDir, `${id}.${plural}.json`);
    res.setHeader('Content-Type', 'application/json');
    if (file && fs.existsSync(file)) {
      res.end(fs.readFileSync(file));
      return;
    }
    res.end(
      JSON.stringify({
        kind: 'List',
        apiVersion: 'v1',
        metadata: { resourceVersion: '1' },
        items: [],
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
