// Drill-down: every figure of the dashboard names the records behind it as
// { path: "/api/v1/…", query: {…} }. These helpers decide how to show a drill (which
// table), build the request for one page of it, and describe its scope in words.

const KINDS = Object.freeze({
  '/api/v1/enterprises': 'enterprises',
  '/api/v1/enterprise-reports': 'reports',
  '/api/v1/indicators/ranking': 'ranking',
  '/api/v1/applications': 'applications',
});

/**
 * 'enterprises' | 'reports' | 'ranking' | 'applications' for a drill's path, or null for
 * anything else.
 */
export function drillKind(drill) {
  const path = typeof drill === 'string' ? drill : drill?.path;
  return typeof path === 'string' && Object.hasOwn(KINDS, path) ? KINDS[path] : null;
}

/** Whether the server pages this kind of list itself (the ranking comes whole, up to its limit). */
export function serverPaged(kind) {
  return kind === 'enterprises' || kind === 'reports' || kind === 'applications';
}

/**
 * The request for one page of a drill: { path, query } with page and page_size added where
 * the server pages the list. Query values are kept as strings. null for a drill the UI does
 * not know how to show (it is never sent anywhere).
 */
export function drillRequest(drill, { page = 1, pageSize = 20 } = {}) {
  const kind = drillKind(drill);
  if (!kind) return null;
  const query = {};
  for (const [k, v] of Object.entries(drill.query ?? {})) {
    if (v !== null && v !== undefined && v !== '') query[k] = String(v);
  }
  if (serverPaged(kind)) {
    query.page = String(page);
    query.page_size = String(pageSize);
  }
  return { path: drill.path, query };
}

/** One page of a list that came whole: items `page` (1-based) of size `pageSize`. */
export function pageSlice(items, page, pageSize) {
  const list = Array.isArray(items) ? items : [];
  const start = (Math.max(1, page) - 1) * pageSize;
  return list.slice(start, start + pageSize);
}

const SCOPE_KEYS = ['chain', 'above_scale', 'high_tech', 'listed', 'global500', 'status', 'enterprise', 'order', 'min_output_fen'];
// The filters of the applications list that the statistics' drill-downs use.
const APPLICATION_SCOPE_KEYS = [
  'received_month',
  'received_from',
  'received_to',
  'finished_month',
  'finished_from',
  'finished_to',
  'item_code',
  'department',
  'category',
  'state',
  'open',
  'flag',
  'on_time',
  'in_zone',
  'enterprise_id',
];

/**
 * The scope of a drill as [key, value] pairs for labels (drill.scope.<key> in the locale
 * files): the period range first, then the other filters. Paging and limits are left out.
 */
export function drillScope(drill) {
  const q = drill?.query ?? {};
  const out = [];
  if (q.from && q.to) out.push(['period', q.from === q.to ? String(q.from) : `${q.from} – ${q.to}`]);
  else if (q.from) out.push(['from', String(q.from)]);
  else if (q.to) out.push(['to', String(q.to)]);
  for (const key of [...SCOPE_KEYS, ...APPLICATION_SCOPE_KEYS]) {
    if (q[key] !== undefined && q[key] !== null && q[key] !== '') out.push([key, String(q[key])]);
  }
  return out;
}

/**
 * The drill behind a click on a dashboard chart: ECharts passes `params` with the series
 * index and the data index; `rows` is the array the chart was drawn from and `pick(row,
 * seriesIndex)` returns the drill of one bar. null when the bar has no drill (a month yet
 * to come).
 */
export function drillOfClick(params, rows, pick) {
  if (!params || !Array.isArray(rows)) return null;
  const row = rows[params.dataIndex];
  if (!row) return null;
  const drill = pick(row, params.seriesIndex ?? 0);
  return drillKind(drill) ? drill : null;
}
