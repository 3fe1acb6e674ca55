// The enterprise list's filters as the page keeps them, and the query the server takes.
// The same query serves the list, the export links and the page's own URL, so that a
// filtered list can be bookmarked and exported as shown.

export const FLAG_FILTERS = Object.freeze(['above_scale', 'high_tech', 'listed', 'global500']);
export const STATUSES = Object.freeze(['active', 'moved_out', 'deregistered']);
export const SORT_FIELDS = Object.freeze(['name', 'founded_on', 'land_area', 'updated_at', 'uscc']);

export function emptyFilters() {
  return { q: '', chain: '', above_scale: '', high_tech: '', listed: '', global500: '', status: '', industry: '', sort: '' };
}

/** The server's query for `filters` (empty values left out), plus paging when given. */
export function enterpriseQuery(filters, { page, pageSize } = {}) {
  const f = { ...emptyFilters(), ...(filters ?? {}) };
  const query = {};
  const q = String(f.q ?? '').trim();
  if (q) query.q = q;
  if (f.chain !== '' && f.chain !== null && f.chain !== undefined) query.chain = String(f.chain);
  for (const flag of FLAG_FILTERS) {
    if (f[flag] === true || f[flag] === 'true') query[flag] = 'true';
    else if (f[flag] === false || f[flag] === 'false') query[flag] = 'false';
  }
  if (STATUSES.includes(f.status)) query.status = f.status;
  const industry = String(f.industry ?? '').trim();
  if (industry) query.industry = industry;
  if (f.sort) query.sort = f.sort;
  if (page) query.page = String(page);
  if (pageSize) query.page_size = String(pageSize);
  return query;
}

/** Filters read back from a route query (unknown keys and values dropped). */
export function filtersFromQuery(query) {
  const f = emptyFilters();
  const q = query ?? {};
  const one = (v) => (Array.isArray(v) ? v[0] : v);
  if (typeof one(q.q) === 'string') f.q = one(q.q);
  const chain = one(q.chain);
  if (chain === 'none' || /^\d+$/.test(chain ?? '')) f.chain = chain === 'none' ? 'none' : Number(chain);
  for (const flag of FLAG_FILTERS) {
    const v = one(q[flag]);
    if (v === 'true' || v === 'false') f[flag] = v;
  }
  if (STATUSES.includes(one(q.status))) f.status = one(q.status);
  if (/^\d{1,4}$/.test(one(q.industry) ?? '')) f.industry = one(q.industry);
  const sort = one(q.sort);
  if (typeof sort === 'string' && SORT_FIELDS.includes(sort.replace(/^-/, ''))) f.sort = sort;
  return f;
}

/** The sort value for an el-table sort-change: ('name', 'descending') -> '-name'. */
export function sortValue(prop, order) {
  const field = { name: 'name', founded_on: 'founded_on', land_area_mu: 'land_area', updated_at: 'updated_at', uscc: 'uscc' }[prop];
  if (!field || !order) return '';
  return order === 'descending' ? `-${field}` : field;
}

/** The el-table default-sort for a sort value: '-name' -> { prop: 'name', order: 'descending' }. */
export function tableSort(sort) {
  if (!sort) return {};
  const desc = sort.startsWith('-');
  const field = sort.replace(/^-/, '');
  const prop = field === 'land_area' ? 'land_area_mu' : field;
  return { prop, order: desc ? 'descending' : 'ascending' };
}

/** A query string ("?a=1&b=2", or "") for a link such as an export download. */
export function queryString(query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.append(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

// The form's fields in the order of the server's body, with what an empty form holds.
export function emptyEnterprise() {
  return {
    uscc: '',
    name: '',
    legal_representative: '',
    address: '',
    division_code: '',
    industry_code: '',
    chain_id: null,
    high_tech_certificate: '',
    high_tech_expires_on: null,
    listed_exchange: '',
    listed_ticker: '',
    global500_group: '',
    // 'auto' (judged from the reports, null on the wire), true or false.
    above_scale_override: 'auto',
    land_area_mu: '',
    founded_on: null,
    status: 'active',
  };
}

/** The form's values for an enterprise from the server. */
export function enterpriseToForm(e) {
  const form = emptyEnterprise();
  for (const key of Object.keys(form)) {
    if (e && e[key] !== undefined) form[key] = e[key];
  }
  // The select uses '' for "computed from the reports"; the server uses null.
  if (form.above_scale_override === null) form.above_scale_override = 'auto';
  return form;
}

/** The body of POST/PUT /enterprises for the form's values. */
export function enterpriseBody(form) {
  const body = {};
  const text = (v) => (typeof v === 'string' ? v.trim() : v);
  for (const [key, value] of Object.entries(emptyEnterprise())) {
    const v = form?.[key];
    if (key === 'above_scale_override') {
      body[key] = v === true || v === 'true' ? true : v === false || v === 'false' ? false : null;
    } else if (key === 'chain_id') {
      if (v !== null && v !== '' && v !== undefined) body[key] = Number(v);
    } else if (key === 'high_tech_expires_on' || key === 'founded_on') {
      if (v) body[key] = v;
    } else if (key === 'land_area_mu') {
      const t = text(v ?? '');
      if (t !== '' && t !== null) body[key] = String(t);
    } else if (typeof value === 'string') {
      const t = text(v ?? '');
      if (t !== '' || ['uscc', 'name', 'legal_representative', 'division_code', 'industry_code'].includes(key)) body[key] = t;
    }
  }
  return body;
}

/** The flags of an enterprise, as keys of the locale's enterprises.flag.* labels. */
export function enterpriseFlags(e) {
  if (!e) return [];
  const out = [];
  if (e.above_scale) out.push('above_scale');
  if (e.high_tech_certificate) out.push('high_tech');
  if (e.listed_exchange) out.push('listed');
  if (e.global500_group) out.push('global500');
  return out;
}
