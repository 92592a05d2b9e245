/**
 * What `maturity score` reports, in every format. The JSON format prints
 * this object as it is; its documented fields are stable (see README).
 */
export interface CliReport {
  /** The path or git URL that was scored. */
  source: string;
  /** The entity the catalog checks were judged on, if any. */
  entityRef?: string;
  level: string | null;
  nextLevel: string | null;
  /** 0–100. */
  score: number;
  /** 0–100 per pillar id. */
  pillars: Record<string, number>;
  results: CliCheckResult[];
  nextSteps: CliNextStep[];
  /** Sources the level was judged on (those available to the CLI). */
  judgedSources: string[];
  gate?: { minLevel: string; passed: boolean };
  rubric: {
    pillars: { id: string; title: string }[];
    levels: { id: string; title: string }[];
  };
  warnings: { path: string; message: string }[];
}

export interface CliEvidence {
  path?: string;
  line?: number;
  note?: string;
  query?: string;
  url?: string;
}

export interface CliCheckResult {
  checkId: string;
  title: string;
  pillar: string;
  level: string;
  status:
    | 'pass'
    | 'fail'
    | 'unknown'
    | 'exempt'
    | 'not-applicable'
    | 'upcoming';
  message: string;
  evidence: CliEvidence[];
  effort?: 'S' | 'M' | 'L';
  weight?: number;
  docs?: string;
  template?: string;
  description?: string;
}

export interface CliNextStep {
  checkId: string;
  title: string;
  pillar: string;
  level: string;
  status: 'fail' | 'unknown';
  quickWin: boolean;
  effort?: 'S' | 'M' | 'L';
  docs?: string;
  template?: string;
}
