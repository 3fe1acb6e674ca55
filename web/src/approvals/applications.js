// Pure rules of applications (办件): how a state, a deadline flag and a timeline entry are
// labelled, which input each workflow action asks for, which files may be uploaded as
// materials, and how a statistics figure's drill-down becomes a list request. The words
// come from the locale files: these return message keys and their arguments, never text.

import { API_BASE } from '@/api/client';

// The states of an application, in the order of the workflow (see docs/openapi.yaml).
export const STATES = Object.freeze([
  'draft',
  'submitted',
  'accepted',
  'reviewing',
  'correcting',
  'decided',
  'finished',
  'refused',
  'withdrawn',
]);

// The states the officer's queue holds by default (the API's open=true).
export const OPEN_STATES = Object.freeze(['submitted', 'accepted', 'reviewing', 'correcting']);

const STATE_TAG_TYPE = Object.freeze({
  draft: 'info',
  submitted: 'warning',
  accepted: 'primary',
  reviewing: 'primary',
  correcting: 'warning',
  decided: 'success',
  finished: 'success',
  refused: 'danger',
  withdrawn: 'info',
});

/** A state as a tag: { key: 'application.state.<state>', type }; an unknown state keeps its name. */
export function stateTag(state) {
  if (typeof state === 'string' && Object.hasOwn(STATE_TAG_TYPE, state)) {
    return { key: `application.state.${state}`, type: STATE_TAG_TYPE[state] };
  }
  return { key: null, text: String(state ?? ''), type: 'info' };
}

// The colour flags of a deadline, as the list answers them, and their tags.
export const FLAGS = Object.freeze(['red', 'yellow', 'green', 'paused']);

const FLAG_TAG_TYPE = Object.freeze({ red: 'danger', yellow: 'warning', green: 'success', paused: 'info' });

/**
 * A deadline flag as a tag: red 已超期 (danger), yellow 即将到期 (warning), green 正常
 * (success), paused 暂停计时 (info); null for none (no clock) and anything unknown.
 */
export function flagTag(flag) {
  if (typeof flag !== 'string' || !Object.hasOwn(FLAG_TAG_TYPE, flag)) return null;
  return { key: `application.flag.${flag}`, type: FLAG_TAG_TYPE[flag], flag };
}

/**
 * The working days left to the promised deadline as a message: { key: 'application.daysLeft', n }
 * when some are left, 'application.dueToday' on the day, 'application.daysOver' { n } past
 * it; null without a clock.
 */
export function daysLeftMessage(days) {
  if (days === null || days === undefined || days === '') return null;
  const n = Number(days);
  if (!Number.isInteger(n)) return null;
  if (n > 0) return { key: 'application.daysLeft', n };
  if (n === 0) return { key: 'application.dueToday', n: 0 };
  return { key: 'application.daysOver', n: -n };
}

// The workflow actions, each with what it asks of the person taking it.
//   confirm: a plain confirmation; reason: 'required' | 'optional'; items: the list of
//   corrections; days/approver: the extension; inZone: finish's checkbox.
export const ACTIONS = Object.freeze({
  submit: { by: 'applicant', confirm: true, type: 'primary' },
  resubmit: { by: 'applicant', confirm: true, type: 'primary' },
  withdraw: { by: 'applicant', reason: 'required', type: 'danger' },
  accept: { by: 'officer', confirm: true, type: 'primary' },
  refuse: { by: 'officer', reason: 'required', type: 'danger' },
  request_correction: { by: 'officer', reason: 'required', items: true, type: 'warning' },
  review: { by: 'officer', confirm: true, type: 'primary' },
  extend: { by: 'officer', reason: 'required', days: true, approver: true, type: 'default' },
  approve: { by: 'officer', reason: 'optional', type: 'success' },
  reject: { by: 'officer', reason: 'required', type: 'danger' },
  finish: { by: 'officer', inZone: true, type: 'success' },
});

/** The actions of an application's `actions` this page knows how to take, in workflow order. */
export function knownActions(actions) {
  const given = Array.isArray(actions) ? actions : [];
  return Object.keys(ACTIONS).filter((a) => given.includes(a));
}

/** Whether an action opens a form (a reason, items, days…) rather than a plain confirmation. */
export function actionNeedsForm(action) {
  const spec = ACTIONS[action];
  return Boolean(spec && !spec.confirm);
}

export const EXTENSION_MAX_DAYS = 10;

/**
 * The body of an action request from the form's values; only the fields the action takes.
 * Blank correction lines are dropped and the others trimmed.
 */
