import { calendarDate, durationDays, scheduleOf } from './phaseDates';

describe('phaseDates', () => {
  it('reads the upper bound of a duration in days', () => {
    expect(durationDays('Phase 1 (2-3 weeks)')).toBe(21);
    expect(durationDays('Time: 2–3 days')).toBe(3);
    expect(durationDays('Effort: 12-16 hours')).toBe(2);
    expect(durationDays('Replace console.log calls (2-3h)')).toBe(1);
    expect(durationDays('1 to 2 months')).toBe(60);
    expect(durationDays('Phase 1: 80% coverage')).toBeUndefined();
  });

  it('reads calendar dates: days, quarters, halves, months', () => {
    expect(calendarDate('Foundations (by 2027-03-31)')).toBe('2027-03-31');
    expect(calendarDate('due 2027-02-31')).toBeUndefined();
    expect(calendarDate('Q1 2027')).toBe('2027-03-31');
    expect(calendarDate('2027-Q4: scale')).toBe('2027-12-31');
    expect(calendarDate('H1 2027')).toBe('2027-06-30');
    expect(calendarDate('February 2028')).toBe('2028-02-29');
    expect(calendarDate('Sept. 2027')).toBe('2027-09-30');
    expect(calendarDate('Marketing 2027 launch')).toBeUndefined();
    expect(calendarDate('v1.0 2024-01')).toBeUndefined();
  });

  it('tells a place on the timeline from a duration', () => {
    expect(scheduleOf('Weeks 1-4: Foundations')).toEqual({
      due: undefined,
      at: 28,
      days: undefined,
    });
    expect(scheduleOf('Week 3')).toMatchObject({ at: 21 });
    expect(scheduleOf('Month 2')).toMatchObject({ at: 60 });
    expect(scheduleOf('Hardening (2 weeks 3 days)')).toEqual({
      due: undefined,
      at: undefined,
      days: 14,
    });
  });

  it('reads hostile text in linear time', () => {
    const started = Date.now();
    for (const text of [
      '1'.repeat(100_000),
      `${'1-'.repeat(50_000)}x`,
      `${'1 '.repeat(50_000)}x`,
      `${'Q1 '.repeat(30_000)}`,
      `${'week '.repeat(30_000)}`,
    ]) {
      scheduleOf(text);
    }
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
