import { describe, expect, it } from 'vitest';
import { APPROVAL_ENTRIES, activeMenuPath, entryVisible, menuFor } from './menu';
import { ROLES, canApply, canHandleApplications, canKeepRepresentatives, canReadQueue, routeAllowed } from './roles';

const paths = (sections) => sections.flatMap((s) => s.items.map((i) => i.path));

describe('menuFor', () => {
  const before = ['/', '/enterprises', '/approvals'];
  const after = ['/calendar', '/projects', '/parks', '/indicators', '/ttc'];
  const modules = [...before, ...after];
  const queue = ['/approvals/queue', '/approvals/statistics'];
  const admin = ['/admin/users', '/admin/chains', '/admin/audit'];

  it('shows the admin entries, the work queue and the statistics to admins', () => {
    const sections = menuFor(['admin']);
    expect(paths(sections)).toEqual([...before, ...queue, ...after, ...admin]);
    expect(sections.map((s) => s.key)).toEqual(['main', 'admin']);
  });

  it('shows them to a user who is admin among other roles', () => {
    expect(paths(menuFor(['leader', 'admin']))).toEqual([...before, ...queue, ...after, ...admin]);
  });

  // Which of the approvals entries each role sees, after the module's own entry.
  const approvalsOf = {
    leader: queue,
    stats_officer: [],
    approval_officer: queue,
    investment_officer: [],
    park_manager: [],
    enterprise_user: ['/applications'],
    province_viewer: [],
  };

  it.each(ROLES.filter((r) => r !== 'admin'))('hides the admin entries from %s', (role) => {
    const sections = menuFor([role]);
    expect(paths(sections)).toEqual([...before, ...approvalsOf[role], ...after]);
    expect(sections.map((s) => s.key)).toEqual(['main']);
  });

  it('hides them when the user has no roles or roles are unknown', () => {
    expect(paths(menuFor([]))).toEqual(modules);
    expect(paths(menuFor(undefined))).toEqual(modules);
    expect(paths(menuFor(null))).toEqual(modules);
    expect(paths(menuFor(['Admin', 'administrator', 'Enterprise_user']))).toEqual(modules);
  });

  it('gives every approvals entry the roles the server allows', () => {
    expect(APPROVAL_ENTRIES.map((e) => [e.key, [...e.roles].sort()])).toEqual([
      ['myApplications', ['enterprise_user']],
      ['approvalQueue', ['admin', 'approval_officer', 'leader']],
      ['approvalStatistics', ['admin', 'approval_officer', 'leader']],
    ]);
    expect(entryVisible({ path: '/x' }, [])).toBe(true);
    expect(entryVisible(APPROVAL_ENTRIES[0], ['leader'])).toBe(false);
  });
});

describe('activeMenuPath', () => {
  it('highlights the entry a page belongs to', () => {
    expect(activeMenuPath('/')).toBe('/');
    expect(activeMenuPath('/enterprises')).toBe('/enterprises');
    expect(activeMenuPath('/enterprises/42')).toBe('/enterprises');
    expect(activeMenuPath('/admin/audit')).toBe('/admin/audit');
    expect(activeMenuPath('/admin/chains')).toBe('/admin/chains');
    expect(activeMenuPath('/calendar')).toBe('/calendar');
    expect(activeMenuPath('/parksxyz')).toBe('/');
    expect(activeMenuPath('/nowhere')).toBe('/');
    expect(activeMenuPath('/approvals/queue')).toBe('/approvals/queue');
    expect(activeMenuPath('/approvals/items/TZ-001')).toBe('/approvals');
  });

  it('highlights an application under the entry its reader came from', () => {
    expect(activeMenuPath('/applications/12', ['enterprise_user'])).toBe('/applications');
    expect(activeMenuPath('/applications/12', ['approval_officer'])).toBe('/approvals/queue');
    expect(activeMenuPath('/applications/12', ['leader'])).toBe('/approvals/queue');
    expect(activeMenuPath('/approvals/statistics', ['leader'])).toBe('/approvals/statistics');
    expect(activeMenuPath('/approvals/queue', ['stats_officer'])).toBe('/approvals');
    expect(activeMenuPath('/applications/12', ['stats_officer'])).toBe('/');
  });
});

describe('approvals roles', () => {
  it('lets enterprise users apply and officers handle', () => {
    expect(canApply(['enterprise_user'])).toBe(true);
    expect(canApply(['admin'])).toBe(false);
    expect(canHandleApplications(['approval_officer'])).toBe(true);
    expect(canHandleApplications(['admin', 'leader'])).toBe(false);
    expect(ROLES.filter((r) => canReadQueue([r]))).toEqual(['admin', 'leader', 'approval_officer']);
    expect(ROLES.filter((r) => canKeepRepresentatives([r]))).toEqual(['admin']);
    expect(canReadQueue(undefined)).toBe(false);
  });

  it('opens a page for the roles its route names', () => {
    expect(routeAllowed({}, [])).toBe(true);
    expect(routeAllowed({ requiresAdmin: true }, ['leader'])).toBe(false);
    expect(routeAllowed({ requiresAdmin: true }, ['admin'])).toBe(true);
    expect(routeAllowed({ roles: ['leader', 'admin'] }, ['leader'])).toBe(true);
    expect(routeAllowed({ roles: ['leader', 'admin'] }, ['enterprise_user'])).toBe(false);
    expect(routeAllowed({ roles: ['enterprise_user'] }, undefined)).toBe(false);
    expect(routeAllowed(undefined, undefined)).toBe(true);
  });
});
