import { daysBetween, dueIn, formatDay, todayIso } from './formatDay';

describe('formatDay', () => {
  it('prints a day with its year, in UTC', () => {
    expect(formatDay('2027-03-31')).toBe('31 Mar 2027');
    expect(formatDay('2027-03-01T23:30:00.000Z')).toBe('1 Mar 2027');
    expect(formatDay('soon')).toBe('soon');
    expect(todayIso(new Date('2026-12-01T23:59:00Z'))).toBe('2026-12-01');
  });

  it('counts whole days and says when a date is due', () => {
    expect(daysBetween('2027-03-17', '2027-03-31')).toBe(14);
    // across the change to summer time: still whole days
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(dueIn('2027-03-31', '2027-03-17')).toBe('due in 14 days');
    expect(dueIn('2027-03-31', '2027-03-30')).toBe('due in 1 day');
    expect(dueIn('2027-03-31', '2027-03-31')).toBe('due today');
    expect(dueIn('2027-03-31', '2027-04-03')).toBe('3 days overdue');
  });
});
