import type {
  Check,
  CheckResult,
  NextStep,
  Rubric,
  ScoreDetail,
  ScoreSourceStatus,
} from '@roadmap/plugin-maturity-common';

/** What a check says about itself, the same in every scoring. */
type StaticField =
  | 'title'
  | 'pillar'
  | 'level'
  | 'effort'
  | 'weight'
  | 'description'
  | 'remediation';

/**
 * A check result as stored: without the check's own text, which the rubric
 * holds. Results stored in full (before compaction) carry it too.
 */
export type StoredCheckResult = Omit<CheckResult, StaticField> &
  Partial<Pick<CheckResult, StaticField>>;

/** A next step as stored, likewise. */
export type StoredNextStep = Omit<
  NextStep,
  Exclude<StaticField, 'description'>
> &
  Partial<Pick<NextStep, Exclude<StaticField, 'description'>>>;

/** The results of one scoring as stored in its snapshot. */
export interface StoredScoreDetail {
  results: StoredCheckResult[];
  nextSteps: StoredNextStep[];
  sources: ScoreSourceStatus[];
}

// A rest copy, not `delete`: deleting keys turns every result into a slow
// dictionary object, which the profile of a 10,000-entity refresh showed.
function withoutStatic<T extends Partial<Record<StaticField, unknown>>>(
  item: T,
): Omit<T, StaticField> {
  const {
    title: _title,
    pillar: _pillar,
    level: _level,
    effort: _effort,
    weight: _weight,
    description: _description,
    remediation: _remediation,
    ...rest
  } = item;
  return rest;
}

/**
 * The results of a scoring as stored: each check's status, message, evidence
 * and exemption, without the check's title, description, remediation and
 * other text that the rubric already holds (about four fifths of the bytes).
 */
export function compactScoreDetail(detail: ScoreDetail): StoredScoreDetail {
  return {
    results: detail.results.map(withoutStatic),
    nextSteps: detail.nextSteps.map(withoutStatic),
    sources: detail.sources,
  };
}

function staticFieldsOf(check: Check): Partial<Pick<CheckResult, StaticField>> {
  return {
    title: check.title,
    pillar: check.pillar,
    level: check.level,
    effort: check.effort,
    weight: check.weight,
    description: check.description,
    ...(check.remediation ? { remediation: check.remediation } : {}),
  };
}

/**
 * The results as the API serves them: the stored ones with each check's
 * text filled in from the rubric. Fields that were stored win, so results
 * stored in full read as they were; a check that left the rubric keeps its
 * id as its title and says so in its description.
 */
export function expandScoreDetail(
  detail: StoredScoreDetail,
  rubric: Rubric,
): ScoreDetail {
  const checks = new Map(rubric.checks.map(c => [c.id, c]));
  const fallback = (checkId: string): Pick<CheckResult, StaticField> => ({
    title: checkId,
    pillar: '',
    level: '',
    effort: 'M',
    weight: 0,
    description: 'This check is no longer in the rubric.',
  });
  const fieldsOf = (checkId: string) => {
    const check = checks.get(checkId);
    return check ? staticFieldsOf(check) : fallback(checkId);
  };
  return {
    results: (detail.results ?? []).map(
      r => ({ ...fieldsOf(r.checkId), ...r } as CheckResult),
    ),
    // Next steps carry no description (the result of the same check does).
    nextSteps: (detail.nextSteps ?? []).map(s => {
      const { description: _description, ...fields } = fieldsOf(s.checkId);
      return { ...fields, ...s } as NextStep;
    }),
    sources: detail.sources ?? [],
  };
}
