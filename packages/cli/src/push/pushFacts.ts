import type {
  Evidence,
  Fact,
  PushFactsRequest,
  PushFactsResponse,
} from '@roadmap/plugin-maturity-common';
import { UsageError } from '../UsageError';
import type { CiEnvironment } from './ciEnvironment';

/** What `score --push` needs to upload a checkout's facts. */
export interface PushOptions {
  /** The Backstage backend, e.g. https://backstage.example.com. */
  backendUrl: string;
  entityRef: string;
  token: string;
  facts: Fact[];
  /** Fact ids the portal's rubric knows; others are not sent. */
  knownFacts: ReadonlySet<string>;
  ci: CiEnvironment;
  ttlSeconds?: number;
  version: string;
}

// The backend's bounds on evidence (see its ingest route).
const MAX_EVIDENCE = 20;
const MAX_NOTE = 500;

function linkedEvidence(evidence: Evidence, ci: CiEnvironment): Evidence {
  const bounded: Evidence = {
    ...evidence,
    ...(evidence.note ? { note: evidence.note.slice(0, MAX_NOTE) } : {}),
  };
  if (!evidence.path || evidence.url || !ci.repoWebUrl || !ci.commit) {
    return bounded;
  }
  const file = evidence.path.split('/').map(encodeURIComponent).join('/');
  return {
    ...bounded,
    url: `${ci.repoWebUrl}${ci.blobPath}${ci.commit}/${file}${
      evidence.line ? `#L${evidence.line}` : ''
    }`,
  };
}

/** The request body: the checkout's facts, with links at the commit. */
export function pushRequestOf(options: PushOptions): PushFactsRequest {
  const { ci } = options;
  const commit =
    ci.commit && /^[0-9a-f]{7,64}$/i.test(ci.commit) ? ci.commit : undefined;
  return {
    provenance: {
      source: 'maturity-cli',
      ...(commit ? { commit } : {}),
      ...(ci.runUrl && /^https?:\/\//.test(ci.runUrl)
        ? { runUrl: ci.runUrl }
        : {}),
    },
    ...(options.ttlSeconds ? { ttlSeconds: options.ttlSeconds } : {}),
    facts: options.facts
      .filter(f => options.knownFacts.has(f.id))
      .map(f => ({
        entityRef: options.entityRef,
        id: f.id,
        value: f.value,
        observedAt: f.observedAt,
        evidence: f.evidence
          .slice(0, MAX_EVIDENCE)
          .map(e => linkedEvidence(e, { ...ci, commit })),
      })),
  };
}

/**
 * Uploads the facts to `POST /api/maturity/facts`. A refusal is a
 * {@link UsageError} that says what the backend said and what to do.
 */
export async function pushFacts(
  options: PushOptions,
): Promise<PushFactsResponse> {
  let url: URL;
  try {
    url = new URL(
      'api/maturity/facts',
      `${options.backendUrl.replace(/\/+$/, '')}/`,
    );
  } catch {
    throw new UsageError(`--push "${options.backendUrl}" is not a URL`);
  }
  if (!/^https?:$/.test(url.protocol)) {
    throw new UsageError(
      `--push "${options.backendUrl}" is not an http(s) URL`,
    );
  }
  const body = pushRequestOf(options);
  if (body.facts.length === 0) {
    throw new UsageError(
      'nothing to push: no fact of this checkout is in the rubric',
    );
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${options.token}`,
        'user-agent': `maturity-cli/${options.version}`,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    throw new UsageError(
      `could not reach ${url.origin} to push facts: ${
        (error as Error).message
      }`,
    );
  }
  const text = await response.text();
  if (!response.ok) {
    let message = text.slice(0, 500);
    try {
      message = JSON.parse(text).error?.message ?? message;
    } catch {
      // Not JSON (a proxy's page): the start of the text says enough.
    }
    const hint =
      response.status === 401 || response.status === 403
        ? '; check the token (an external access token allowed maturity.facts.write)'
        : '';
    throw new UsageError(
      `push refused (${response.status}): ${message}${hint}`,
    );
  }
  return JSON.parse(text) as PushFactsResponse;
}
