import { resolveRetentionVariables } from './infrastructureAsCode';
import type { Signals } from './Signals';

const MAX_NEAR_MISSES = 5;

/**
 * The signals that need the whole repository: a workload or image check
 * passes when at least one first-party workload or image meets it (third-
 * party software, test hooks and fixtures were already left out), and the
 * ones that do not are reported as near misses; an eslint security plugin
 * counts as SAST only when a pipeline exists to run it.
 */
export function combineSignals(signals: Signals): void {
  resolveRetentionVariables(signals);
  const nonRootRuntime = signals.runtimeUsers.filter(u => u.nonRoot);
  const nonRootImages = signals.imageUsers.filter(u => u.nonRoot);
  if (nonRootRuntime.length + nonRootImages.length > 0) {
    [...nonRootRuntime, ...nonRootImages].forEach(u =>
      signals.add('sec.non-root', u.evidence),
    );
  } else {
    signals.imageUsers
      .slice(0, MAX_NEAR_MISSES)
      .forEach(u => signals.nearMiss('sec.non-root', u.evidence));
  }

  const sized = signals.containers.filter(c => c.resources);
  if (sized.length > 0) {
    sized.forEach(c =>
      signals.add('rel.resources', {
        ...c.evidence,
        note: `${c.evidence.note}: requests and limits`,
      }),
    );
  } else {
    signals.containers.slice(0, MAX_NEAR_MISSES).forEach(c =>
      signals.nearMiss('rel.resources', {
        ...c.evidence,
        note: `${c.evidence.note}: no requests and limits`,
      }),
    );
  }
  if (sized.length === 0 && signals.thirdPartyWorkloads.length > 0) {
    signals.nearMiss('rel.resources', {
      note: `not counted: ${signals.thirdPartyWorkloads
        .slice(0, 3)
        .join('; ')}`,
    });
  }

  // A logging library configured to print text is not structured logging.
  if (signals.textLoggers.length > 0 && signals.found.has('obs.logging')) {
    const kept = signals.found
      .get('obs.logging')!
      .filter(e => !/\bwinston\b/.test(e.note ?? ''));
    if (kept.length > 0) signals.found.set('obs.logging', kept);
    else signals.found.delete('obs.logging');
    signals.textLoggers.forEach(e => signals.nearMiss('obs.logging', e));
  }

  if (!signals.has('docs.readme') && signals.has('docs.readme.service'))
    signals.found
      .get('docs.readme.service')!
      .forEach(e => signals.add('docs.readme', e));

  if (signals.has('sec.sast.eslint') && signals.has('ci.pipeline')) {
    signals.found
      .get('sec.sast.eslint')!
      .forEach(e => signals.add('sec.sast', e));
  }
}
