import type { Rubric } from '../../types/Check';
import type { CampaignPhase } from '../Campaign';
import type {
  RoadmapImportItem,
  RoadmapImportResponse,
} from '../CampaignApiTypes';
import {
  defaultRoadmapItemMappings,
  type RoadmapItemMappings,
} from './roadmapItemMappings';
import { type RoadmapLine, roadmapItems } from './roadmapItems';

const DAY_MS = 86_400_000;
const DEFAULT_PHASE_DAYS = 28;

// Sections and labels that describe, justify or look back: what is under
// them is not a roadmap action.
const CONTEXT =
  /\b(current (?:status|state)|completed|complete foundation|in progress|why(?: first| second)?\??|benefits?|impact analysis|business value|interview points|time estimates?|version history|contributing|feedback|advantages?|overview|recommendations?|what'?s your priority|strategic|for (?:job interviews|portfolio showcase|production deployment)|future considerations|technology evaluation|alternative technologies|questions?)\b/i;

// A heading that opens a step of the plan: "Phase 2", "Priority 1",
// "🥇 PHASE 1: …", "### 1. **CI/CD Pipelines**", "Week 3".
const PHASE_HEADING =
  /^(?:(?:phase|priority|step|stage|milestone|week|sprint|month|quarter)\s*\d+|\d+\.\s+\S)/i;
const PHASE_KIND =
  /(phase|priority|step|stage|milestone|week|sprint|month|quarter)/i;

const DURATION =
  /(\d+(?:\.\d+)?)\s*(?:-|–|to)?\s*(\d+(?:\.\d+)?)?\s*(hours?|days?|weeks?|months?)\b/i;

function durationDays(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const amount = Number(m[2] ?? m[1]);
  const unit = m[3].toLowerCase();
  if (unit.startsWith('hour')) return Math.max(1, Math.ceil(amount / 8));
  if (unit.startsWith('day')) return Math.ceil(amount);
  if (unit.startsWith('week')) return Math.ceil(amount * 7);
  return Math.ceil(amount * 30);
}

const contextOf = (line: RoadmapLine) =>
  [...line.section, ...(line.label ? [line.label] : [])].find(s =>
    CONTEXT.test(s),
  );

type Draft = {
  title: string;
  days?: number;
  items: RoadmapImportItem[];
};

/**
 * The phase headings of a document: its headings that open a step of the
 * plan, of one family — the one with most members (phases, priorities,
 * numbered sections, weeks), so that a second view of the same plan (a
 * week-by-week timeline after the priorities) does not become more phases.
 */
function phaseHeadingsOf(lines: RoadmapLine[]): RoadmapLine[] {
  const families = new Map<string, RoadmapLine[]>();
  for (const l of lines) {
    if (l.kind !== 'heading' || l.done || !PHASE_HEADING.test(l.text)) continue;
    if (contextOf(l) || CONTEXT.test(l.text)) continue;
    const kind = PHASE_KIND.exec(l.text)?.[1].toLowerCase() ?? 'numbered';
    const key = `${l.depth}:${kind}`;
    families.set(key, [...(families.get(key) ?? []), l]);
  }
  return [...families.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

/**
 * A roadmap document as a proposed campaign: its phases from the document's
 * headings and order (each phase's target: the checks its items map to),
 * due dates from its estimates (the upper bound, one phase after another
 * from `startsOn`; four weeks where it gives none), and every heading, list
 * item and table row accounted for — mapped, unmapped with the reason, or
 * ignored as not an action with the reason. Nothing is dropped silently.
 *
 * @public
 */
export function proposeCampaignFromRoadmap(
  markdown: string,
  options: {
    rubric: Rubric;
    startsOn: string;
    mappings?: RoadmapItemMappings;
  },
): RoadmapImportResponse {
  const mappings = options.mappings ?? defaultRoadmapItemMappings;
  const known = new Set(options.rubric.checks.map(c => c.id));
  const order = new Map(options.rubric.checks.map((c, i) => [c.id, i]));
  const lines = roadmapItems(markdown.slice(0, 500_000));
  const title =
    lines.find(l => l.kind === 'heading')?.text || 'Imported roadmap';

  const phaseHeadings = new Set(phaseHeadingsOf(lines));
  const phaseDepth = [...phaseHeadings][0]?.depth ?? 2;
  const usePhases = phaseHeadings.size > 0;
  const drafts: Draft[] = [];
  const draftFor = new Map<RoadmapLine, Draft>();
  let current: Draft | undefined;
  for (const line of lines) {
    if (line.kind === 'heading') {
      const depth = line.depth ?? 1;
      if (
        phaseHeadings.has(line) ||
        (!usePhases &&
          depth === 2 &&
          !contextOf(line) &&
          !CONTEXT.test(line.text))
      ) {
        current = {
          title: line.text,
          days: durationDays(line.text),
          items: [],
        };
        drafts.push(current);
      } else if (depth <= (usePhases ? phaseDepth : 2)) {
        // A section at the phases' level or above ends the current phase.
        current = undefined;
      }
    }
    if (current) draftFor.set(line, current);
  }

  const single: Draft = { title, items: [] };
  const unmapped: RoadmapImportItem[] = [];
  const ignored: RoadmapImportItem[] = [];
  for (const line of lines) {
    const item: RoadmapImportItem = {
      line: line.line,
      text: line.text,
      checks: [],
    };
    const ignore = (reason: string) => ignored.push({ ...item, reason });
    const draft =
      draftFor.get(line) ?? (usePhases || drafts.length ? undefined : single);
    const context = contextOf(line);
    const isHeading = line.kind === 'heading';
    if (line.done) {
      ignore('already done');
      continue;
    }
    if (context) {
      ignore(`under "${context}": context, not an action`);
      continue;
    }
    if (isHeading && (line.depth ?? 1) <= 1) {
      ignore('the document title');
      continue;
    }
    if (isHeading && CONTEXT.test(line.text)) {
      ignore('a section of context, not an action');
      continue;
    }
    if (/^(?:time )?estimate|^effort\b|^priority:|^impact:/i.test(line.text)) {
      const days = durationDays(line.text);
      if (days && draft && draft.days === undefined) draft.days = days;
      ignore('an estimate, used for the due date');
      continue;
    }
    if (!draft) {
      ignore(
        'outside the plan’s phases (a second view of the plan, or notes around it)',
      );
      continue;
    }
    const checks = new Set<string>();
    for (const rule of mappings.rules) {
      if (rule.pattern.test(line.text)) {
        for (const id of rule.checks) if (known.has(id)) checks.add(id);
      }
    }
    if (checks.size === 0 && isHeading) {
      ignore(
        phaseHeadings.has(line)
          ? 'a phase of the plan (its items say what it asks)'
          : 'a section heading',
      );
      continue;
    }
    if (checks.size === 0) {
      const topic = mappings.unobservable.find(u => u.pattern.test(line.text));
      unmapped.push({
        ...item,
        reason: topic?.reason ?? 'no check of the rubric observes this',
      });
      continue;
    }
    draft.items.push({
      ...item,
      checks: [...checks].sort((a, b) => order.get(a)! - order.get(b)!),
    });
  }

  const start = Date.parse(`${options.startsOn}T00:00:00Z`);
  let elapsed = 0;
  const phases: (CampaignPhase & { items: RoadmapImportItem[] })[] = [];
  for (const draft of drafts.length ? drafts : [single]) {
    // A phase that maps to nothing is left out; its items are listed.
    if (draft.items.length === 0) continue;
    elapsed += draft.days ?? DEFAULT_PHASE_DAYS;
    const checks = [...new Set(draft.items.flatMap(i => i.checks))].sort(
      (a, b) => order.get(a)! - order.get(b)!,
    );
    phases.push({
      title: draft.title || `Phase ${phases.length + 1}`,
      dueDate: new Date(start + elapsed * DAY_MS).toISOString().slice(0, 10),
      target: { checks },
      items: draft.items,
    });
  }
  return {
    proposal: {
      title,
      description: `Imported from a roadmap document: ${phases.length} phases from ${lines.length} headings, items and table rows.`,
      phases,
    },
    unmapped,
    ignored,
  };
}
