const DAY_MS = 86_400_000;

/** Today as YYYY-MM-DD in UTC, the calendar the backend judges dates by. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * A YYYY-MM-DD day for people: "31 Mar 2027". With the year always, as a
 * roadmap review often looks across a year's end.
 */
export function formatDay(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when past. */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) -
      Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) /
      DAY_MS,
  );
}

/** "due in 14 days", "due today", "3 days overdue". */
export function dueIn(dueDate: string, today: string): string {
  const days = daysBetween(today, dueDate);
  if (days === 0) return 'due today';
  if (days > 0) return `due in ${days} day${days === 1 ? '' : 's'}`;
  return `${-days} day${days === -1 ? '' : 's'} overdue`;
}
