// The service centre (政务服务) on the leaders' dashboard: the year to date and the current
// month from GET /applications/statistics?by=month, and the open applications flagged red
// and yellow now. Pure rules, so that they are tested without a browser.

import { formatNumber, formatPct } from '@/format';
import { statisticsRates } from '@/approvals/applications';

const DAY = /^(\d{4})-(0[1-9]|1[0-2])-\d{2}$/;

/**
 * The span the section covers for the server's date `today` ("2026-11-28"):
 * { year: 2026, from: '2026-01', to: '2026-11', month: '2026-11' }; null for anything that
 * is not a date.
 */
export function serviceSpan(today) {
  const m = typeof today === 'string' ? DAY.exec(today.trim()) : null;
  if (!m) return null;
  const month = `${m[1]}-${m[2]}`;
  return { year: Number(m[1]), from: `${m[1]}-01`, to: month, month };
}

/** Today's date in China (UTC+8, no DST) as YYYY-MM-DD: the fallback when the server gave none. */
export function chinaToday(now = new Date()) {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

// The deadline flags the section counts among open applications.
export const ALERT_FLAGS = Object.freeze(['red', 'yellow']);

/** The applications-list query of the open applications with `flag` (a drill's query string). */
export function flagQuery(flag) {
  return `open=true&flag=${encodeURIComponent(flag)}`;
}

/** A percentage for a card ("92.1%"), or '—' when there is nothing to divide by. */
export function rateText(pct) {
  return pct === null || pct === undefined || !Number.isFinite(Number(pct)) ? '—' : formatPct(pct, { signed: false });
}

/** Working days for a card, one decimal ("2.6"), or '—' when nothing was finished. */
export function daysText(days) {
  return days === null || days === undefined || !Number.isFinite(Number(days)) ? '—' : formatNumber(days, 1);
}

/** A count for a card ("1,234"), or '—' when unknown. */
export function countText(n) {
  return n === null || n === undefined || !Number.isFinite(Number(n)) ? '—' : formatNumber(n);
}

// The figures a statistics row gives, each as { key, value, text, drill } where `drill` is
// the query string of GET /applications behind the figure. The rates are of the applications
// finished; the average days drill to the finished ones it is taken over.
function rowFigures(row) {
  if (!row) return null;
  const rates = statisticsRates(row);
  const d = row.drill ?? {};
  return {
    received: { value: row.received ?? null, text: countText(row.received), drill: d.received ?? null },
    finished: { value: row.finished ?? null, text: countText(row.finished), drill: d.finished ?? null },
    onTimePromised: {
      value: rates.promised,
      text: rateText(rates.promised),
      count: row.on_time_promised ?? null,
      of: row.finished ?? null,
      drill: d.on_time_promised ?? null,
    },
    averageDays: { value: row.average_working_days ?? null, text: daysText(row.average_working_days), drill: d.finished ?? null },
    inZone: {
      value: rates.inZone,
      text: rateText(rates.inZone),
      count: row.in_zone ?? null,
      of: row.finished ?? null,
      drill: d.in_zone ?? null,
    },
  };
}

// The order of the section's statistics cards.
export const SERVICE_FIGURES = Object.freeze(['received', 'finished', 'onTimePromised', 'averageDays', 'inZone']);

/**
 * The section's cards from a by=month statistics answer and the current month ("2026-11"):
 * [{ key, ytd: {value, text, drill, count?, of?}, month: {…} | null }] in SERVICE_FIGURES order.
 * The month is the row whose key is `month`; null when the answer has none. [] without an
 * answer.
 */
export function serviceFigures(stats, month) {
  const ytd = rowFigures(stats?.total);
  if (!ytd) return [];
  const row = Array.isArray(stats?.rows) ? stats.rows.find((r) => r?.key === month) : null;
  const current = rowFigures(row);
  return SERVICE_FIGURES.map((key) => ({ key, ytd: ytd[key], month: current ? current[key] : null }));
}

/**
 * The months of a by=month answer for the chart: [{ key, label, received, finished,
 * drill: {received, finished} }], zeros where a count is missing.
 */
export function serviceMonths(stats) {
  return (Array.isArray(stats?.rows) ? stats.rows : []).map((r) => ({
    key: r.key,
    label: r.label || r.key,
    received: Number(r.received) || 0,
    finished: Number(r.finished) || 0,
    drill: { received: r.drill?.received ?? null, finished: r.drill?.finished ?? null },
  }));
}

/** The full statistics page for the span, by month. */
export function statisticsLink(span) {
  if (!span) return { path: '/approvals/statistics' };
  return { path: '/approvals/statistics', query: { from: span.from, to: span.to, by: 'month' } };
}
