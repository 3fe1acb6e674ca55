// The side menu: which modules a user sees in the current zone. Pure data so that the
// rule "admin entries only for admins" can be tested without a browser.

export const MODULES = Object.freeze([
  { key: 'enterprises', path: '/enterprises', icon: 'OfficeBuilding' },
  { key: 'approvals', path: '/approvals', icon: 'Stamp' },
  { key: 'calendar', path: '/calendar', icon: 'Calendar' },
  { key: 'projects', path: '/projects', icon: 'Briefcase' },
  { key: 'parks', path: '/parks', icon: 'MapLocation' },
  { key: 'indicators', path: '/indicators', icon: 'TrendCharts' },
  { key: 'ttc', path: '/ttc', icon: 'Position' },
]);

// Pages of the approvals module (办件) that only some roles see, shown after the module's
// own entry. `roles`: any of them opens the page (the server checks the same roles).
export const APPROVAL_ENTRIES = Object.freeze([
  { key: 'myApplications', path: '/applications', icon: 'Document', roles: Object.freeze(['enterprise_user']) },
  {
    key: 'approvalQueue',
    path: '/approvals/queue',
    icon: 'List',
    roles: Object.freeze(['approval_officer', 'admin', 'leader']),
    // An application opened from the queue keeps the queue highlighted.
    also: Object.freeze(['/applications']),
  },
  {
    key: 'approvalStatistics',
    path: '/approvals/statistics',
    icon: 'DataAnalysis',
    roles: Object.freeze(['admin', 'leader', 'approval_officer']),
  },
]);

/** Whether a user holding `roles` sees an entry (one without `roles` is for everyone). */
export function entryVisible(entry, roles) {
  if (!Array.isArray(entry?.roles)) return true;
  const held = Array.isArray(roles) ? roles : [];
  return entry.roles.some((r) => held.includes(r));
}

export const ADMIN_ENTRIES = Object.freeze([
  { key: 'users', path: '/admin/users', icon: 'User' },
  { key: 'chains', path: '/admin/chains', icon: 'Connection' },
  { key: 'audit', path: '/admin/audit', icon: 'Tickets' },
]);

export const HOME_ENTRY = Object.freeze({ key: 'home', path: '/', icon: 'HomeFilled' });

/**
 * Menu sections for a user holding `roles` in the current zone:
 * [{ key: 'main', items }, { key: 'admin', items }?].
 */
export function menuFor(roles) {
  const held = Array.isArray(roles) ? roles : [];
  const main = [HOME_ENTRY];
  for (const m of MODULES) {
    main.push(m);
    if (m.key === 'approvals') main.push(...APPROVAL_ENTRIES.filter((e) => entryVisible(e, held)));
  }
  const sections = [{ key: 'main', items: main }];
  if (held.includes('admin')) sections.push({ key: 'admin', items: [...ADMIN_ENTRIES] });
  return sections;
}

/**
 * The menu entry a route path belongs to (the longest matching prefix), for highlighting.
 * With `roles`, only the entries that user sees count, and an entry's `also` paths lead to
 * it too (an application opened from the queue highlights the queue).
 */
export function activeMenuPath(routePath, roles) {
  const entries = [HOME_ENTRY, ...MODULES, ...APPROVAL_ENTRIES, ...ADMIN_ENTRIES].filter(
    (e) => roles === undefined || entryVisible(e, roles),
  );
  const under = (p) => p !== '/' && (routePath === p || routePath.startsWith(p + '/'));
  let best = '/';
  let bestLength = 1;
  for (const e of entries) {
    for (const p of [e.path, ...(roles !== undefined ? e.also ?? [] : [])]) {
      if (under(p) && p.length > bestLength) {
        best = e.path;
        bestLength = p.length;
      }
    }
  }
  return best;
}
