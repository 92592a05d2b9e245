/**
 * When a phase of a roadmap is due, from what its heading or estimates say:
 * a calendar date (`by 2027-03-31`, `Q1 2027`, `H2 2027`, `March 2027`), a
 * place on the plan's timeline (`Weeks 1-4`, `Month 2`: counted from the
 * campaign's start) or a duration (`(2-3 weeks)`, `Time: 2-3 days`: after
 * the phase before). Every pattern has bounded repetitions, so that any
 * text is read in linear time.
 */

const DAY_MS = 86_400_000;

/** What a heading says of its phase's schedule. */
export interface PhaseSchedule {
  /** A calendar date, YYYY-MM-DD. */
  due?: string;
  /** Days after the campaign's start (a place on the plan's timeline). */
  at?: number;
  /** Days the phase takes (its upper estimate). */
  days?: number;
}

const NUMBER = '(\\d{1,4}(?:\\.\\d{1,2})?)';
const DURATION = new RegExp(
  `(?<![\\d.])${NUMBER}\\s{0,3}(?:(?:-|–|to)\\s{0,3}${NUMBER}\\s{0,3})?(hours?|hrs?|h|days?|weeks?|months?)\\b`,
  'i',
);

function unitDays(unit: string, amount: number): number {
  const u = unit.toLowerCase();
  if (u.startsWith('h')) return Math.max(1, Math.ceil(amount / 8));
  if (u.startsWith('d')) return Math.ceil(amount);
  if (u.startsWith('w')) return Math.ceil(amount * 7);
  return Math.ceil(amount * 30);
}

/** A line that gives an estimate: `Time: 2-3 days`, `Effort: 4-6 hours`. */
export const ESTIMATE =
  /^(?:time(?: estimates?)?|estimated? (?:time|effort|duration)|estimates?|effort|duration)\s*:/i;

/** Days an estimate says (its upper bound): `2-3 days` → 3, `4-6h` → 1. */
export function durationDays(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  return unitDays(m[3], Number(m[2] ?? m[1]));
}

// "Week 3", "Weeks 1-4", "Month 2", "Days 1–5": the unit before the number
// (not "2 weeks 3 days", a duration).
const TIMELINE =
  /(?<!\d\s{0,3})\b(weeks?|months?|days?)\s{0,3}(\d{1,3})(?:\s{0,3}(?:-|–|to|and|&)\s{0,3}(\d{1,3}))?(?![\d.])/i;

const iso = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
/** Last day of a month (1-12) of a year. */
const endOfMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/;
const QUARTER =
  /\bQ([1-4])\s{0,3}(?:of\s{1,3})?(\d{4})\b|\b(\d{4})[\s-]{0,3}Q([1-4])\b/i;
const HALF = /\bH([12])\s{0,3}(\d{4})\b|\b(\d{4})[\s-]{0,3}H([12])\b/i;
const MONTH_YEAR =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s{1,3}(\d{4})\b/i;

/** The calendar date a text names as a deadline, YYYY-MM-DD. */
export function calendarDate(text: string): string | undefined {
  const date = ISO_DATE.exec(text);
  if (date) {
    const [year, month, day] = date.slice(1).map(Number);
    const value = iso(year, month, day);
    // 2027-02-31 is not a day: a date only when it reads back the same.
    if (value === date[0]) return value;
  }
  const quarter = QUARTER.exec(text);
  if (quarter) {
    const q = Number(quarter[1] ?? quarter[4]);
    return endOfMonth(Number(quarter[2] ?? quarter[3]), q * 3);
  }
  const half = HALF.exec(text);
  if (half) {
    const h = Number(half[1] ?? half[4]);
    return endOfMonth(Number(half[2] ?? half[3]), h * 6);
  }
  const month = MONTH_YEAR.exec(text);
  if (month) {
    const m = MONTHS.indexOf(month[1].slice(0, 3).toLowerCase()) + 1;
    return endOfMonth(Number(month[2]), m);
  }
  return undefined;
}

/** What a phase heading says of when the phase is due. */
export function scheduleOf(heading: string): PhaseSchedule {
  const timeline = TIMELINE.exec(heading);
  return {
    due: calendarDate(heading),
    at: timeline
      ? unitDays(timeline[1], Number(timeline[3] ?? timeline[2]))
      : undefined,
    days: durationDays(heading),
  };
}

/** The day `days` after `day` (both YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}
