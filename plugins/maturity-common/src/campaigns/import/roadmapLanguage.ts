/**
 * What the words of a roadmap say about its lines, apart from the checks
 * they name: which sections are context, which headings open a phase,
 * which items are ratings, which are negated. Every pattern has bounded
 * repetitions, so that any text is read in linear time.
 */

// Sections and labels that describe, justify or look back: what is under
// them is not a roadmap action.
export const CONTEXT =
  /\b(current (?:status|state)|completed|complete foundation|in progress|why(?: first| second)?\??|benefits?|impact analysis|business value|interview points|time estimates?|version history|contributing|feedback|advantages?|overview|recommendations?|what'?s your priority|strategic|for (?:job interviews|portfolio showcase|production deployment)|future considerations|technology evaluation|alternative technologies|questions?|non-goals?|out of scope|not planned|not in scope)\b/i;

// An item that starts with such a label ("Business Value: …", "Why: …").
const LABEL = /^([^:]{1,40}):/;

/** The context label an item's text starts with, if any. */
export function contextLabelOf(text: string): string | undefined {
  const label = LABEL.exec(text)?.[1];
  return label && CONTEXT.test(label) ? label : undefined;
}

// A heading that opens a step of the plan: "Phase 2", "Priority 1",
// "🥇 PHASE 1: …", "### 1. **CI/CD Pipelines**", "Weeks 1-4", "Q1 2027".
export const PHASE_HEADING =
  /^(?:(?:phase|priority|step|stage|milestone|weeks?|sprint|months?|quarter)\s{0,3}\d|q[1-4]\b|\d{1,3}\.\s+\S)/i;

/** The family of a phase heading: its word ("phase", "week"…) or numbered. */
export function phaseKindOf(heading: string): string {
  const kind =
    /^(phase|priority|step|stage|milestone|week|sprint|month|quarter|q(?=[1-4]))/i.exec(
      heading,
    )?.[1];
  if (!kind) return 'numbered';
  return kind.toLowerCase() === 'q' ? 'quarter' : kind.toLowerCase();
}

// A rating of the item rather than an action: "Priority: HIGH".
export const RATING = /^(?:priority|impact|severity|value)\s*:/i;

// Negation: the document says the item will not be done. At the start of
// the item ("No chaos engineering yet", "Not now: Istio", "Don't add…"), a
// negated verb of intent ("We will not adopt service mesh", "we don't need
// chaos engineering") or a phrase that rules it out ("out of scope").
export const NEGATION = new RegExp(
  [
    "^(?:no|not|never|don[’']?t|do not|won[’']?t|will not)\\b(?![-/])",
    "\\b(?:will not|won[’']?t|shall not|cannot|can[’']?t|(?:do|does|did) not|(?:don|doesn|didn)[’']?t)\\s+(?:\\w+\\s+){0,2}?(?:adopt|use|add|implement|introduce|need|want|plan|intend|require|build|deploy|set up|support|pursue|do)\\b",
    '\\b(?:no plans? (?:to|for)|decided against|not going to)\\b',
  ].join('|'),
  'i',
);
// A phrase that rules out the whole item, wherever it is ("Dashboards are
// out of scope").
const RULED_OUT =
  /\b(?:not (?:yet )?(?:planned|needed|required|in scope|a priority)|out of scope|non-goals?)\b/i;

/**
 * Where the text starts to say the item is not to be done (0 when it rules
 * out the whole item), and the words that say it, or undefined. A negation
 * applies to the checks named after it: "Alert rules that do not page at
 * night" is still alert rules.
 */
export function negationOf(
  text: string,
): { at: number; words: string } | undefined {
  const whole = RULED_OUT.exec(text);
  if (whole) return { at: 0, words: whole[0] };
  const m = NEGATION.exec(text);
  return m ? { at: m.index, words: m[0].trim() } : undefined;
}

/**
 * The words of an item's text that say what it is: without HTML tags and
 * the content of script and style elements, which the text carries as
 * written but which are not the item's words (`<img onerror=alert(1)>`
 * asks for no alerts).
 */
export function wordsOf(text: string): string {
  return text
    .replace(/<(script|style)\b[^>]{0,200}>[^<]{0,2000}(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<\/?[a-z][^>]{0,200}(?:>|$)/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Title text without mojibake leftovers and decoration: leading symbols,
 * dashes and punctuation (not quotes) are dropped, so that `🚀 Roadmap`,
 * `— Roadmap` and `• Roadmap` all read `Roadmap`.
 */
export function cleanTitle(text: string): string {
  return text.replace(/^(?:(?!["'])[\p{S}\p{Pd}\p{Po}\p{Z}\s])+/u, '').trim();
}

/**
 * A phase's title: cleaned like a title, without the document's own
 * numbering (`1.`, `2)`), which the portal adds itself.
 */
export function phaseTitle(text: string): string {
  const clean = cleanTitle(text);
  return clean.replace(/^\d{1,3}[.)]\s+/, '').trim() || clean;
}
