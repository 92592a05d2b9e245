import type { RunFigures } from './figures';
import type { RunProfile } from './profileRun';
import { verdicts } from './targets';
import { runLabel } from './writeBenchmarkReport';

/** Profiles side by side: ms and share of each category, one row per run. */
function profileTable(rows: [string, RunProfile][]): string {
  const categories = [
    ...new Set(rows.flatMap(([, p]) => Object.keys(p))),
  ].sort();
  const header = ['Run', ...categories];
  const body = rows.map(([label, p]) => {
    const total = Object.values(p).reduce((a, b) => a + b, 0) || 1;
    return [
      label,
      ...categories.map(c => {
        const v = p[c] ?? 0;
        return `${Math.round(v)} ms (${Math.round((100 * v) / total)} %)`;
      }),
    ];
  });
  return [header, header.map(() => '---'), ...body]
    .map(r => `| ${r.join(' | ')} |`)
    .join('\n');
}

/** The report's method paragraphs and its closing note, from the figures. */
export function benchmarkNotes(runs: RunFigures[]): {
  method: string[];
  closing: string[];
} {
  const method = [
    '**Catalog and facts.** N Component entities (`svc-0` … `svc-<N-1>`, type service). Each gets the 36 boolean repository facts `repository.<check>` of the default rubric’s repository checks (`REPOSITORY_CHECK_IDS`), true or false from a seeded PRNG (mulberry32, seed 42, one maturity per entity). Both systems receive the same values from memory, with no I/O: ours through a collector registered with `maturityCollectorsExtensionPoint` (the only collector; the built-in repository, Kubernetes and Prometheus collectors are not added), the peer through a fact retriever registered with `techInsightsFactRetrieversExtensionPoint` (config `techInsights.factRetrievers.benchRepositoryFacts: { cadence, lifecycle }`), storing one fact row per entity as Tech Insights does.',
    '**Equivalent checks.** Ours evaluates the 36 repository checks of the default rubric (the 18 catalog, Kubernetes and Prometheus checks are disabled with `maturity.rubric.checks[].enabled: false`), each the condition `{ fact: "repository.<id>", equals: true }`. The peer gets one json-rules-engine check per repository check in `techInsights.factChecker.checks` — `rule.conditions: { all: [{ fact: "repository.<id>", operator: "equal", value: true }] }`, `factIds: [benchRepositoryFacts]` — so every check reads one boolean and compares it with `true`, exactly like ours. Every run checks the equivalence: the evaluator, our stored results and the peer’s bulk answer must count the same number of passing checks as the generated facts hold (the run stops otherwise).',
    '**What is timed.** Check evaluation: ours (a) the pure evaluator `createEvaluator(rubric).evaluate({ facts, now, availableSources: ["repository"] })` over every entity (median of 5 passes after 3 warm-up passes; also with the whole default rubric, whose 18 other checks become `unknown`), and (b) the backend’s refresh task from trigger until every entity is scored and stored (then confirmed with `GET /api/maturity/scores?limit=1`, `totalCount`); the peer: `POST /api/tech-insights/checks/run` with `entities: []` (every entity with facts) and the 36 check ids, until its whole JSON answer is read. Throughput is entity-checks per second (entities × 36 / time). The whole refresh compares our refresh with the peer’s retriever plus its bulk check run; the repeat refresh makes every entity due again and runs each system’s refresh once more (the peer stores no check results, so its repeat is its retriever only). Entity API: 20 concurrent clients in a worker thread, 1,000 requests over 500 entities, `GET /api/maturity/scores/component/default/<name>` against `POST /api/tech-insights/checks/run/default/component/<name>` with the 36 checks, both with `Authorization: mockCredentials.user.header()`. Peak RSS is the benchmark process’s (it also holds the synthetic catalog and facts), sampled every 100 ms from boot through both timed refreshes. After the timed figures, ours runs a first refresh over emptied tables and a repeat refresh once more under V8’s CPU profiler (untimed) to show where the time goes.',
    '**Database figures.** Per table, before and after each refresh: rows (count after − before), row writes (inserts + updates + deletes: SQLite `total_changes()` of the single connection; PostgreSQL `pg_stat_user_tables`, read after the pool’s connections are closed so they report their counters), payload bytes (SUM of the byte length of every column as text, `length(CAST(col AS BLOB))` / `octet_length(col::text)`) and storage bytes (SQLite `dbstat` pages of the table and its indexes; PostgreSQL `pg_total_relation_size`, which includes indexes, TOAST and dead row versions). Knex migration bookkeeping tables are left out.',
    '**Nothing slowed the peer.** Both systems run in `startTestBackend` with the same mock services, the same `catalogServiceMock` catalog, the same Authorization header, a database of their own (same engine, same pool: one SQLite connection, or 10 PostgreSQL connections) and a scheduler that runs tasks only when the benchmark triggers them, so no other task competes. The peer runs with its defaults (`checksRunConcurrency` 100) and the cheapest fact lifecycle (`timeToLive` 400 days, one indexed delete, like our 400-day retention; `maxItems` would add a window query per insert). Its checks carry no catalog filter, so it never calls the catalog. After start, each run waits until the database pool is idle (the peer’s fact checker validates its checks in the background) before anything is measured. Plugin 3.1.0 needs no notification service. Clients run in a worker thread, off the server’s event loop. The machine has 2 cores shared with other work, so single figures vary by tens of percent between runs; the ratios are stable.',
  ];

  const closing: string[] = [];
  const missed = runs.flatMap(verdicts).filter(v => !v.met);
  closing.push(
    missed.length === 0
      ? 'Every target was met in this run.'
      : missed
          .map(
            v =>
              `- ${v.run}: ${v.target} — ours ${v.ours}, ${v.by} (peer ${v.peer}).`,
          )
          .join('\n'),
  );
  const profiled = runs.filter(r => r.ours.profile);
  if (profiled.length > 0) {
    closing.push(
      '**Where the time goes** (V8 CPU profile of the server thread in an extra, untimed first refresh over emptied tables, a repeat refresh and an entity API run of 1,000 requests from 20 clients with its response cache warm, per category; a built-in such as `JSON.stringify` counts for its caller; “waiting” is the event loop idle while the database works):',
    );
    closing.push(
      profileTable(
        profiled.flatMap(run => [
          [`${runLabel(run)}, first`, run.ours.profile!.first],
          [`${runLabel(run)}, repeat`, run.ours.profile!.repeat],
          [`${runLabel(run)}, entity API`, run.ours.profile!.entityApi],
        ]),
      ),
    );
  }
  closing.push(
    'Why. The evaluator is two to three orders of magnitude faster than the peer’s json-rules-engine path; a refresh is bound by what it stores and by turning results into rows. Each batch (500 entities here; `refresh.batchSize`, default 100) is claimed in one statement and written in one transaction of multi-row statements, and the next batch is claimed, collected and evaluated while the previous one is written. An entity’s first scoring adds three rows: its current score (pillar scores in its summary JSON), a history snapshot with every check’s status, message and evidence, and its refresh state (due time, lease, fingerprint, when it was last confirmed, and its last good facts per source). A scoring that finds the same results writes no snapshot and no score row: history is a step function and “scored 2 minutes ago” reads the refresh state. Two row writes per unchanged entity remain — the claim that leases it and the statement that ends the lease, stores its facts and confirms it — because leases are per entity, so that several replicas never score one entity at once and an on-demand refresh can take one entity. Reaching 0.1 writes per entity needs leases and confirmations per batch (a row per claimed range of refs that an entity’s due time and confirmation are read through), a redesign of the refresh queue that is not done. The rest of a repeat refresh is CPU in one Node process: evaluating, compacting and digesting every entity’s results to tell a change from a repeat, and parsing and serialising its facts (see the profile). The entity API’s p95 is mostly queueing: 20 clients keep 20 requests in flight on one event loop, on two cores that also run the clients and the database, so a request waits for the ones ahead of it; the profile shows what each one costs (the HTTP stack and Backstage’s middleware more than our indexed read and cached body). Several replicas serve more clients. Peak RSS here is the benchmark process’s, which also holds the synthetic catalog, every entity’s facts in memory, the evaluator measurements, the earlier runs and the peer’s heap; the backend alone, in a process of its own, is measured by `yarn bench:scale` ([benchmarks-scale.md](benchmarks-scale.md), replica run). Tech Insights stores only facts and evaluates its checks again on every request, which is why its refresh writes less and its entity API is slower.',
  );
  return { method, closing };
}
