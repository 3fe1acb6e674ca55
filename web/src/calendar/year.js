// What the calendar page shows of one year, from the parsed calendar (parse.js): the twelve
// month grids with each day's kind, the count of working days and days off, the year's
// arrangements as listed, and which year to show first. Pure, so that they are tested
// without a browser.

import { dateValue, dayKind, monthWeeks, weekdayOf } from './parse';

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** 'mon' … 'sun' for a date (the calendar.weekday.* message), or null for no date. */
export function weekdayKey(iso) {
  const w = weekdayOf(iso);
  return w === null ? null : WEEKDAY_KEYS[w];
}

/**
 * The months of `year`: [{ month, weeks }], each week seven cells, Monday first, a cell
 * { iso, day, kind } or null outside the month. `days` are the parsed calendar's days.
 */
export function yearMonths(year, days) {
  if (!year) return [];
  return Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    weeks: monthWeeks(year, i + 1).map((week) =>
      week.map((iso) => (iso ? { iso, day: Number(iso.slice(8)), kind: dayKind(days, iso) } : null)),
    ),
  }));
}

/** { workdays, off } of the months: a make-up weekend day worked counts as a working day. */
export function yearSummary(months) {
  let workdays = 0;
  let off = 0;
  for (const m of months) {
    for (const week of m.weeks) {
      for (const cell of week) {
        if (!cell) continue;
        if (cell.kind === 'workday' || cell.kind === 'work') workdays += 1;
        else off += 1;
      }
    }
  }
  return { workdays, off };
}

/** The arrangements that begin in `year`, earliest first, each with its number of days. */
export function yearEntries(entries, year) {
  return entries
    .filter((e) => e.first.startsWith(`${year}-`))
    .slice()
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0))
    .map((e) => ({ ...e, count: Math.round((dateValue(e.last) - dateValue(e.first)) / 86_400_000) + 1 }));
}

/** "2025-10-01 – 2025-10-08", or the one date of a single day. */
export function dateRange(entry) {
  return entry.first === entry.last ? entry.first : `${entry.first} – ${entry.last}`;
}

/**
 * The year to show of those the server has: the one already chosen if it still has it,
 * else this year, else the latest before it, else the first.
 */
export function shownYear(years, chosen, thisYear) {
  if (years.includes(chosen)) return chosen;
  if (years.includes(thisYear)) return thisYear;
  const earlier = years.filter((y) => y <= thisYear);
  return earlier.at(-1) ?? years[0] ?? null;
}
