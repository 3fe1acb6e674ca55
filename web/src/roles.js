// The eight roles a user can hold in a zone; labels live in the locale files (roles.<name>).
export const ROLES = Object.freeze([
  'admin',
  'leader',
  'stats_officer',
  'approval_officer',
  'investment_officer',
  'park_manager',
  'enterprise_user',
  'province_viewer',
]);

// Who may change the enterprise registry and its monthly reports (the server checks the
// same list; the UI only hides buttons that would be refused).
export const STATISTICS_EDITORS = Object.freeze(['admin', 'stats_officer']);

/** Whether a user holding `roles` may add and edit enterprises and their reports. */
export function canEditStatistics(roles) {
  return Array.isArray(roles) && roles.some((r) => STATISTICS_EDITORS.includes(r));
}

// Who keeps the service-item catalogue (办事指南): both may export it, only admins import.
export const CATALOGUE_KEEPERS = Object.freeze(['admin', 'approval_officer']);

/** Whether a user holding `roles` may download the whole catalogue (unpublished items too). */
export function canExportCatalogue(roles) {
  return Array.isArray(roles) && roles.some((r) => CATALOGUE_KEEPERS.includes(r));
}

/** Whether a user holding `roles` may replace catalogue items from a spreadsheet. */
export function canImportCatalogue(roles) {
  return Array.isArray(roles) && roles.includes('admin');
}

// Applications (办件): enterprise users apply for the enterprises they represent; approval
// officers take the workflow's steps; leaders and admins follow the queue and the figures.
export const APPLICANTS = Object.freeze(['enterprise_user']);
export const APPLICATION_HANDLERS = Object.freeze(['approval_officer']);
export const QUEUE_READERS = Object.freeze(['approval_officer', 'admin', 'leader']);

const holdsAny = (roles, list) => Array.isArray(roles) && roles.some((r) => list.includes(r));

/** Whether a user holding `roles` may start applications (for an enterprise they represent). */
export function canApply(roles) {
  return holdsAny(roles, APPLICANTS);
}

/** Whether a user holding `roles` takes the officer's steps (accept, approve, upload a result…). */
export function canHandleApplications(roles) {
  return holdsAny(roles, APPLICATION_HANDLERS);
}

/** Whether a user holding `roles` reads the work queue, the statistics and their export. */
export function canReadQueue(roles) {
  return holdsAny(roles, QUEUE_READERS);
}

/** Whether a user holding `roles` names who may act for an enterprise (企业办事人). */
export function canKeepRepresentatives(roles) {
  return Array.isArray(roles) && roles.includes('admin');
}

/**
 * Whether a page with route `meta` opens for a user holding `roles`: `requiresAdmin` asks
 * for admin, `roles` for any one of those listed; other pages are open to every user.
 */
export function routeAllowed(meta, roles) {
  const held = Array.isArray(roles) ? roles : [];
  if (meta?.requiresAdmin && !held.includes('admin')) return false;
  if (Array.isArray(meta?.roles) && !meta.roles.some((r) => held.includes(r))) return false;
  return true;
}
