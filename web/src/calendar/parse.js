// Reads the text of the working-day calendar (GET /api/v1/calendar) for display. The
// server has already checked the file, so this reader is forgiving: a line it cannot
// read is reported in `problems` and skipped rather than failing the whole page.
//
//   year YYYY SOURCE
//   off  YYYY-MM-DD[..YYYY-MM-DD] NAME     days off (public holidays and the days with them)
//   work YYYY-MM-DD NAME                   make-up working day on a weekend (调休上班)
//   # comment, anywhere on a line

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC midnight of an ISO date "YYYY-MM-DD" in milliseconds, or null if no such day. */
export function dateValue(iso) {
  const m = DATE.exec(typeof iso === 'string' ? iso : '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over into March; such a day does not exist.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return null;
  }
  return ms;
}

/** "YYYY-MM-DD" for a year, a month (1-12) and a day. */
export function isoDate(year, month, day) {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isoOf(ms) {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Day of the week of an ISO date: 0 Sunday … 6 Saturday; null if it is no date. */
export function weekdayOf(iso) {
  const ms = dateValue(iso);
  return ms === null ? null : new Date(ms).getUTCDay();
}

export function isWeekend(iso) {
  const w = weekdayOf(iso);
  return w === 0 || w === 6;
}

// Whitespace-separated words; the last of `max` keeps its inner spaces (names may have them).
function words(line, max) {
  const out = [];
  let rest = line.trim();
  while (rest !== '' && out.length < max - 1) {
    const m = /^(\S+)\s*/.exec(rest);
    out.push(m[1]);
    rest = rest.slice(m[0].length);
  }
  if (rest !== '') out.push(rest);
  return out;
}

/**
 * Parses calendar text into
 *   years:    [{ year, source }] in ascending order,
 *   entries:  [{ kind: 'off'|'work', first, last, name, line }] in file order,
 *   days:     { 'YYYY-MM-DD': { kind, name } } for every listed day (ranges expanded),
 *   problems: [{ line, text }] for lines that could not be read.
 * Lines are numbered from 1; "\r\n" and "\n" both end a line.
 */
export function parseCalendar(text) {
  const years = new Map();
  const entries = [];
  const days = {};
  const problems = [];
  const lines = typeof text === 'string' ? text.split(/\r?\n|\r/) : [];

  lines.forEach((raw, index) => {
    const line = index + 1;
    const hash = raw.indexOf('#');
    const content = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    if (content === '') return;
    const parts = words(content, 3);
    const bad = () => problems.push({ line, text: raw.trim() });

    if (parts[0] === 'year') {
      if (!/^\d{4}$/.test(parts[1] ?? '')) return bad();
      const year = Number(parts[1]);
      if (!years.has(year)) years.set(year, { year, source: parts[2] ?? '' });
      return;
    }
    if (parts[0] !== 'off' && parts[0] !== 'work') return bad();
    if (parts.length < 3) return bad();
    const [from, to = from] = parts[1].split('..');
    const first = dateValue(from);
    const last = dateValue(to);
    if (first === null || last === null || last < first) return bad();

    const entry = { kind: parts[0], first: from, last: to, name: parts[2], line };
    entries.push(entry);
    // A year holds at most 366 days; the cap keeps a nonsense range from running away.
    for (let ms = first, n = 0; ms <= last && n < 400; ms += DAY_MS, n += 1) {
      days[isoOf(ms)] = { kind: entry.kind, name: entry.name };
    }
  });

  return {
    years: [...years.values()].sort((a, b) => a.year - b.year),
    entries,
    days,
    problems,
  };
}

/**
 * How a day is treated: 'off' (a listed day off), 'work' (a make-up working day),
 * 'weekend' or 'workday'. `days` is parseCalendar's `days`.
 */
export function dayKind(days, iso) {
  const listed = days?.[iso];
  if (listed) return listed.kind;
  return isWeekend(iso) ? 'weekend' : 'workday';
}

/**
 * The weeks of a month for a grid that starts on Monday: an array of 7-cell rows, each
 * cell an ISO date or null outside the month. `month` is 1-12.
 */
export function monthWeeks(year, month) {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= daysInMonth; d += 1) cells.push(isoDate(year, month, d));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
