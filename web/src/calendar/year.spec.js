import { describe, expect, it } from 'vitest';
import { parseCalendar } from './parse';
import { dateRange, shownYear, weekdayKey, yearEntries, yearMonths, yearSummary } from './year';

const CAL = parseCalendar(
  [
    'year 2025 国办发明电〔2024〕12号',
    'off  2025-10-01..2025-10-08 国庆节、中秋节',
    'work 2025-09-28             国庆节调休',
    'off  2025-01-01             元旦',
    'year 2026 国办发明电〔2025〕7号',
    'off  2026-01-01..2026-01-03 元旦',
  ].join('\n'),
);

describe('weekdayKey', () => {
  it('names the weekday of a date, and none for no date', () => {
    expect(weekdayKey('2025-10-01')).toBe('wed');
    expect(weekdayKey('2025-09-28')).toBe('sun');
    expect(weekdayKey('')).toBeNull();
  });
});

describe('yearMonths', () => {
  it('lays out twelve months, Monday first, with the kind of every day', () => {
    const months = yearMonths(2025, CAL.days);
    expect(months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const october = months[9].weeks;
    // 1 October 2025 is a Wednesday: the first week starts with two empty cells.
    expect(october[0].slice(0, 3)).toEqual([null, null, { iso: '2025-10-01', day: 1, kind: 'off' }]);
    const cells = months.flatMap((m) => m.weeks.flat()).filter(Boolean);
    expect(cells.find((c) => c.iso === '2025-09-28').kind).toBe('work');
    expect(cells.find((c) => c.iso === '2025-10-11').kind).toBe('weekend');
    expect(cells.find((c) => c.iso === '2025-10-09').kind).toBe('workday');
  });

  it('has nothing without a year', () => {
    expect(yearMonths(null, CAL.days)).toEqual([]);
  });
});

describe('yearSummary', () => {
  it('counts the working days (make-up days included) and the days off of the year', () => {
    const s = yearSummary(yearMonths(2025, CAL.days));
    expect(s.workdays + s.off).toBe(365);
    // 104 weekend days; 1 + 8 days off, of which 4 and 5 October are a weekend; one
    // make-up Sunday worked.
    expect(s).toEqual({ workdays: 365 - 104 - 7 + 1, off: 104 + 7 - 1 });
  });
});

describe('yearEntries', () => {
  it("lists the year's arrangements earliest first, with their days", () => {
    const entries = yearEntries(CAL.entries, 2025);
    expect(entries.map((e) => [e.first, e.count])).toEqual([
      ['2025-01-01', 1],
      ['2025-09-28', 1],
      ['2025-10-01', 8],
    ]);
    expect(yearEntries(CAL.entries, 2027)).toEqual([]);
  });

  it('writes a range of days, or the one day', () => {
    expect(dateRange({ first: '2025-10-01', last: '2025-10-08' })).toBe('2025-10-01 – 2025-10-08');
    expect(dateRange({ first: '2025-01-01', last: '2025-01-01' })).toBe('2025-01-01');
  });
});

describe('shownYear', () => {
  it('keeps the chosen year, else shows this year, the latest before it or the first', () => {
    expect(shownYear([2024, 2025, 2026], 2024, 2025)).toBe(2024);
    expect(shownYear([2024, 2025, 2026], null, 2025)).toBe(2025);
    expect(shownYear([2023, 2024, 2027], 2030, 2025)).toBe(2024);
    expect(shownYear([2027, 2028], null, 2025)).toBe(2027);
    expect(shownYear([], null, 2025)).toBeNull();
  });
});