export function actionBody(action, values = {}) {
  const spec = ACTIONS[action];
  if (!spec) return {};
  const body = {};
  if (spec.reason) {
    const reason = String(values.reason ?? '').trim();
    if (reason !== '' || spec.reason === 'required') body.reason = reason;
  }
  if (spec.items) {
    body.items = (Array.isArray(values.items) ? values.items : [])
      .map((s) => String(s ?? '').trim())
      .filter((s) => s !== '');
  }
  if (spec.days) body.days = Number(values.days);
  if (spec.approver) body.approver = String(values.approver ?? '').trim();
  if (spec.inZone) body.in_zone = values.in_zone !== false;
  return body;
}

/**
 * What is missing from an action's form before it is sent, as message keys by field
 * ({ reason: 'application.form.reasonRequired', … }); {} when it may go.
 */
export function actionFormProblems(action, values = {}) {
  const spec = ACTIONS[action];
  const problems = {};
  if (!spec) return problems;
  if (spec.reason === 'required' && String(values.reason ?? '').trim() === '') {
    problems.reason = 'application.form.reasonRequired';
  }
  if (spec.items && actionBody(action, values).items.length === 0) {
    problems.items = 'application.form.itemsRequired';
  }
  if (spec.days) {
    const n = Number(values.days);
    if (!Number.isInteger(n) || n < 1 || n > EXTENSION_MAX_DAYS) problems.days = 'application.form.daysRange';
  }
  if (spec.approver && String(values.approver ?? '').trim() === '') {
    problems.approver = 'application.form.approverRequired';
  }
  return problems;
}

// Timeline entries: the workflow actions, and what else the server records on the way.
const TIMELINE_ACTIONS = Object.freeze([
  ...Object.keys(ACTIONS),
  'create',
  'edit',
  'upload',
  'remove_file',
  'overdue_promised',
  'overdue_statutory',
]);

/**
 * The label of a timeline entry's action: { key: 'application.timeline.<action>' }, or
 * { key: null, text } for an action this page does not know (shown as the server wrote it).
 */
export function timelineLabel(action) {
  if (typeof action === 'string' && TIMELINE_ACTIONS.includes(action)) {
    return { key: `application.timeline.${action}` };
  }
  return { key: null, text: String(action ?? '') };
}

/**
 * The timeline's entries oldest first, whatever order the server lists them in; entries of
 * the same moment (or without a readable one) keep their order.
 */
export function timelineInOrder(entries) {
  return (entries ?? [])
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (new Date(a.e.at).getTime() || 0) - (new Date(b.e.at).getTime() || 0) || a.i - b.i)
    .map(({ e }) => e);
}

/** The colour of a timeline dot for an entry's action. */
export function timelineType(action) {
  if (action === 'refuse' || action === 'reject' || action === 'withdraw' || String(action).startsWith('overdue')) return 'danger';
  if (action === 'request_correction' || action === 'extend') return 'warning';
  if (action === 'approve' || action === 'finish') return 'success';
  if (action === 'accept' || action === 'submit' || action === 'resubmit' || action === 'review') return 'primary';
  return 'info';
}

// ---- material files ---------------------------------------------------------------------

// 20 MiB, the server's limit for one file.
export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;

// The types the server takes, by file name extension.
export const MATERIAL_TYPES = Object.freeze({
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  ofd: 'application/ofd',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
});

/** What the file chooser offers: ".pdf,.png,…". */
export const MATERIAL_ACCEPT = Object.keys(MATERIAL_TYPES)
  .map((e) => `.${e}`)
  .join(',');

function extensionOf(name) {
  const m = /\.([A-Za-z0-9]+)$/.exec(String(name ?? ''));
  return m ? m[1].toLowerCase() : '';
}

/** The content type to upload a material with, from its name; null for a type not taken. */
export function materialContentType(name) {
  const ext = extensionOf(name);
  return Object.hasOwn(MATERIAL_TYPES, ext) ? MATERIAL_TYPES[ext] : null;
}

/**
 * Checks a chosen file before it is sent, as the server would: a plain file name (no
 * folders, no control characters, not starting with '.', so never ".."), a type the server takes (by its name; the
 * server also reads the content), not empty, not over 20 MiB. null when it may go, else
 * { key, … } to show.
 */
export function checkMaterialFile(file) {
  const name = String(file?.name ?? '');
  // eslint-disable-next-line no-control-regex
  if (name.trim() === '' || /[/\\\u0000-\u001f\u007f]/.test(name) || name.startsWith('.')) {
    return { key: 'application.upload.badName' };
  }
  if (!materialContentType(name)) {
    return { key: 'application.upload.badType', types: Object.keys(MATERIAL_TYPES).join(', ').toUpperCase() };
  }
  const size = Number(file?.size ?? 0);
  if (size <= 0) return { key: 'application.upload.empty' };
  if (size > MAX_MATERIAL_BYTES) return { key: 'application.upload.tooLarge', mb: MAX_MATERIAL_BYTES / 1024 / 1024 };
  return null;
}

