import { describe, expect, it } from 'vitest';
import { activeMenuPath, menuFor } from './menu';
import { ROLES } from './roles';

const paths = (sections) => sections.flatMap((s) => s.items.map((i) => i.path));

describe('menuFor', () => {
  const modules = ['/', '/enterprises', '/approvals', '/calendar', '/projects', '/parks', '/indicators', '/ttc'];
  const admin = ['/admin/users', '/admin/chains', '/admin/audit'];

  it('shows the admin entries to admins', () => {
    const sections = menuFor(['admin']);
    expect(paths(sections)).toEqual([...modules, ...admin]);
    expect(sections.map((s) => s.key)).toEqual(['main', 'admin']);
  });

  it('shows them to a user who is admin among other roles', () => {
    expect(paths(menuFor(['leader', 'admin']))).toEqual([...modules, ...admin]);
  });

  it.each(ROLES.filter((r) => r !== 'admin'))('hides them from %s', (role) => {
    const sections = menuFor([role]);
    expect(paths(sections)).toEqual(modules);
    expect(sections.map((s) => s.key)).toEqual(['main']);
  });

  it('hides them when the user has no roles or roles are unknown', () => {
    expect(paths(menuFor([]))).toEqual(modules);
    expect(paths(menuFor(undefined))).toEqual(modules);
    expect(paths(menuFor(null))).toEqual(modules);
    expect(paths(menuFor(['Admin', 'administrator']))).toEqual(modules);
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
  });
});
