import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { compileCondition } from '../conditions/compileCondition';
import type { Exemption } from '../exemptions/Exemption';
import { exemptionsFromEntity } from '../exemptions/exemptionsFromEntity';
import type { Evidence, Fact } from '../types/Fact';
import type { Check, CheckOutcome, Effort, Rubric } from '../types/Check';
import type { CheckResult, NextStep, Score } from '../types/Score';
import { rubricHash } from './rubricHash';

/**
 * What one evaluation needs.
 *
 * @public
 */
export interface EvaluationInput {
  /** The catalog entity; without it `appliesTo` filters are not applied. */
  entity?: Entity;
  facts: Fact[] | ReadonlyMap<string, Fact>;
  /** The clock, for exemption expiry; pass it for deterministic output. */
  now: Date;
  /** Exemptions from config; the entity's annotation is read as well. */
  exemptions?: Exemption[];
  /**
   * Sources that could be observed. Checks that need another source are
   * `unknown` ("source not available") and left out of the score and the
   * level — so a CI gate with only the repository can reach a level.
   * Default: every source counts.
   */
  availableSources?: string[];
}

/**
 * A rubric compiled for fast, deterministic evaluation.
 *
 * @public
 */
export interface RubricEvaluator {
  readonly rubric: Rubric;
  /** Changes whenever the rubric does. */
  readonly hash: string;
  /** Whether any check of the rubric applies to this entity. */
  appliesTo(entity: Entity): boolean;
  evaluate(input: EvaluationInput): Score;
}

const EFFORT_RANK: Record<Effort, number> = { S: 0, M: 1, L: 2 };

/**
 * Weight from which a small-effort check counts as a quick win.
 *
 * @public
 */
export const QUICK_WIN_MIN_WEIGHT = 3;

type CompiledCheck = {
  check: Check;
  levelRank: number;
  sources: string[];
  decide: (
    facts: ReadonlyMap<string, Fact>,
    entity: Entity | undefined,
  ) => CheckOutcome;
  applies: (keys: EntityKeys) => boolean;
};

function lowerSet(values?: string[]) {
  return values
    ? new Set(values.map(v => v.toLocaleLowerCase('en-US')))
    : undefined;
}

/** The entity fields `appliesTo` reads, lower-cased once per evaluation. */
type EntityKeys =
  | { kind: string; type: string; lifecycle: string; tags: string[] }
  | undefined;

function entityKeys(entity: Entity | undefined): EntityKeys {
  if (!entity) return undefined;
  const lower = (v: unknown) =>
    typeof v === 'string' ? v.toLocaleLowerCase('en-US') : '';
  return {
    kind: lower(entity.kind),
    type: lower(entity.spec?.type),
    lifecycle: lower(entity.spec?.lifecycle),
    tags: (entity.metadata.tags ?? []).map(lower),
  };
}

function compileAppliesTo(check: Check): (keys: EntityKeys) => boolean {
  const a = check.appliesTo;
  if (!a) return () => true;
  const kinds = lowerSet(a.kinds);
  const types = lowerSet(a.types);
  const lifecycles = lowerSet(a.lifecycles);
  const tags = lowerSet(a.tags);
  return keys => {
    if (!keys) return true;
    if (kinds && !kinds.has(keys.kind)) return false;
    if (types && !types.has(keys.type)) return false;
    if (lifecycles && !lifecycles.has(keys.lifecycle)) return false;
    if (tags && !keys.tags.some(t => tags.has(t))) return false;
    return true;
  };
}

function compileCheck(check: Check, levelRank: number): CompiledCheck {
  const sources = [...new Set(check.facts.map(id => id.split('.')[0]))].sort();
  let decide: CompiledCheck['decide'];
  if (check.evaluate) {
    decide = check.evaluate;
  } else {
    const condition = compileCondition(check.condition!);
    decide = facts => {
      const v = condition(facts);
      if (v === undefined) return { status: 'unknown' };
      return { status: v ? 'pass' : 'fail' };
    };
  }
  return {
    check,
    levelRank,
    sources,
    decide,
    applies: compileAppliesTo(check),
  };
}

