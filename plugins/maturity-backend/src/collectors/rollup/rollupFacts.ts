import type { Evidence, Fact, Level } from '@roadmap/plugin-maturity-common';

/** A child of a System, Domain or Group, with its stored level if scored. */
export interface RollupChild {
  entityRef: string;
  /** Position of its stored level in the rubric's order; -1 below the first. */
  levelRank?: number;
  level?: string | null;
}

/** What the roll-up found for one System, Domain or Group. */
export interface RollupInput {
  /** `component`, `system`: what the children are, for the evidence. */
  childNoun: string;
  children: RollupChild[];
  /** Systems only: the APIs its components provide that are not in the catalog. */
  missingApis?: { provided: number; missing: string[] };
}

// Enough names for a person to start with; the rest is a count.
const MAX_NAMED = 10;

const pct = (part: number, whole: number) =>
  Math.round((1000 * part) / whole) / 10;

function named(notes: string[]): Evidence[] {
  const evidence: Evidence[] = notes
    .slice(0, MAX_NAMED)
    .map(note => ({ note }));
  if (notes.length > MAX_NAMED) {
    evidence.push({ note: `and ${notes.length - MAX_NAMED} more` });
  }
  return evidence;
}

/**
 * The `rollup.*` facts of one System, Domain or Group: how many children it
 * has, how many are scored, the share at or above each level of the rubric
 * (unscored children count as below), the lowest level among them, and for
 * a System the provided APIs without an API entity. Shares are left out for
 * an entity without children: "every child at Bronze" of nothing is not
 * evidence of anything, so those checks are unknown.
 */
export function rollupFacts(
  input: RollupInput,
  options: { now: Date; levels: Pick<Level, 'id' | 'title'>[] },
): Fact[] {
  const observedAt = options.now.toISOString();
  const fact = (id: string, value: number, evidence: Evidence[]): Fact => ({
    id: `rollup.${id}`,
    value,
    source: 'rollup',
    observedAt,
    evidence,
  });
  const { children, childNoun } = input;
  const plural = (n: number) => `${n} ${childNoun}${n === 1 ? '' : 's'}`;
  const levelName = (child: RollupChild) =>
    child.levelRank === undefined
      ? 'not scored yet'
      : options.levels[child.levelRank]?.title ?? 'no level';
  const facts: Fact[] = [];
  const total = children.length;
  const scored = children.filter(c => c.levelRank !== undefined);
  facts.push(
    fact('children', total, [
      { note: total ? plural(total) : `no ${childNoun}s in the catalog` },
    ]),
    fact('children-scored', scored.length, [
      { note: `${scored.length} of ${plural(total)} scored` },
    ]),
  );
  if (total > 0) {
    const unscored = children
      .filter(c => c.levelRank === undefined)
      .map(c => `${c.entityRef}: not scored yet`);
    facts.push(
      fact('share-scored', pct(scored.length, total), [
        { note: `${scored.length} of ${plural(total)} scored` },
        ...named(unscored),
      ]),
    );
    options.levels.forEach((level, rank) => {
      const below = children.filter(c => (c.levelRank ?? -1) < rank);
      facts.push(
        fact(`share-${level.id}`, pct(total - below.length, total), [
          {
            note: `${total - below.length} of ${plural(total)} at ${
              level.title
            } or above`,
          },
          ...named(below.map(c => `${c.entityRef}: ${levelName(c)}`)),
        ]),
      );
    });
  }
  if (scored.length > 0) {
    const lowest = scored.reduce((a, b) =>
      (b.levelRank ?? -1) < (a.levelRank ?? -1) ? b : a,
    );
    facts.push(
      fact('lowest-level-rank', lowest.levelRank ?? -1, [
        { note: `lowest: ${lowest.entityRef} (${levelName(lowest)})` },
      ]),
    );
  }
  if (input.missingApis) {
    const { provided, missing } = input.missingApis;
    facts.push(
      fact(
        'missing-apis',
        missing.length,
        missing.length
          ? named(missing.map(ref => `${ref}: provided, but no API entity`))
          : [
              {
                note: provided
                  ? `all ${provided} provided APIs have an API entity`
                  : 'no component provides an API',
              },
            ],
      ),
    );
  }
  return facts;
}
