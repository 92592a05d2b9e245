import type { FootprintDelta } from './databaseFootprint';
import type { LatencyResult } from '../shared/measureLatency';
import type { RunProfile } from './profileRun';

/** The figures of one system (ours or the peer) on one database and catalog size. */
export interface SystemFigures {
  /** startTestBackend until it answers (plugin init and migrations). */
  bootMs: number;
  /** Fact collection and storage: ours as part of the refresh; the peer's fact retriever. */
  factsMs?: number;
  /** Time to evaluate every check for every entity through the system's bulk path. */
  evaluateMs: number;
  /** What `evaluateMs` covers, in words. */
  evaluatePath: string;
  /** Time of a whole refresh: ours the refresh task; the peer's retriever plus bulk check run. */
  refreshMs: number;
  /** A second refresh of the same, already stored catalog. */
  repeatRefreshMs: number;
  /** Checks that passed in the bulk evaluation (the same facts must give the same count). */
  passed: number;
  /** Size of the bulk evaluation's HTTP response, when there is one. */
  responseBytes?: number;
  firstRefresh: FootprintDelta;
  repeatRefresh: FootprintDelta;
  entityApi: LatencyResult;
  entityApiRoute: string;
  peakRssMb: number;
  /**
   * Ours only: where an extra, profiled first refresh (over emptied tables),
   * repeat refresh and entity API run spent their time, in ms per category.
   */
  profile?: { first: RunProfile; repeat: RunProfile; entityApi: RunProfile };
}

/** The pure evaluator's figures on one catalog size. */
export interface EvaluatorFigures {
  /** Median time of one pass over every entity. */
  ms: number;
  passed: number;
  /** Checks in the rubric (counted or not). */
  rubricChecks: number;
}

/** Everything measured on one database and catalog size. */
export interface RunFigures {
  database: 'SQLite' | 'PostgreSQL';
  entities: number;
  checks: number;
  expectedPassed: number;
  evaluatorDefault: EvaluatorFigures;
  evaluatorRepository: EvaluatorFigures;
  ours: SystemFigures;
  peer: SystemFigures;
}
