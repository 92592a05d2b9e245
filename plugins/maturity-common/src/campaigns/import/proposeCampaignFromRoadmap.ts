import type { Rubric } from '../../types/Check';
import type { CampaignPhase } from '../Campaign';
import type {
  RoadmapImportItem,
  RoadmapImportResponse,
} from '../CampaignApiTypes';
import {
  addDays,
  durationDays,
  ESTIMATE,
  type PhaseSchedule,
  scheduleOf,
} from './phaseDates';
import {
  defaultRoadmapItemMappings,
  mapRoadmapItem,
  type RoadmapItemMappings,
} from './roadmapItemMappings';
import { type RoadmapLine, roadmapItems } from './roadmapItems';
import {
  cleanTitle,
  CONTEXT,
  contextLabelOf,
  negationOf,
  PHASE_HEADING,
  phaseKindOf,
  RATING,
  wordsOf,
  phaseTitle,
} from './roadmapLanguage';

const DEFAULT_PHASE_DAYS = 28;
/** Longer documents are read up to a line break before this many characters. */
const MAX_CHARACTERS = 500_000;

const firstLineOf = (text: string) => text.split('\n', 1)[0].slice(0, 80);

const contextOf = (line: RoadmapLine) =>
  [...line.section, ...(line.label ? [line.label] : [])].find(s =>
    CONTEXT.test(s),
  );

type Draft = {
  title: string;
  schedule: PhaseSchedule;
  /** Days of the estimates given inside the phase. */
  estimates: number[];
  items: RoadmapImportItem[];
};

/**
 * The document's title: its first heading, when it is a level-1 heading or
 * no other heading is at its level or above (a document that starts with
 * `## Roadmap` and has `###` sections below).
 */
function titleLineOf(lines: RoadmapLine[]): RoadmapLine | undefined {
  const headings = lines.filter(l => l.kind === 'heading');
  const [first, ...others] = headings;
  if (!first) return undefined;
  const depth = first.depth ?? 1;
  return depth === 1 || others.every(h => (h.depth ?? 1) > depth)
    ? first
    : undefined;
}

/**
 * The phase headings of a document: its headings that open a step of the
 * plan, of one family — the one with most members (phases, priorities,
 * numbered sections, weeks; the first of equals), so that a second view of
 * the same plan (a week-by-week timeline after the priorities) does not
 * become more phases. A family whose every member lies inside a heading of
 * another family (numbered tasks inside "Phase 1", "Phase 2") is a part of
 * that family's phases, not a family of phases. Without any, the headings
 * of the shallowest level below the title that are not context.
 */
function phaseHeadingsOf(
  lines: RoadmapLine[],
  titleLine: RoadmapLine | undefined,
): RoadmapLine[] {
  const headings = lines.filter(
    l =>
      l.kind === 'heading' &&
      l !== titleLine &&
      !l.done &&
      !contextOf(l) &&
      !CONTEXT.test(l.text),
  );
  const candidates = new Set(headings);
  const families = new Map<string, RoadmapLine[]>();
  const familyOf = new Map<RoadmapLine, string>();
  const ancestors = new Map<RoadmapLine, RoadmapLine[]>();
  const stack: RoadmapLine[] = [];
  for (const l of lines) {
    if (l.kind !== 'heading') continue;
    while (stack.length && stack[stack.length - 1].depth! >= l.depth!) {
      stack.pop();
    }
    ancestors.set(l, [...stack]);
    stack.push(l);
    if (!candidates.has(l) || !PHASE_HEADING.test(l.text)) continue;
    const key = `${l.depth}:${phaseKindOf(l.text)}`;
    if (!families.has(key)) families.set(key, []);
    families.get(key)!.push(l);
    familyOf.set(l, key);
  }
  const outer = [...families].filter(
    ([key, members]) =>
      !members.every(m =>
        ancestors.get(m)!.some(a => familyOf.has(a) && familyOf.get(a) !== key),
      ),
  );
  const best = outer.sort((a, b) => b[1].length - a[1].length)[0];
  if (best) return best[1];
  const depth = Math.min(...headings.map(h => h.depth ?? 1));
  return headings.filter(h => h.depth === depth);
}

/** The due dates of the phases, one after another from `startsOn`. */
function dueDates(drafts: Draft[], startsOn: string): string[] {
  let previous = startsOn;
  return drafts.map(({ schedule, estimates }) => {
    // A date the heading names, or its place on the plan's timeline, when
    // it keeps the phases in order; else its duration, the sum of the
    // estimates inside it or four weeks, after the phase before.
    const at =
      schedule.at === undefined ? undefined : addDays(startsOn, schedule.at);
    const days =
      schedule.days ??
      (estimates.reduce((sum, d) => sum + d, 0) || DEFAULT_PHASE_DAYS);
    const due = [schedule.due, at].find(d => d && d >= previous);
    previous = due ?? addDays(previous, days);
    return previous;
  });
}

