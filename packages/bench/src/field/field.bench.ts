/* eslint-disable no-console */
/*
 * `yarn bench:field [DIR]`: scores the labelled field corpus (real public
 * repositories, checked out by checkout.sh into DIR, default /work/field or
 * $FIELD_DIR) with the same detectors as `maturity score`, and prints the
 * agreement with the hand labels overall and per check, the false passes and
 * every disagreement. Ambiguous labels are not counted. A benchmark, not a
 * test: it needs the snapshots, which are not in the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPOSITORY_CHECK_IDS } from '@roadmap/plugin-maturity-common';
import { DEFAULT_FIELD_DIR, loadFieldCorpus } from './loadFieldCorpus';
import { scoreFieldRepository, type ToolVerdict } from './scoreFieldRepository';

const TARGET_OVERALL = 0.98;
const TARGET_PER_CHECK = 0.92;

interface Disagreement {
  repo: string;
  check: string;
  label: 'pass' | 'fail';
  tool: 'pass' | 'fail';
  message: string;
  reason: string;
}

function toolMessage(verdict: ToolVerdict | undefined): string {
  if (!verdict) return 'no fact';
  const notes = verdict.evidence
    .slice(0, 3)
    .map(e =>
      `${e.path ?? ''}${e.line ? `:${e.line}` : ''} ${e.note ?? ''}`.trim(),
    );
  return notes.length ? notes.join('; ') : 'no evidence found';
}

const pct = (n: number, d: number) =>
  d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;

async function main() {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
  const dir = path.resolve(
    args[0] ?? process.env.FIELD_DIR ?? DEFAULT_FIELD_DIR,
  );
  const corpus = loadFieldCorpus();
  const present = corpus.filter(r => fs.existsSync(path.join(dir, r.folder)));
  const missing = corpus.filter(r => !present.includes(r));
  if (missing.length > 0) {
    console.log(
      `${missing.length} of ${
        corpus.length
      } snapshots are missing from ${dir}: ${missing
        .map(r => r.folder)
        .join(', ')}`,
    );
    console.log(
      `  Recreate them with: packages/bench/src/field/checkout.sh ${dir}\n` +
        '  (it reads the bare mirrors under $MIRRORS, default /work/.mirror, or clones from GitHub at the labelled commits).',
    );
    if (present.length === 0) process.exit(2);
  }

  const perCheck = new Map<
    string,
    { agree: number; total: number; falsePass: number; falseFail: number }
  >(
    REPOSITORY_CHECK_IDS.map(id => [
      id,
      { agree: 0, total: 0, falsePass: 0, falseFail: 0 },
    ]),
  );
  const disagreements: Disagreement[] = [];
  const raw: Record<string, Record<string, boolean>> = {};
  let ambiguous = 0;
  console.log(
    `\nrepository                                             files     ms  agree`,
  );
  for (const repo of present) {
    const result = await scoreFieldRepository(path.join(dir, repo.folder));
    raw[repo.repo] = Object.fromEntries(
      [...result.verdicts].map(([k, v]) => [k, v.value]),
    );
    let agree = 0;
    let total = 0;
    for (const check of REPOSITORY_CHECK_IDS) {
      const label = repo.labels[check];
      if (label.label === 'ambiguous') {
        ambiguous += 1;
        continue;
      }
      const verdict = result.verdicts.get(check);
      const tool = verdict?.value ? 'pass' : 'fail';
      const stats = perCheck.get(check)!;
      stats.total += 1;
      total += 1;
      if (tool === label.label) {
        stats.agree += 1;
        agree += 1;
      } else {
        if (tool === 'pass') stats.falsePass += 1;
        else stats.falseFail += 1;
        disagreements.push({
          repo: repo.repo,
          check,
          label: label.label,
          tool,
          message: toolMessage(verdict),
          reason: label.reason,
        });
      }
    }
    console.log(
      `${repo.repo.padEnd(52)} ${String(result.filesListed).padStart(
        6,
      )} ${result.ms.toFixed(0).padStart(6)} ${pct(agree, total)}`,
    );
  }

  console.log(
    `\ncheck                    agree  decisions  false pass  false fail`,
  );
  let agreeAll = 0;
  let totalAll = 0;
  let falsePasses = 0;
  const below: string[] = [];
  for (const [check, s] of perCheck) {
    agreeAll += s.agree;
    totalAll += s.total;
    falsePasses += s.falsePass;
    if (s.total > 0 && s.agree / s.total < TARGET_PER_CHECK) below.push(check);
    console.log(
      `${check.padEnd(24)} ${pct(s.agree, s.total)} ${String(s.total).padStart(
        10,
      )} ${String(s.falsePass).padStart(11)} ${String(s.falseFail).padStart(
        11,
      )}`,
    );
  }
  console.log(
    `\noverall: ${pct(
      agreeAll,
      totalAll,
    ).trim()} of ${totalAll} decisions (${ambiguous} ambiguous labels not counted), ${falsePasses} false pass${
      falsePasses === 1 ? '' : 'es'
    }, ${present.length} repositories`,
  );
  console.log(
    `targets: overall >= ${TARGET_OVERALL * 100}% ${
      agreeAll / totalAll >= TARGET_OVERALL ? 'met' : 'NOT met'
    }; every check >= ${TARGET_PER_CHECK * 100}% ${
      below.length === 0 ? 'met' : `NOT met (${below.join(', ')})`
    }; no false pass ${falsePasses === 0 ? 'met' : 'NOT met'}`,
  );
  if (disagreements.length > 0) {
    console.log(`\ndisagreements (${disagreements.length}):`);
    for (const d of disagreements)
      console.log(
        `  ${d.repo} ${d.check}: label ${d.label}, tool ${d.tool} — tool: ${d.message}\n      label: ${d.reason}`,
      );
  }
  if (jsonOut) fs.writeFileSync(jsonOut, `${JSON.stringify(raw, null, 2)}\n`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
