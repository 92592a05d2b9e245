import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';

const RECORDED_API = 'https://api.github.com';

/** A request the fake GitHub received. */
export interface RecordedRequest {
  method: string;
  path: string;
  body: any;
}

/** A running fake of GitHub's API on a loopback port. */
export interface FakeGithubApi {
  /** Use as `integrations.github[].apiBaseUrl`. */
  url: string;
  requests: RecordedRequest[];
  /** Whether the branch has an open pull request (GraphQL answer). */
  openPullRequest: boolean;
  stop(): Promise<void>;
}

async function tarball(repo: string, sourceDir: string, sha: string) {
  // GitHub's tarballs hold one top folder, <owner>-<repo>-<short sha>.
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-tarball-'));
  const top = `roadmap-demo-${repo}-${sha.slice(0, 7)}`;
  fs.cpSync(sourceDir, path.join(staging, top), { recursive: true });
  const file = path.join(staging, 'archive.tar.gz');
  await tar.create({ gzip: true, cwd: staging, file }, [top]);
  const data = fs.readFileSync(file);
  fs.rmSync(staging, { recursive: true, force: true });
  return data;
}

/**
 * Serves what the scaffolder asks GitHub while running a pull-request
 * template against `roadmap-demo/<repo>`: the repository reader's status,
 * metadata and tarball (built from `sourceDir`), and the git data and pulls
 * calls of publish:github:pull-request, from the JSON files beside this
 * one. Every request is recorded for the test to assert.
 */
export async function startFakeGithubApi(options: {
  repo: string;
  sourceDir: string;
}): Promise<FakeGithubApi> {
  const requests: RecordedRequest[] = [];
  let blob = 0;
  const state = { openPullRequest: false };
  const base = `/repos/roadmap-demo/${options.repo}`;
  let url = '';
  const fixture = (name: string) =>
    JSON.parse(
      fs
        .readFileSync(path.join(__dirname, 'github', name), 'utf8')
        .split(RECORDED_API)
        .join(url),
    );

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    requests.push({
      method: req.method ?? 'GET',
      path: decodeURIComponent(pathname),
      body,
    });
    const json = (status: number, data: unknown) => {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-oauth-scopes': 'repo, workflow',
      });
      res.end(JSON.stringify(data));
    };
    const route = `${req.method} ${pathname}`;
    if (route.startsWith(`GET ${base}/commits/`) && route.endsWith('/status'))
      return json(200, fixture('commit-status.json'));
    if (route === `GET ${base}`) return json(200, fixture('repository.json'));
    if (route.startsWith(`GET ${base}/tarball/`)) {
      const data = await tarball(
        options.repo,
        options.sourceDir,
        pathname.split('/').pop()!,
      );
      res.writeHead(200, { 'content-type': 'application/x-gzip' });
      return res.end(data);
    }
    if (route === `GET ${base}/commits`)
      return json(200, fixture('commits.json'));
    if (route === `POST ${base}/git/blobs`) {
      blob += 1;
      return json(201, { sha: blob.toString(16).padStart(40, 'b') });
    }
    if (route === `POST ${base}/git/trees`)
      return json(201, fixture('tree.json'));
    if (route === `POST ${base}/git/commits`)
      return json(201, fixture('commit.json'));
    if (route === 'POST /graphql')
      return json(
        200,
        fixture(
          state.openPullRequest
            ? 'graphql-open-pull-request.json'
            : 'graphql-no-branch.json',
        ),
      );
    if (route === `POST ${base}/git/refs`)
      return json(201, { ...fixture('ref.json'), ref: body?.ref });
    if (route.startsWith(`PATCH ${base}/git/refs/`))
      return json(200, fixture('ref.json'));
    if (route === `POST ${base}/pulls`) return json(201, fixture('pull.json'));
    if (route.startsWith(`PATCH ${base}/pulls/`))
      return json(200, fixture('pull.json'));
    return json(404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    get openPullRequest() {
      return state.openPullRequest;
    },
    set openPullRequest(value: boolean) {
      state.openPullRequest = value;
    },
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
