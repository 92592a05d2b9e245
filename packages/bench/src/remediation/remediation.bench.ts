/* eslint-disable no-console */
import fs from 'node:fs';
import path from 'node:path';
import { benchEntities } from './benchEntities';
import { benchEntity, type EntityOutcome } from './benchRepository';
import { remediationCorpus } from './remediationCorpus';

/**
 * `yarn bench:remediation`: for every repository of the corpus and every
 * entity it stands for, plan every remediable failing check, write the plan
 * into a copy, re-score it and run every validator over it; print per
 * repository and in total: failing → fixed, skipped with reasons, validator
 * rejections and failures, files created and edited, changes aimed at a
 * workload that is not the entity's. The pull requests (title, body, files)
 * are written to REMEDIATION_PRS (default /tmp/remediation-prs) for review.
 */
async function main() {
  const { repositories, missing } = remediationCorpus();
  if (missing.length > 0)
    console.log(
      `Not checked out (run packages/bench/src/field/checkout.sh): ${missing.join(
        ', ',
      )}`,
    );
  if (repositories.length === 0) {
    console.log('No repositories to run over.');
    process.exitCode = 1;
    return;
  }
  const only = process.env.REMEDIATION_ONLY?.split(',');
  const prs = process.env.REMEDIATION_PRS ?? '/tmp/remediation-prs';
  const rows: { repo: string; outcomes: EntityOutcome[]; seconds: number }[] =
    [];
  for (const repository of repositories) {
    if (only && !only.some(o => repository.repo.includes(o))) continue;
    const start = Date.now();
    const outcomes: EntityOutcome[] = [];
    for (const entity of await benchEntities(repository)) {
      const outcome = await benchEntity(repository.dir, entity);
      outcomes.push(outcome);
      const out = path.join(
        prs,
        repository.repo.replace('/', '+'),
        entity.name,
      );
      fs.rmSync(out, { recursive: true, force: true });
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(
        path.join(out, 'PULL_REQUEST.md'),
        `# ${outcome.plan.pullRequest.title}\n\n${outcome.plan.pullRequest.body}\n`,
      );
      for (const file of outcome.plan.files) {
        const target = path.join(out, 'files', file.path);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, file.content);
        if (file.diff) fs.writeFileSync(`${target}.diff`, file.diff);
      }
    }
    const seconds = (Date.now() - start) / 1000;
    rows.push({ repo: repository.repo, outcomes, seconds });
    const sum = (f: (o: EntityOutcome) => number) =>
      outcomes.reduce((n, o) => n + f(o), 0);
    console.log(
      `${repository.repo}: ${outcomes.length} entit${
        outcomes.length === 1 ? 'y' : 'ies'
      }, ` +
        `${sum(o => o.failing.length)} failing → ${sum(
          o => o.fixed.length,
        )} fixed, ` +
        `${sum(o => o.skipped.length)} skipped, ${sum(
          o => o.rejectedByValidators,
        )} rejected by validators, ` +
        `${sum(o => o.validatorFailures.length)} validator failures, ${sum(
          o => o.created,
        )} created / ${sum(o => o.edited)} edited, ` +
        `${sum(o => o.wrongTarget.length)} wrong target, ${sum(
          o => o.notPassingAfter.length + o.worse.length,
        )} re-score problems (${seconds.toFixed(1)} s)`,
    );
    for (const o of outcomes) {
      for (const f of o.validatorFailures)
        console.log(`    VALIDATOR ${o.entity} ${f}`);
      for (const f of o.wrongTarget)
        console.log(`    WRONG TARGET ${o.entity} ${f}`);
      for (const id of o.notPassingAfter)
        console.log(`    NOT PASSING AFTER ${o.entity} ${id}`);
      for (const id of o.worse) console.log(`    WORSE ${o.entity} ${id}`);
    }
  }

  const all = rows.flatMap(r => r.outcomes);
  const total = (f: (o: EntityOutcome) => number) =>
    all.reduce((n, o) => n + f(o), 0);
  const failing = total(o => o.failing.length);
  const fixed = total(o => o.fixed.length);
  console.log(
    '\n| repository | entities | failing → fixed | skipped | rejected by validators | validator failures | created / edited | wrong target |',
  );
  console.log('| --- | --: | --: | --: | --: | --: | --: | --: |');
  for (const r of rows) {
    const s = (f: (o: EntityOutcome) => number) =>
      r.outcomes.reduce((n, o) => n + f(o), 0);
    console.log(
      `| ${r.repo} | ${r.outcomes.length} | ${s(o => o.failing.length)} → ${s(
        o => o.fixed.length,
      )} | ${s(o => o.skipped.length)} | ${s(
        o => o.rejectedByValidators,
      )} | ${s(o => o.validatorFailures.length)} | ${s(o => o.created)} / ${s(
        o => o.edited,
      )} | ${s(o => o.wrongTarget.length)} |`,
    );
  }
  console.log(
    `| **total** | ${all.length} | ${failing} → ${fixed} (${(
      (100 * fixed) /
      Math.max(1, failing)
    ).toFixed(1)}%) | ${total(o => o.skipped.length)} | ${total(
      o => o.rejectedByValidators,
    )} | ${total(o => o.validatorFailures.length)} | ${total(
      o => o.created,
    )} / ${total(o => o.edited)} | ${total(o => o.wrongTarget.length)} |`,
  );

  // Skip reasons, grouped by check and the reason's first words.
  const reasons = new Map<string, number>();
  for (const o of all)
    for (const s of o.skipped) {
      const key = `${s.id}: ${s.reason
        .replace(/\b[\w./-]*\//g, '…/')
        .replace(/\d+/g, 'N')
        .slice(0, 110)}`;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
  console.log('\nSkipped, by reason:');
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(3)}× ${reason}`);
  const unvalidated = new Set(all.flatMap(o => o.unvalidated));
  if (unvalidated.size > 0)
    console.log(`\nNot validated here: ${[...unvalidated].join('; ')}`);

  const percent = (100 * fixed) / Math.max(1, failing);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log('\nTargets:');
  console.log(
    `  0 generated or edited files that fail their validator: ${total(
      o => o.validatorFailures.length,
    )} — ${verdict(total(o => o.validatorFailures.length) === 0)}`,
  );
  console.log(
    `  0 fixes aimed at a workload that is not the entity's: ${total(
      o => o.wrongTarget.length,
    )} — ${verdict(total(o => o.wrongTarget.length) === 0)}`,
  );
  console.log(
    `  ≥ 95% of remediable failing checks closed: ${percent.toFixed(
      1,
    )}% — ${verdict(percent >= 95)}`,
  );
  console.log(
    `  every skip with a reason: ${
      all.every(o => o.skipped.every(s => s.reason.length > 20))
        ? 'met'
        : 'NOT met'
    }`,
  );
  console.log(`\nPull requests written to ${prs}`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
