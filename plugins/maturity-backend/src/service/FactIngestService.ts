import type {
  AuditorService,
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  type FactDescriptor,
  type FactValue,
  maturityFactsWritePermission,
  type PushFactsRequest,
  type PushFactsResponse,
  type Rubric,
} from '@roadmap/plugin-maturity-common';
import type { Request } from 'express';
import type { MaturityDatabase } from '../database/MaturityDatabase';
import type { PushedFact } from '../database/PushedFactStore';
import type { RefreshService } from '../refresh/RefreshService';
import { auditedAction } from './auditedAction';

/** Limits of pushes; see config.d.ts (`maturity.push`). */
export interface PushLimits {
  defaultTtlMs: number;
  maxTtlMs: number;
}

// Clocks of CI runners drift; an observation from further in the future
// than this is a mistake, not a clock skew.
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

function typeOf(value: FactValue): FactDescriptor['type'] | 'other' {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number')
    return Number.isFinite(value) ? 'number' : 'other';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value) && value.every(v => typeof v === 'string')) {
    return 'string[]';
  }
  return 'other';
}

/**
 * Takes facts pushed from outside (a CI job): checks every fact against
 * the effective rubric's fact catalog, every entity against the catalog
 * and the caller's `maturity.facts.write` permission, then stores the whole
 * push in one transaction (or nothing) and scores the entities again.
 */
export class FactIngestService {
  readonly #facts: Map<string, FactDescriptor>;

  constructor(
    private readonly deps: {
      db: MaturityDatabase;
      catalog: CatalogService;
      auth: AuthService;
      permissions: PermissionsService;
      auditor: AuditorService;
      refresh: RefreshService;
      rubric: Rubric;
      limits: PushLimits;
      now?: () => Date;
    },
  ) {
    this.#facts = new Map(deps.rubric.facts.map(f => [f.id, f]));
  }

  async push(
    body: PushFactsRequest,
    options: { credentials: BackstageCredentials; request?: Request },
  ): Promise<PushFactsResponse> {
    const now = this.deps.now?.() ?? new Date();
    const facts = this.validate(body, now);
    const refs = [...new Set(facts.map(f => f.entityRef))];
    return auditedAction(
      this.deps.auditor,
      {
        eventId: 'facts-push',
        meta: {
          source: body.provenance.source,
          entities: String(refs.length),
          facts: String(facts.length),
        },
        request: options.request,
      },
      async () => {
        const entities = await this.entities(refs);
        await this.authorize(refs, options.credentials);
        const accepted = await this.deps.db.transaction(stores =>
          stores.pushedFacts.save(facts, now),
        );
        const scored = await this.deps.refresh.rescore(entities);
        const current = new Map(
          (
            await Promise.all(refs.map(ref => this.deps.db.scores.summary(ref)))
          ).map((summary, i) => [refs[i], summary]),
        );
        return {
          accepted,
          ignoredAsOlder: facts.length - accepted,
          expiresAt: new Date(
            Math.min(...facts.map(f => f.expiresAt.getTime())),
          ).toISOString(),
          entities: refs.map(entityRef => ({
            entityRef,
            rescored: scored.has(entityRef),
            level: current.get(entityRef)?.level,
            score: current.get(entityRef)?.score,
          })),
        };
      },
    );
  }

  // Every fact of the push, checked; the first problem is a 400 that names it.
  private validate(body: PushFactsRequest, now: Date): PushedFact[] {
    const { limits } = this.deps;
    const ttlMs =
      body.ttlSeconds === undefined
        ? limits.defaultTtlMs
        : body.ttlSeconds * 1000;
    if (ttlMs > limits.maxTtlMs) {
      throw new InputError(
        `ttlSeconds: at most ${limits.maxTtlMs / 1000} seconds here`,
      );
    }
    return body.facts.map((input, i) => {
      const where = `facts[${i}]`;
      let entityRef: string;
      try {
        entityRef = stringifyEntityRef(parseEntityRef(input.entityRef));
      } catch {
        throw new InputError(
          `${where}.entityRef: "${input.entityRef}" is not an entity ref like component:default/name`,
        );
      }
      const descriptor = this.#facts.get(input.id);
      if (!descriptor) {
        throw new InputError(
          `${where}.id: unknown fact "${input.id}"; push facts of the rubric's fact catalog (GET /api/maturity/rubric, "facts"), or declare it under maturity.rubric.facts`,
        );
      }
      const actual = typeOf(input.value);
      if (descriptor.type !== 'json' && actual !== descriptor.type) {
        throw new InputError(
          `${where}.value: fact "${input.id}" takes a ${descriptor.type}, got ${
            actual === 'other' ? 'another value' : `a ${actual}`
          }`,
        );
      }
      const observedAt = input.observedAt ? new Date(input.observedAt) : now;
      if (observedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
        throw new InputError(
          `${where}.observedAt: ${input.observedAt} is in the future`,
        );
      }
      return {
        entityRef,
        factId: input.id,
        source: descriptor.source,
        value: input.value,
        evidence: input.evidence ?? [],
        provenance: body.provenance,
        observedAt,
        expiresAt: new Date(observedAt.getTime() + ttlMs),
      };
    });
  }

  private async authorize(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<void> {
    const decisions = await this.deps.permissions.authorize(
      refs.map(resourceRef => ({
        permission: maturityFactsWritePermission,
        resourceRef,
      })),
      { credentials },
    );
    const denied = refs.filter(
      (_, i) => decisions[i].result !== AuthorizeResult.ALLOW,
    );
    if (denied.length > 0) {
      throw new NotAllowedError(
        `You may not push facts for ${denied.slice(0, 5).join(', ')}${
          denied.length > 5 ? ` and ${denied.length - 5} more` : ''
        } (permission maturity.facts.write)`,
      );
    }
  }

  // The catalog entities, read as the plugin: a push names entities that
  // exist and that the rubric scores.
  private async entities(refs: string[]): Promise<Entity[]> {
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    const missing = refs.filter((_, i) => !items[i]);
    if (missing.length > 0) {
      throw new NotFoundError(
        `No catalog entity ${missing.slice(0, 5).join(', ')}${
          missing.length > 5 ? ` and ${missing.length - 5} more` : ''
        }; push facts for entities of the catalog`,
      );
    }
    return items as Entity[];
  }
}
