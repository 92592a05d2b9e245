import { forecastText } from './PhaseForecasts';

describe('forecastText', () => {
  const due = { met: 1, total: 4, dueDate: '2027-03-31' };
  it('says when the last service meets the phase, and whether that is late', () => {
    expect(
      forecastText(
        {
          projectedDate: '2027-03-12',
          ratePerDay: 0.1,
          windowDays: 28,
          atRisk: false,
        },
        due,
      ),
    ).toBe('At this rate: 12 Mar 2027 — after the 31 Mar 2027 due date? No');
    expect(
      forecastText(
        {
          projectedDate: '2027-04-12',
          ratePerDay: 0.1,
          windowDays: 28,
          atRisk: true,
        },
        due,
      ),
    ).toBe('At this rate: 12 Apr 2027 — after the 31 Mar 2027 due date? Yes');
    expect(
      forecastText(
        { projectedDate: null, ratePerDay: 0, windowDays: 28, atRisk: true },
        due,
      ),
    ).toBe('No progress over the last 28 days');
    expect(forecastText(undefined, { ...due, met: 4 })).toBe(
      'Done: every service meets it',
    );
  });
});
