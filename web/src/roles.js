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