/**
 * A roadmap document as a proposed campaign: its phases from the document's
 * headings and order (each phase's target: the checks its items map to),
 * due dates from its headings and estimates (see `dueDates`), and every
 * heading, list item and table row accounted for — mapped, unmapped with
 * the reason, or ignored as not an action with the reason (context, done,
 * negated, estimates, outside the phases). Nothing is dropped silently.
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
  if (typeof markdown !== 'string') {
    throw new Error('A roadmap import needs the document as Markdown text');
  }
  const { startsOn } = options;
  if (
    typeof startsOn !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(startsOn) ||
    Number.isNaN(Date.parse(startsOn)) ||
    addDays(startsOn, 0) !== startsOn
  ) {
    throw new Error(
      `A roadmap import needs startsOn as a day, YYYY-MM-DD (got ${JSON.stringify(
        startsOn,
      )})`,
    );
  }
  const mappings = options.mappings ?? defaultRoadmapItemMappings;
  const known = new Set(options.rubric.checks.map(c => c.id));
  const order = new Map(options.rubric.checks.map((c, i) => [c.id, i]));
  const byRubric = (ids: Iterable<string>) =>
    [...ids].sort((a, b) => order.get(a)! - order.get(b)!);

  const ignored: RoadmapImportItem[] = [];
  let text = markdown;
  if (markdown.length > MAX_CHARACTERS) {
    // Up to the last line break; a first line longer than that is cut.
    const cut = markdown.lastIndexOf('\n', MAX_CHARACTERS);
    const rest = cut > 0 ? cut + 1 : MAX_CHARACTERS;
    text = markdown.slice(0, cut > 0 ? cut : MAX_CHARACTERS);
    ignored.push({
      line: text.split('\n').length + (cut > 0 ? 1 : 0),
      text: firstLineOf(markdown.slice(rest, rest + 200)),
      checks: [],
      reason: `the document is longer than ${MAX_CHARACTERS.toLocaleString(
        'en',
      )} characters: from this line on it is not read`,
    });
  }
  const all = roadmapItems(text);
  const lines = all.filter(l => l.kind !== 'estimate');
  const titleLine = titleLineOf(lines);
  const title = cleanTitle(titleLine?.text ?? '') || 'Imported roadmap';

  const phaseHeadings = new Set(phaseHeadingsOf(lines, titleLine));
  const phaseDepth = [...phaseHeadings][0]?.depth ?? 0;
  const drafts: Draft[] = [];
  const draftFor = new Map<RoadmapLine, Draft>();
  // Without headings, the whole document is one phase.
  const whole: Draft = { title, schedule: {}, estimates: [], items: [] };
  let current: Draft | undefined = phaseHeadings.size ? undefined : whole;
  for (const line of all) {
    if (line.kind === 'heading' && phaseHeadings.has(line)) {
      current = {
        title: phaseTitle(line.text),
        schedule: scheduleOf(line.text),
        estimates: [],
        items: [],
      };
      drafts.push(current);
    } else if (
      line.kind === 'heading' &&
      line !== titleLine &&
      (line.depth ?? 1) <= phaseDepth
    ) {
      // A section at the phases' level or above ends the current phase.
      current = undefined;
    }
    if (line.kind === 'estimate' && current && !contextOf(line)) {
      current.estimates.push(line.days!);
    }
    if (current) draftFor.set(line, current);
  }

  const unmapped: RoadmapImportItem[] = [];
  for (const line of lines) {
    const item: RoadmapImportItem = {
      line: line.line,
      text: line.text,
      checks: [],
    };
    const ignore = (reason: string) => ignored.push({ ...item, reason });
    const draft = draftFor.get(line);
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
    if (ESTIMATE.test(line.text)) {
      const days = durationDays(line.text);
      if (days) draft?.estimates.push(days);
      ignore('an estimate, used for the due date');
      continue;
    }
    const label = contextLabelOf(line.text);
    if (label) {
      ignore(`"${label}": context, not an action`);
      continue;
    }
    if (line === titleLine) {
      ignore('the document title');
      continue;
    }
    if (isHeading && CONTEXT.test(line.text)) {
      ignore('a section of context, not an action');
      continue;
    }
    if (!line.text) {
      ignore('no words: only symbols or markup');
      continue;
    }
    if (RATING.test(line.text)) {
      ignore('a rating (priority or impact), not an action');
      continue;
    }
    const words = wordsOf(line.text);
    const mapped = mapRoadmapItem(words, mappings, known);
    const negation = negationOf(words);
    if (negation && negation.at <= mapped.at) {
      ignore(`negated ("${negation.words}"): the document rules it out`);
      continue;
    }
    if (!draft) {
      ignore(
        'outside the plan’s phases (a second view of the plan, or notes around it)',
      );
      continue;
    }
    if (mapped.checks.length === 0 && isHeading) {
      ignore(
        phaseHeadings.has(line)
          ? 'a phase of the plan (its items say what it asks)'
          : 'a section heading',
      );
      continue;
    }
    if (mapped.checks.length === 0) {
      unmapped.push({
        ...item,
        reason: mapped.topic?.reason ?? 'no check of the rubric observes this',
      });
      continue;
    }
    draft.items.push({ ...item, checks: byRubric(mapped.checks) });
  }

  // A phase that maps to nothing is left out; its items are listed.
  const kept = (drafts.length ? drafts : [whole]).filter(d => d.items.length);
  const due = dueDates(kept, startsOn);
  const phases: (CampaignPhase & { items: RoadmapImportItem[] })[] = kept.map(
    (draft, i) => ({
      title: draft.title || `Phase ${i + 1}`,
      dueDate: due[i],
      target: { checks: byRubric(new Set(draft.items.flatMap(d => d.checks))) },
      items: draft.items,
    }),
  );
  ignored.sort((a, b) => a.line - b.line);
  return {
    proposal: {
      title,
      description: lines.length
        ? `Imported from a roadmap document: ${phases.length} phases from ${lines.length} headings, list items and table rows.`
        : 'The document has no headings, list items or table rows: nothing to import.',
      phases,
    },
    unmapped,
    ignored,
  };
}
