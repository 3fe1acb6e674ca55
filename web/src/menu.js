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
  const sections = [{ key: 'main', items: [HOME_ENTRY, ...MODULES] }];
  if (held.includes('admin')) sections.push({ key: 'admin', items: [...ADMIN_ENTRIES] });
  return sections;
}

/** The menu entry a route path belongs to (the longest matching prefix), for highlighting. */
export function activeMenuPath(routePath) {
  const all = [HOME_ENTRY, ...MODULES, ...ADMIN_ENTRIES].map((e) => e.path);
  let best = '/';
  for (const p of all) {
    if (p !== '/' && (routePath === p || routePath.startsWith(p + '/')) && p.length > best.length) {
      best = p;
    }
  }
  return best;
}