function evidenceOf(
  check: Check,
  facts: ReadonlyMap<string, Fact>,
): Evidence[] {
  const evidence: Evidence[] = [];
  for (const id of check.facts) {
    const fact = facts.get(id);
    if (fact) for (const e of fact.evidence) evidence.push(e);
  }
  return evidence;
}

function describe(evidence: Evidence[]): string {
  const e = evidence.find(x => x.note || x.path || x.object || x.query);
  if (!e) return '';
  if (e.path)
    return `${e.note ? `${e.note} ` : ''}in ${e.path}${
      e.line ? `:${e.line}` : ''
    }`;
  if (e.object)
    return `${e.note ? `${e.note}: ` : ''}${e.object.kind} ${
      e.object.namespace ? `${e.object.namespace}/` : ''
    }${e.object.name}`;
  return e.note ?? e.query ?? '';
}

/**
 * Compiles a rubric once; evaluating an entity is then a pass over its
 * checks with no parsing. The output is deterministic: results follow the
 * rubric's check order and next steps a total order.
 *
 * @public
 */
export function createEvaluator(rubric: Rubric): RubricEvaluator {
  const levelIndex = new Map(rubric.levels.map((l, i) => [l.id, i]));
  const compiled = rubric.checks.map(c =>
    compileCheck(c, levelIndex.get(c.level)!),
  );
  const hash = rubricHash(rubric);
  const levelCount = rubric.levels.length;
  const pillarIndex = new Map(rubric.pillars.map((p, i) => [p.id, i]));
  const checkPillar = compiled.map(c => pillarIndex.get(c.check.pillar) ?? -1);
  const quickWin = compiled.map(
    c => c.check.effort === 'S' && c.check.weight >= QUICK_WIN_MIN_WEIGHT,
  );
  const failMessages = compiled.map(
    c => c.check.failMessage ?? `Missing: ${c.check.title}`,
  );

  // Next steps follow one total order, computed once: level, quick wins
  // first, then smaller effort, higher weight, and the check id.
  const stepOrder = compiled
    .map((_, i) => i)
    .sort((a, b) => {
      const x = compiled[a];
      const y = compiled[b];
      return (
        x.levelRank - y.levelRank ||
        Number(quickWin[b]) - Number(quickWin[a]) ||
        EFFORT_RANK[x.check.effort] - EFFORT_RANK[y.check.effort] ||
        y.check.weight - x.check.weight ||
        (x.check.id < y.check.id ? -1 : 1)
      );
    });

  const evaluate = (input: EvaluationInput): Score => {
    const facts =
      input.facts instanceof Map
        ? (input.facts as ReadonlyMap<string, Fact>)
        : new Map((input.facts as Fact[]).map(f => [f.id, f]));
    const entityExemptions = exemptionsFromEntity(input.entity).exemptions;
    let exemptions: Map<string, Exemption> | undefined;
    if (
      entityExemptions.length > 0 ||
      (input.exemptions && input.exemptions.length > 0)
    ) {
      const today = input.now.toISOString().slice(0, 10);
      const entityRef = input.entity
        ? stringifyEntityRef(input.entity)
        : undefined;
      exemptions = new Map();
      for (const e of [
        ...(input.exemptions ?? [])
          .filter(x => !x.entityRef || x.entityRef === entityRef)
          .map(x => ({ source: 'config' as const, ...x })),
        ...entityExemptions.map(x => ({ source: 'annotation' as const, ...x })),
      ]) {
        if (e.expires >= today) exemptions.set(e.check, e);
      }
    }
    const today = input.now.toISOString().slice(0, 10);
    const available = input.availableSources
      ? new Set(input.availableSources)
      : undefined;
    const keys = entityKeys(input.entity);

    const n = compiled.length;
    const results: CheckResult[] = new Array(n);
    const counted: boolean[] = new Array(n);
    const blocked: boolean[] = new Array(levelCount).fill(false);
    const pillarPassed: number[] = new Array(rubric.pillars.length).fill(0);
    const pillarTotal: number[] = new Array(rubric.pillars.length).fill(0);
    let passed = 0;
    let total = 0;

    for (let i = 0; i < n; i++) {
      const c = compiled[i];
      const check = c.check;
      let status: CheckResult['status'];
      let message: string;
      let evidence: Evidence[];
      const exemption: Exemption | undefined = exemptions?.get(check.id);
      let counts = false;
      if (!c.applies(keys)) {
        status = 'not-applicable';
        message = 'Does not apply to this entity';
        evidence = [];
      } else if (check.enabledFrom && today < check.enabledFrom) {
        // Judged as it will be, counted from its first day.
        const outcome = c.decide(facts, input.entity);
        status = 'upcoming';
        evidence = outcome.evidence ?? evidenceOf(check, facts);
        message = `Counts from ${check.enabledFrom}; ${
          outcome.status === 'pass'
            ? 'it would pass today'
            : 'it would not pass today'
        }`;
      } else if (exemption) {
        status = 'exempt';
        message = `Exempt until ${exemption.expires}: ${exemption.reason}`;
        evidence = evidenceOf(check, facts);
      } else {
        const missingSource = available
          ? c.sources.find(src => !available.has(src))
          : undefined;
        if (missingSource) {
          status = 'unknown';
          message = `Not observed: the ${missingSource} source is not available here`;
          evidence = [];
        } else {
          counts = true;
          const outcome = c.decide(facts, input.entity);
          status = outcome.status;
          evidence = outcome.evidence ?? evidenceOf(check, facts);
          if (outcome.message) {
            message = outcome.message;
          } else if (status === 'pass') {
            const found = describe(evidence);
            message = found
              ? `${check.passMessage ?? check.title}: ${found}`
              : check.passMessage ?? check.title;
          } else if (status === 'fail') {
            message = failMessages[i];
          } else {
            message = `Unknown: no data for ${
              check.facts.filter(id => !facts.has(id)).join(', ') || 'its facts'
            }`;
          }
        }
      }
      const result: CheckResult = {
        checkId: check.id,
        title: check.title,
        pillar: check.pillar,
        level: check.level,
        status,
        message,
        evidence,
        effort: check.effort,
        weight: check.weight,
        description: check.description,
        remediation: check.remediation,
      };
      if (exemption && status === 'exempt') {
        result.exemption = {
          reason: exemption.reason,
          expires: exemption.expires,
          ...(exemption.source ? { source: exemption.source } : {}),
          ...(exemption.approvedBy ? { approvedBy: exemption.approvedBy } : {}),
        };
      }
      if (status === 'upcoming') result.enabledFrom = check.enabledFrom;
      results[i] = result;
      counted[i] = counts;
      if (counts) {
        const w = check.weight;
        const p = checkPillar[i];
        total += w;
        pillarTotal[p] += w;
        if (status === 'pass') {
          passed += w;
          pillarPassed[p] += w;
        } else {
          blocked[c.levelRank] = true;
        }
      }
    }

    const pct = (a: number, b: number) => Math.round((1000 * a) / b) / 10;
    const pillars: Record<string, number> = {};
    for (let p = 0; p < rubric.pillars.length; p++) {
      if (pillarTotal[p] > 0)
        pillars[rubric.pillars[p].id] = pct(pillarPassed[p], pillarTotal[p]);
    }

    // Level: the highest level reached with every lower level reached too.
    let reached = -1;
    while (reached + 1 < levelCount && !blocked[reached + 1]) reached++;

    const nextSteps: NextStep[] = [];
    for (const i of stepOrder) {
      const r = results[i];
      if (!counted[i] || compiled[i].levelRank <= reached) continue;
      if (r.status !== 'fail' && r.status !== 'unknown') continue;
      nextSteps.push({
        checkId: r.checkId,
        title: r.title,
        pillar: r.pillar,
        level: r.level,
        status: r.status,
        quickWin: quickWin[i],
        effort: r.effort,
        weight: r.weight,
        remediation: r.remediation,
      });
    }

    return {
      score: total > 0 ? pct(passed, total) : 0,
      pillars,
      level: reached >= 0 ? rubric.levels[reached].id : null,
      nextLevel:
        reached + 1 < levelCount ? rubric.levels[reached + 1].id : null,
      results,
      nextSteps,
    };
  };

  return {
    rubric,
    hash,
    appliesTo: entity => {
      const keys = entityKeys(entity);
      return compiled.some(c => c.applies(keys));
    },
    evaluate,
  };
}