/** The first characters of a SHA-256, to show beside a file (the whole one in its tooltip). */
export function shortSha(sha, length = 12) {
  const s = typeof sha === 'string' ? sha : '';
  return s.length > length ? s.slice(0, length) : s;
}

/** Where a file of an application is downloaded from. */
export function materialUrl(applicationId, materialId) {
  return `${API_BASE}/applications/${encodeURIComponent(applicationId)}/materials/${encodeURIComponent(materialId)}`;
}

/**
 * The materials an item asks for, each with the files uploaded for it:
 * [{ name, required, condition, form, copies, files }], then one group (`other: true`)
 * for the files of a material the item no longer lists. Result documents are left out.
 */
export function materialGroups(itemMaterials, files) {
  const uploaded = (Array.isArray(files) ? files : []).filter((f) => (f?.kind ?? 'material') === 'material');
  const groups = (Array.isArray(itemMaterials) ? itemMaterials : []).map((m) => {
    const condition = typeof m?.condition === 'string' ? m.condition.trim() : '';
    return {
      name: m?.name ?? '',
      required: m?.required === true || condition === '',
      condition,
      form: m?.form ?? '',
      copies: m?.copies ?? null,
      files: uploaded.filter((f) => f.material === m?.name),
    };
  });
  const named = new Set(groups.map((g) => g.name));
  const rest = uploaded.filter((f) => !named.has(f.material));
  if (rest.length) groups.push({ name: '', other: true, required: false, condition: '', form: '', copies: null, files: rest });
  return groups;
}

/** The names of the required materials that have no file yet. */
export function missingMaterials(groups) {
  return (Array.isArray(groups) ? groups : []).filter((g) => g.required && !g.other && g.files.length === 0).map((g) => g.name);
}

/**
 * Whether the applicant may delete a file now: any material of a draft; under correction
 * only those uploaded since corrections were requested (what was submitted stays on file,
 * as the server rules). The request's moment is its timeline entry, else the start of the
 * day it was made on (China time).
 */
export function removableFile(application, file) {
  if (!application || file?.kind === 'result') return false;
  if (application.state === 'draft') return true;
  if (application.state !== 'correcting') return false;
  const requests = (application.timeline ?? []).filter((e) => e?.action === 'request_correction');
  let since = requests.length ? new Date(requests[requests.length - 1].at).getTime() : NaN;
  if (!Number.isFinite(since) && application.correction?.requested_on) {
    since = new Date(`${application.correction.requested_on}T00:00:00+08:00`).getTime();
  }
  const uploaded = new Date(file?.uploaded_at).getTime();
  return Number.isFinite(since) && Number.isFinite(uploaded) && uploaded >= since;
}

/** The result documents of an application (kind = result). */
export function resultFiles(files) {
  return (Array.isArray(files) ? files : []).filter((f) => f?.kind === 'result');
}

// ---- lists --------------------------------------------------------------------------------

/**
 * The list request of the officer's queue or the applicant's list from its filters:
 * { open: 'true' } unless a state is chosen or `all` is set, the promised deadline first.
 */
export function applicationsQuery(filters = {}, { page, pageSize, sort = 'deadline' } = {}) {
  const query = {};
  const text = (v) => (typeof v === 'string' ? v.trim() : '');
  if (text(filters.state)) query.state = text(filters.state);
  else if (filters.open) query.open = 'true';
  if (FLAGS.includes(filters.flag)) query.flag = filters.flag;
  if (text(filters.department)) query.department = text(filters.department);
  if (text(filters.q)) query.q = text(filters.q);
  if (sort) query.sort = sort;
  if (page) query.page = page;
  if (pageSize) query.page_size = pageSize;
  return query;
}

export const LIST_PAGE_SIZES = Object.freeze([20, 50, 100]);

/**
 * A list's filters and paging read back from its address: { filters: { open, state, flag,
 * department, q }, page, pageSize }. `open` is true (only the open applications) unless the
 * address says all=1; unknown states and flags are dropped.
 */
export function listStateFromRoute(query = {}) {
  const one = (v) => (Array.isArray(v) ? v[0] : v);
  const text = (v) => (typeof one(v) === 'string' ? one(v).trim() : '');
  const page = Number(one(query.page));
  const pageSize = Number(one(query.page_size));
  return {
    filters: {
      open: text(query.all) !== '1',
      state: STATES.includes(text(query.state)) ? text(query.state) : '',
      flag: FLAGS.includes(text(query.flag)) ? text(query.flag) : '',
      department: text(query.department),
      q: text(query.q),
    },
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: LIST_PAGE_SIZES.includes(pageSize) ? pageSize : LIST_PAGE_SIZES[0],
  };
}

