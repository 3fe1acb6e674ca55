// Pure helpers of the service guide (办事指南): how time limits, visits, fees and materials
// read, and which zone and filters a page of the guide shows. The words come from the
// locale files: these return message keys and their arguments, never text.

import { fenToYuanText } from '@/format';

/** The zone of the demo, shown to a visitor who names none and is not signed in. */
export const DEFAULT_GUIDE_ZONE = 'zhuji-edz';

export const PAGE_SIZES = Object.freeze([20, 50, 100]);

const ZONE_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The zone a guide page shows: `?zone=` when it looks like a zone code, else the zone of
 * the signed-in user, else the demo zone.
 */
export function guideZone(queryZone, sessionZone) {
  const asked = Array.isArray(queryZone) ? queryZone[0] : queryZone;
  if (typeof asked === 'string' && ZONE_CODE.test(asked.trim())) return asked.trim();
  if (typeof sessionZone === 'string' && sessionZone !== '') return sessionZone;
  return DEFAULT_GUIDE_ZONE;
}

/**
 * A time limit in working days as a message: { key: 'guide.onSpot' } for 0 (即办),
 * { key: 'guide.workdays', n } for a positive count, null when there is none (negative,
 * missing or not a number).
 */
export function daysMessage(days) {
  if (days === null || days === undefined || days === '') return null;
  const n = Number(days);
  if (!Number.isInteger(n) || n < 0) return null;
  return n === 0 ? { key: 'guide.onSpot' } : { key: 'guide.workdays', n };
}

/**
 * The visits an applicant makes, as a tag: 0 零跑 (success), 1 最多跑一次 (primary), more
 * { key: 'guide.visits.many', n } (warning); null when unknown.
 */
export function visitsTag(visits) {
  if (visits === null || visits === undefined || visits === '') return null;
  const n = Number(visits);
  if (!Number.isInteger(n) || n < 0) return null;
  if (n === 0) return { key: 'guide.visits.zero', type: 'success' };
  if (n === 1) return { key: 'guide.visits.once', type: 'primary' };
  return { key: 'guide.visits.many', n, type: 'warning' };
}

/** The fee: { key: 'guide.free' } for 0, { key: 'guide.feeYuan', amount: "12.50" } otherwise. */
export function feeMessage(fen) {
  if (fen === null || fen === undefined || fen === '') return { key: 'guide.free' };
  const n = Number(fen);
  if (!Number.isFinite(n) || n <= 0) return { key: 'guide.free' };
  return { key: 'guide.feeYuan', amount: fenToYuanText(n) };
}

/**
 * Whether a material is always required or only under a condition:
 * { required: true } or { required: false, condition: "委托他人办理的" }.
 */
export function materialNeed(material) {
  const condition = typeof material?.condition === 'string' ? material.condition.trim() : '';
  if (material?.required === true || condition === '') return { required: true, condition: '' };
  return { required: false, condition };
}

/** The laws an item rests on, one per entry: split on ';', '；' and line breaks. */
export function legalBasisList(text) {
  if (typeof text !== 'string') return [];
  return text
    .split(/[;；\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The filters of a guide page from its address: { q, category, page, pageSize }. */
export function guideStateFromQuery(query = {}) {
  const one = (v) => (Array.isArray(v) ? v[0] : v);
  const text = (v) => (typeof one(v) === 'string' ? one(v).trim() : '');
  const page = Number(one(query.page));
  const pageSize = Number(one(query.page_size));
  return {
    q: text(query.q),
    category: text(query.category),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : PAGE_SIZES[0],
  };
}

/**
 * The address query of a guide page: only what differs from the defaults, and the zone
 * only when the page was given one (`zone`, may be empty).
 */
export function guideRouteQuery({ q, category, page, pageSize }, zone) {
  const query = {};
  if (zone) query.zone = zone;
  if (q) query.q = q;
  if (category) query.category = category;
  if (page > 1) query.page = String(page);
  if (pageSize && pageSize !== PAGE_SIZES[0]) query.page_size = String(pageSize);
  return query;
}

/** The server query of a list request. */
export function guideApiQuery(zone, { q, category, page, pageSize }) {
  return { zone, q: q || undefined, category: category || undefined, page, page_size: pageSize };
}

/** The sum of the category counts: how many published items the zone has. */
export function categoryTotal(categories) {
  return (Array.isArray(categories) ? categories : []).reduce((sum, c) => sum + (Number(c?.count) || 0), 0);
}

/** Where the whole catalogue is downloaded from, as CSV or XLSX. */
export function catalogueExportUrl(format) {
  return `/api/v1/service-items/export?format=${format === 'xlsx' ? 'xlsx' : 'csv'}`;
}

// The columns of the catalogue spreadsheet, by the key the server names a bad cell with.
export const CATALOGUE_COLUMNS = Object.freeze([
  'code',
  'name',
  'category',
  'kind',
  'department',
  'legal_basis',
  'statutory_days',
  'promised_days',
  'visits',
  'fee',
  'conditions',
  'materials',
  'published',
]);

/**
 * The catalogue column a problem of the import names: "materials[2].form" -> 'materials';
 * '' for the row as a whole, null for a column this page does not know (shown as sent).
 */
export function catalogueColumn(column) {
  if (column === null || column === undefined || column === '') return '';
  const base = String(column).split(/[.[]/)[0];
  if (CATALOGUE_COLUMNS.includes(base)) return base;
  // The fee column is "fee" in the file and fee_fen in the API.
  if (base === 'fee_fen') return 'fee';
  return null;
}
