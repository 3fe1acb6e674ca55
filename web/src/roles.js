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