/** The address query of a list: only what differs from the defaults. */
export function listRouteQuery(filters = {}, { page = 1, pageSize = LIST_PAGE_SIZES[0] } = {}) {
  const query = {};
  if (filters.open === false) query.all = '1';
  for (const key of ['state', 'flag', 'department', 'q']) {
    const v = typeof filters[key] === 'string' ? filters[key].trim() : '';
    if (v) query[key] = v;
  }
  if (page > 1) query.page = String(page);
  if (pageSize !== LIST_PAGE_SIZES[0]) query.page_size = String(pageSize);
  return query;
}

/** The applications export's address for a list's filters. */
export function applicationsExportUrl(filters, format = 'csv') {
  const query = applicationsQuery(filters);
  const params = new URLSearchParams({ ...query, format: format === 'xlsx' ? 'xlsx' : 'csv' });
  return `${API_BASE}/applications/export?${params.toString()}`;
}

// ---- statistics ---------------------------------------------------------------------------

/** part / whole as a percentage (one decimal place is the page's business); null for no whole. */
export function share(part, whole) {
  const p = Number(part);
  const w = Number(whole);
  if (!Number.isFinite(p) || !Number.isFinite(w) || w <= 0) return null;
  return (p / w) * 100;
}

/** A statistics row's rates: on time (promised, statutory) and finished in the zone, of those finished. */
export function statisticsRates(row) {
  const finished = row?.finished ?? 0;
  return {
    promised: share(row?.on_time_promised, finished),
    statutory: share(row?.on_time_statutory, finished),
    inZone: share(row?.in_zone, finished),
  };
}

/**
 * A figure's drill-down as DrillDrawer takes it: the query string the statistics give
 * (with or without a leading path and '?') as { path: '/api/v1/applications', query }.
 * null for no drill.
 */
export function applicationsDrill(queryString) {
  if (typeof queryString !== 'string' || queryString.trim() === '') return null;
  const s = queryString.trim();
  const at = s.indexOf('?');
  const query = Object.fromEntries(new URLSearchParams(at >= 0 ? s.slice(at + 1) : s));
  return { path: `${API_BASE}/applications`, query };
}

// What a timeline entry's details may hold, in the order shown; the file's id and checksum
// are left out (the materials list shows them).
const DETAIL_KEYS = Object.freeze([
  'material',
  'file_name',
  'kind',
  'items',
  'days',
  'approver',
  'paused_working_days',
  'promised_deadline',
  'statutory_deadline',
  'working_days_taken',
  'on_time_promised',
  'on_time_statutory',
  'in_zone',
]);
const HIDDEN_DETAILS = Object.freeze(['file_id', 'sha256', 'size']);

/**
 * A timeline entry's details as labelled parts: [{ key: 'application.detail.<name>' | null,
 * name, value }] where value is a string, a boolean or a list of strings. A string detail
 * is one part without a name; unknown names are kept with key null; a material's kind is
 * named only for a result document.
 */
export function detailParts(details) {
  if (details === null || details === undefined || details === '') return [];
  if (typeof details !== 'object' || Array.isArray(details)) {
    const value = Array.isArray(details) ? details.map(String) : String(details);
    return [{ key: null, name: '', value }];
  }
  const parts = [];
  const named = (name) => (DETAIL_KEYS.includes(name) ? `application.detail.${name}` : null);
  const names = [
    ...DETAIL_KEYS.filter((k) => Object.hasOwn(details, k)),
    ...Object.keys(details).filter((k) => !DETAIL_KEYS.includes(k) && !HIDDEN_DETAILS.includes(k)),
  ];
  for (const name of names) {
    const v = details[name];
    if (v === null || v === undefined || v === '') continue;
    if (name === 'kind' && v !== 'result') continue;
    let value;
    if (typeof v === 'boolean') value = v;
    else if (Array.isArray(v)) value = v.map(String);
    else if (typeof v === 'object') value = JSON.stringify(v);
    else value = String(v);
    parts.push({ key: named(name), name, value });
  }
  return parts;
}

/** The months of a year up to a month: ('2026-05') -> ['2026-01', '2026-05']. */
export function yearToMonth(month) {
  const m = /^(\d{4})-(\d{2})$/.exec(String(month ?? ''));
  if (!m) return null;
  return [`${m[1]}-01`, `${m[1]}-${m[2]}`];
}
