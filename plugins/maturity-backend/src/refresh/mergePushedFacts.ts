import type { Fact, ScoreSourceStatus } from '@roadmap/plugin-maturity-common';
import type { PushedFact } from '../database/PushedFactStore';

/** One entity's inputs once its pushed facts are merged in. */
export interface MergedFacts {
  facts: Fact[];
  sources: ScoreSourceStatus[];
  /** Sources only pushes provide for this entity: their checks count for it. */
  extraSources: string[];
  /** When the first of its live pushed facts expires, if any. */
  nextExpiry?: Date;
}

function provenanceNote(fact: PushedFact): string {
  const { source, commit } = fact.provenance;
  return `pushed by ${source}${
    commit ? ` at commit ${commit.slice(0, 12)}` : ''
  }`;
}

function asFact(pushed: PushedFact): Fact {
  return {
    id: pushed.factId,
    value: pushed.value,
    source: pushed.source,
    observedAt: pushed.observedAt.toISOString(),
    evidence: [
      ...pushed.evidence,
      {
        note: provenanceNote(pushed),
        ...(pushed.provenance.runUrl ? { url: pushed.provenance.runUrl } : {}),
      },
    ],
  };
}

/**
 * Merges an entity's pushed facts with what the collectors observed in
 * this refresh. The newest observation of a fact wins, pushed or
 * collected. An expired pushed fact no longer counts: with nothing newer
 * its checks become `unknown`, never `fail`, and its source says that the
 * push expired and what to do.
 */
export function mergePushedFacts(options: {
  collected: Fact[];
  sources: ScoreSourceStatus[];
  pushed: PushedFact[];
  collectorSources: ReadonlySet<string>;
  now: Date;
}): MergedFacts {
  const { pushed, now } = options;
  if (pushed.length === 0) {
    return {
      facts: options.collected,
      sources: options.sources,
      extraSources: [],
    };
  }
  const byId = new Map(options.collected.map(f => [f.id, f]));
  const live = pushed.filter(p => p.expiresAt > now);
  for (const fact of live) {
    const seen = byId.get(fact.factId);
    if (!seen || Date.parse(seen.observedAt) < fact.observedAt.getTime()) {
      byId.set(fact.factId, asFact(fact));
    }
  }

  const sources = [...options.sources];
  const extraSources: string[] = [];
  const bySource = new Map<string, PushedFact[]>();
  for (const fact of pushed) {
    bySource.set(fact.source, [...(bySource.get(fact.source) ?? []), fact]);
  }
  for (const [source, facts] of bySource) {
    const liveOnes = facts.filter(f => f.expiresAt > now);
    const newest = facts.reduce((a, b) =>
      a.observedAt > b.observedAt ? a : b,
    );
    const status: ScoreSourceStatus =
      liveOnes.length > 0
        ? {
            source,
            status: 'ok',
            message: `Facts ${provenanceNote(newest)}`,
            lastGoodAt: newest.observedAt.toISOString(),
          }
        : {
            source,
            status: 'error',
            message: `The facts pushed for this source expired at ${facts
              .reduce((a, b) => (a.expiresAt > b.expiresAt ? a : b))
              .expiresAt.toISOString()}; push them again (maturity score --push in CI)`,
            lastGoodAt: newest.observedAt.toISOString(),
          };
    const index = sources.findIndex(s => s.source === source);
    if (!options.collectorSources.has(source)) {
      extraSources.push(source);
      sources.push(status);
    } else if (
      index >= 0 &&
      sources[index].status === 'error' &&
      liveOnes.length > 0
    ) {
      // The collector could not answer, the push did.
      sources[index] = status;
    }
  }
  sources.sort((a, b) => a.source.localeCompare(b.source));
  const expiries = live.map(f => f.expiresAt.getTime());
  return {
    facts: [...byId.values()],
    sources,
    extraSources: extraSources.sort(),
    nextExpiry: expiries.length ? new Date(Math.min(...expiries)) : undefined,
  };
}
