import { describe, expect, it } from 'vitest';
import { dateValue, dayKind, isoDate, monthWeeks, parseCalendar, weekdayOf } from './parse';

// The shape the server sends back (GET /api/v1/calendar), columns padded.
const SERVER_TEXT = [
  'year 2024 国办发明电〔2023〕7号',
  'off  2024-01-01             元旦',
  'off  2024-02-10..2024-02-17 春节',
  'work 2024-02-04             春节调休',
  'work 2024-02-18             春节调休',
  '',
  'year 2025 国办发明电〔2024〕12号',
  'off  2025-10-01..2025-10-08 国庆节、中秋节',
  '',
].join('\n');

describe('parseCalendar', () => {
  it('reads years, days off and make-up working days line by line', () => {
    const cal = parseCalendar(SERVER_TEXT);
    expect(cal.years).toEqual([
      { year: 2024, source: '国办发明电〔2023〕7号' },
      { year: 2025, source: '国办发明电〔2024〕12号' },
    ]);
    expect(cal.entries).toEqual([
      { kind: 'off', first: '2024-01-01', last: '2024-01-01', name: '元旦', line: 2 },
      { kind: 'off', first: '2024-02-10', last: '2024-02-17', name: '春节', line: 3 },
      { kind: 'work', first: '2024-02-04', last: '2024-02-04', name: '春节调休', line: 4 },
      { kind: 'work', first: '2024-02-18', last: '2024-02-18', name: '春节调休', line: 5 },
      { kind: 'off', first: '2025-10-01', last: '2025-10-08', name: '国庆节、中秋节', line: 8 },
    ]);
    expect(cal.problems).toEqual([]);
    expect(cal.days['2024-01-01']).toEqual({ kind: 'off', name: '元旦' });
    expect(cal.days['2024-02-18']).toEqual({ kind: 'work', name: '春节调休' });
  });

  it('expands a range to every day in it, ends included', () => {
    const { days } = parseCalendar(SERVER_TEXT);
    const spring = Object.keys(days).filter((d) => days[d].name === '春节');
    expect(spring).toEqual([
      '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13',
      '2024-02-14', '2024-02-15', '2024-02-16', '2024-02-17',
    ]);
    expect(days['2024-02-09']).toBeUndefined();
    expect(Object.keys(days).filter((d) => d.startsWith('2025-10'))).toHaveLength(8);
  });

  it('expands a range across a month end and a leap day', () => {
    const { days } = parseCalendar('year 2024 x\noff 2024-02-28..2024-03-02 test\n');
    expect(Object.keys(days)).toEqual(['2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02']);
  });

  it('skips comments, whole-line and trailing, and blank lines', () => {
    const text = [
      '# jingkai working-day calendar',
      '   # indented comment',
      'year 2026 notice # where it comes from',
      '',
      '   ',
      'off 2026-01-01..2026-01-03 元旦 # three days',
      'work 2026-01-04 元旦调休#no space before the hash',
    ].join('\n');
    const cal = parseCalendar(text);
    expect(cal.problems).toEqual([]);
    expect(cal.years).toEqual([{ year: 2026, source: 'notice' }]);
    expect(cal.entries.map((e) => [e.kind, e.first, e.last, e.name, e.line])).toEqual([
      ['off', '2026-01-01', '2026-01-03', '元旦', 6],
      ['work', '2026-01-04', '2026-01-04', '元旦调休', 7],
    ]);
  });

  it('reads CRLF line ends the same as LF', () => {
    const crlf = SERVER_TEXT.replace(/\n/g, '\r\n');
    expect(crlf).toContain('\r\n');
    const cal = parseCalendar(crlf);
    expect(cal).toEqual(parseCalendar(SERVER_TEXT));
    expect(cal.entries[0].name).toBe('元旦');
    expect(cal.years[0].source).toBe('国办发明电〔2023〕7号');
  });

  it('keeps the spaces inside a name and accepts tabs between words', () => {
    const cal = parseCalendar('year\t2027\tState Council notice\noff\t2027-01-01\tNew Year  Day  \n');
    expect(cal.years).toEqual([{ year: 2027, source: 'State Council notice' }]);
    expect(cal.entries[0].name).toBe('New Year  Day');
  });

  it('allows a year without a source', () => {
    expect(parseCalendar('year 2027').years).toEqual([{ year: 2027, source: '' }]);
  });

  it('reports lines it cannot read, with their numbers, and keeps the rest', () => {
    const text = [
      'year 2027 ok',
      'off 2027-02-30 no such day',
      'holiday 2027-01-01 unknown keyword',
      'off 2027-01-01',
      'off 2027-05-05..2027-05-01 backwards',
      'year 27 short',
      'work 2027-01-02 fine',
    ].join('\n');
    const cal = parseCalendar(text);
    expect(cal.problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
    expect(cal.problems[0].text).toBe('off 2027-02-30 no such day');
    expect(cal.entries).toHaveLength(1);
    expect(cal.days).toEqual({ '2027-01-02': { kind: 'work', name: 'fine' } });
  });

  it('gives an empty calendar for empty or missing text', () => {
    for (const text of ['', '\n\n', '# only a comment', undefined, null]) {
      expect(parseCalendar(text)).toEqual({ years: [], entries: [], days: {}, problems: [] });
    }
  });
});

describe('date helpers', () => {
  it('checks dates strictly', () => {
    expect(dateValue('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(dateValue('2025-02-29')).toBeNull();
    expect(dateValue('2025-13-01')).toBeNull();
    expect(dateValue('2025-1-01')).toBeNull();
    expect(dateValue(null)).toBeNull();
  });

  it('names weekdays 0 (Sunday) to 6 (Saturday)', () => {
    expect(weekdayOf('2024-02-18')).toBe(0);
    expect(weekdayOf('2024-02-09')).toBe(5);
    expect(weekdayOf('2024-02-10')).toBe(6);
    expect(weekdayOf('nope')).toBeNull();
    expect(isoDate(2024, 2, 9)).toBe('2024-02-09');
  });

  it('classifies days as off, make-up work, weekend or workday', () => {
    const { days } = parseCalendar(SERVER_TEXT);
    expect(dayKind(days, '2024-02-12')).toBe('off'); // a Monday in the Spring Festival
    expect(dayKind(days, '2024-02-18')).toBe('work'); // a Sunday worked
    expect(dayKind(days, '2024-02-24')).toBe('weekend');
    expect(dayKind(days, '2024-02-19')).toBe('workday');
    expect(dayKind(undefined, '2024-02-19')).toBe('workday');
  });

  it('lays a month out in weeks starting on Monday', () => {
    // February 2024 starts on a Thursday and has 29 days.
    const weeks = monthWeeks(2024, 2);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]).toEqual([null, null, null, '2024-02-01', '2024-02-02', '2024-02-03', '2024-02-04']);
    expect(weeks[4]).toEqual(['2024-02-26', '2024-02-27', '2024-02-28', '2024-02-29', null, null, null]);
    // April 2024 starts on a Monday; September 2024 starts on a Sunday and needs six rows.
    expect(monthWeeks(2024, 4)[0][0]).toBe('2024-04-01');
    expect(monthWeeks(2024, 9)).toHaveLength(6);
    expect(monthWeeks(2024, 9)[0][6]).toBe('2024-09-01');
  });
});
