import type { CheckStatus } from '../types/Check';
import type { Evidence } from '../types/Fact';

/**
 * What a Markdown roadmap report is made from: a score with its results and
 * next steps, and the rubric's titles.
 *
 * @public
 */
export interface RoadmapReportInput {
  /** What the report is about, e.g. the entity's title. */
  title: string;
  level: string | null;
  nextLevel: string | null;
  score: number;
  pillars: Record<string, number>;
  rubric: {
    pillars: { id: string; title: string }[];
    levels: { id: string; title: string }[];
  };
  results: {
    checkId: string;
    title: string;
    pillar: string;
    level: string;
    status: CheckStatus;
    message: string;
    evidence: Evidence[];
    effort?: 'S' | 'M' | 'L';
    docs?: string;
    description?: string;
  }[];
  nextSteps: {
    checkId: string;
    title: string;
    pillar: string;
    level: string;
    quickWin: boolean;
    effort?: 'S' | 'M' | 'L';
    docs?: string;
  }[];
  /** ISO 8601 time of the scoring. */
  scoredAt?: string;
}
