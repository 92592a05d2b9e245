import type { RunFigures } from './figures';
import { ms, runLabel, throughput, verdicts } from './writeBenchmarkReport';

const pct = (x: number) => `${(100 * x).toFixed(x < 0.01 ? 2 : 1)} %`;
const fixed = (x: number) => x.toFixed(x < 10 ? 1 : 0);

/** The report's method paragraphs and its closing note, from the figures. */
export function benchmarkNotes(runs: RunFigures[]): {
  method: string[];
  closing: string[];
} {
  const method = [
    '**Catalog and facts.** N Component entities (`svc-0` … `svc-<N-1>`, type service). Each gets the 36 boolean repository facts `repository.<check>` of the default rubric’s repository checks (`REPOSITORY_CHECK_IDS`), true or false from a seeded PRNG (mulberry32, seed 42, one maturity per entity). Both systems receive the same values from memory, with no I/O: ours through a collector registered with `maturityCollectorsExtensionPoint` (the only collector; the built-in repository, Kubernetes and Prometheus collectors are not added), the peer through a fact retriever registered with `techInsightsFactRetrieversExtensionPoint` (config `techInsights.factRetrievers.benchRepositoryFacts: { cadence, lifecycle }`), storing one fact row per entity as Tech Insights does.',
    '**Equivalent checks.** Ours evaluates the 36 repository checks of the default rubric (the 18 catalog, Kubernetes and Prometheus checks are disabled with `maturity.rubric.checks[].enabled: false`), each the condition `{ fact: "repository.<id>", equals: true }`. The peer gets one json-rules-engine check per repository check in `techInsights.factChecker.checks` — `rule.conditions: { all: [{ fact: "repository.<id>", operator: "equal", value: true }] }`, `factIds: [benchRepositoryFacts]` — so every check reads one boolean and compares it with `true`, exactly like ours. Every run checks the equivalence: the evaluator, our stored results and the peer’s bulk answer must count the same number of passing checks as the generated facts hold (the run stops otherwise).',
    '**What is timed.** Check evaluation: ours (a) the pure evaluator `createEvaluator(rubric).evaluate({ facts, now, availableSources: ["repository"] })` over every entity (median of 5 passes after 3 warm-up passes; also with the whole default rubric, whose 18 other checks become `unknown`), and (b) the backend’s refresh task from trigger until every entity is scored and stored (then confirmed with `GET /api/maturity/scores?limit=1`, `totalCount`); the peer: `POST /api/tech-insights/checks/run` with `entities: []` (every entity with facts) and the 36 check ids, until its whole JSON answer is read. Throughput is entity-checks per second (entities × 36 / time). The whole refresh compares our refresh with the peer’s retriever plus its bulk check run; the repeat refresh makes every entity due again and runs each system’s refresh once more (the peer stores no check results, so its repeat is its retriever only). Entity API: 20 concurrent clients in a worker thread, 1,000 requests over 500 entities, `GET /api/maturity/scores/component/default/<name>` against `POST /api/tech-insights/checks/run/default/component/<name>` with the 36 checks, both with `Authorization: mockCredentials.user.header()`.',
    '**Database figures.** Per table, before and after each refresh: rows (count after − before), row writes (inserts + updates + deletes: SQLite `total_changes()` of the single connection; PostgreSQL `pg_stat_user_tables`, read after the pool’s connections are closed so they report their counters), payload bytes (SUM of the byte length of every column as text, `length(CAST(col AS BLOB))` / `octet_length(col::text)`) and storage bytes (SQLite `dbstat` pages of the table and its indexes; PostgreSQL `pg_total_relation_size`, which includes indexes, TOAST and dead row versions). Knex migration bookkeeping tables are left out.',
    '**Nothing slowed the peer.** Both systems run in `startTestBackend` with the same mock services, the same `catalogServiceMock` catalog, the same Authorization header, a database of their own (same engine, same pool: one SQLite connection, or 10 PostgreSQL connections) and a scheduler that runs tasks only when the benchmark triggers them, so no other task competes. The peer runs with its defaults (`checksRunConcurrency` 100) and the cheapest fact lifecycle (`timeToLive` 400 days, one indexed delete, like our 400-day retention; `maxItems` would add a window query per insert). Its checks carry no catalog filter, so it never calls the catalog. After start, each run waits until the database pool is idle (the peer’s fact checker validates its checks in the background) before anything is measured. Plugin 3.1.0 needs no notification service. Clients run in a worker thread, off the server’s event loop. The machine has 2 cores shared with other work, so single figures vary by tens of percent between runs; the ratios are stable.',
  ];

  const slower: string[] = [];
  for (const run of runs) {
    const v = verdicts(run);
    const label = runLabel(run);
    const o = run.ours;
    const p = run.peer;
    if (!v[1].met) {
      const backendRatio =
        throughput(run, o.evaluateMs) / throughput(run, p.evaluateMs);
      const slowerThanPeer =
        backendRatio < 1 ? ' — **it is slower than the peer**' : '';
      slower.push(
        `${label}: our backend refresh evaluates ${fixed(
          backendRatio,
        )}× the peer’s throughput, short of 10×${slowerThanPeer}; the evaluator inside it takes ${pct(
          run.evaluatorRepository.ms / o.evaluateMs,
        )} of the refresh.`,
      );
    }
    if (o.refreshMs > p.refreshMs) {
      slower.push(
        `${label}: **our whole refresh is slower**: ${ms(
          o.refreshMs,
        )} against ${ms(
          p.refreshMs,
        )} for the peer’s retriever and bulk check run.`,
      );
    }
    if (o.repeatRefreshMs > p.repeatRefreshMs) {
      slower.push(
        `${label}: **a repeat refresh is slower**: ${ms(
          o.repeatRefreshMs,
        )} against ${ms(
          p.repeatRefreshMs,
        )} for the peer’s retriever, which stores facts only (its checks run again on every read).`,
      );
    }
    if (!v[2].met) {
      slower.push(
        `${label}: **our entity API is slower** at p95 (${o.entityApi.p95.toFixed(
          0,
        )} ms against ${p.entityApi.p95.toFixed(0)} ms).`,
      );
    }
    if (!v[3].met) {
      slower.push(
        `${label}: **we write more rows**: ${o.firstRefresh.rows.toLocaleString(
          'en-US',
        )} against ${p.firstRefresh.rows.toLocaleString(
          'en-US',
        )} on the first refresh, ${o.repeatRefresh.rows.toLocaleString(
          'en-US',
        )} against ${p.repeatRefresh.rows.toLocaleString(
          'en-US',
        )} added on a repeat (with ${o.repeatRefresh.rowWrites.toLocaleString(
          'en-US',
        )} row writes against ${p.repeatRefresh.rowWrites.toLocaleString(
          'en-US',
        )}), and ${fixed(
          o.firstRefresh.payloadBytes / p.firstRefresh.payloadBytes,
        )}× the payload bytes.`,
      );
    }
  }
  const closing: string[] = [];
  if (slower.length === 0) {
    closing.push('Every target was met in this run.');
  } else {
    closing.push(slower.map(s => `- ${s}`).join('\n'));
    closing.push(
      'Why. Evaluating checks is not where our refresh spends its time: the evaluator alone is two to three orders of magnitude faster than the peer’s json-rules-engine path, but a refresh also stores what it found, one transaction per entity. On its first refresh an entity gets a current score row, six pillar-score rows (so the overview filters pillars in SQL), a history snapshot (for trends), its last good facts (kept when a source is down) and its refresh-state row (due time and lease, for several replicas); a repeat refresh adds one snapshot and updates the score, facts and refresh state (pillar rows only when a pillar changed). The snapshot holds every check’s status, message and evidence — the checks’ own text is filled in from the rubric when read — so the entity API answers with one indexed read of the score and its snapshot. Tech Insights stores only the facts — one row per entity and retriever — and evaluates the checks again on every request, which is why its refresh writes less and its entity API and bulk check run are slower. The gap on rows and bytes is the price of stored, queryable results and history; closing it further would mean pillar scores as JSON instead of rows and a snapshot only when something changed (the trend chart and movers would then read a step function).',
    );
  }
  return { method, closing };
}
