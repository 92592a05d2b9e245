import type { Evidence } from './Fact';
import type { CheckStatus, Effort, Remediation } from './Check';

/**
 * The result of one check for one entity.
 *
 * @public
 */
export interface CheckResult {
  checkId: string;
  title: string;
  pillar: string;
  level: string;
  status: CheckStatus;
  /** A sentence for the service owner: what was found, or what is missing. */
  message: string;
  /** The evidence of the facts the result was decided on. */
  evidence: Evidence[];
  effort: Effort;
  weight: number;
  description: string;
  remediation?: Remediation;
  /** Set when the check is waived. */
  exemption?: {
    reason: string;
    expires: string;
    /** The entity's annotation, app-config, or an approved request. */
    source?: 'annotation' | 'config' | 'request';
    approvedBy?: string;
  };
  /** For `upcoming` checks: the day it starts to count. */
  enabledFrom?: string;
}

/**
 * A failing or unknown check to work on next.
 *
 * @public
 */
export interface NextStep {
  checkId: string;
  title: string;
  pillar: string;
  level: string;
  status: 'fail' | 'unknown';
  /** Small effort and high weight. */
  quickWin: boolean;
  effort: Effort;
  weight: number;
  remediation?: Remediation;
}

/**
 * An entity's maturity: the overall and per-pillar score, the level reached,
 * the next level, every check's result and the ordered next steps.
 *
 * @public
 */
export interface Score {
  /** 0–100: weighted share of passing checks among those that apply. */
  score: number;
  /** 0–100 per pillar that has applicable checks. */
  pillars: Record<string, number>;
  /** Highest level whose checks, and all lower levels' checks, pass. */
  level: string | null;
  nextLevel: string | null;
  results: CheckResult[];
  nextSteps: NextStep[];
}
