import { describe, expect, it } from 'vitest';
import { routes } from './index';

// The service guide is read by visitors without an account: its routes are public and
// live outside the app's layout (no menu, no session needed).
describe('routes', () => {
  const top = Object.fromEntries(routes.filter((r) => r.name).map((r) => [r.name, r]));

  it('open the service guide to anyone', () => {
    expect(top.guide).toMatchObject({ path: '/guide', meta: { public: true } });
    expect(top['guide-item']).toMatchObject({ path: '/guide/:code', meta: { public: true }, props: true });
  });

  it('give the approvals module its catalogue, item and admin-only import pages', () => {
    const layout = routes.find((r) => r.path === '/');
    const inner = Object.fromEntries(layout.children.filter((r) => r.name).map((r) => [r.name, r]));
    expect(inner.approvals.component).not.toBe(inner.projects.component);
    expect(inner['approval-item']).toMatchObject({ path: 'approvals/items/:code', meta: { menuKey: 'approvals' } });
    expect(inner['approvals-import'].meta).toEqual({ menuKey: 'approvals', requiresAdmin: true });
    expect(inner.approvals.meta.public).toBeUndefined();
  });

  it('give applications, the work queue and the statistics to the roles that use them', () => {
    const layout = routes.find((r) => r.path === '/');
    const inner = Object.fromEntries(layout.children.filter((r) => r.name).map((r) => [r.name, r]));
    expect(inner['my-applications']).toMatchObject({ path: 'applications', meta: { roles: ['enterprise_user'] } });
    expect(inner.application).toMatchObject({ path: 'applications/:id(\\d+)', props: true });
    expect([...inner.application.meta.roles].sort()).toEqual(['admin', 'approval_officer', 'enterprise_user', 'leader']);
    for (const name of ['approval-queue', 'approval-statistics']) {
      expect([...inner[name].meta.roles].sort(), name).toEqual(['admin', 'approval_officer', 'leader']);
    }
    expect(inner['approval-queue'].path).toBe('approvals/queue');
    expect(inner['approval-statistics'].path).toBe('approvals/statistics');
  });
});
