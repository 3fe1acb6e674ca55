import { createRouter, createWebHistory } from 'vue-router';
import { useSessionStore } from '@/stores/session';
import { MODULES } from '@/menu';
import { APPLICANTS, QUEUE_READERS } from '@/roles';
import { safeRedirect } from './redirect';
import AppLayout from '@/layouts/AppLayout.vue';
import LoginView from '@/views/accounts/LoginView.vue';
import HomeView from '@/views/HomeView.vue';
import NotAvailableView from '@/views/NotAvailableView.vue';
import NotFoundView from '@/views/NotFoundView.vue';

// The modules whose pages exist, by menu key; loaded when first opened.
const modulePages = {
  approvals: () => import('@/views/approvals/ApprovalsView.vue'),
  calendar: () => import('@/views/calendar/CalendarView.vue'),
  enterprises: () => import('@/views/enterprises/EnterpriseListView.vue'),
  indicators: () => import('@/views/indicators/DashboardView.vue'),
};

// Pages under a module's path: the menu entry of the module stays highlighted.
const enterpriseForm = () => import('@/views/enterprises/EnterpriseFormView.vue');
const subPages = [
  {
    path: 'approvals/items/:code',
    name: 'approval-item',
    component: () => import('@/views/approvals/ApprovalItemView.vue'),
    props: true,
    meta: { menuKey: 'approvals' },
  },
  {
    path: 'approvals/import',
    name: 'approvals-import',
    component: () => import('@/views/approvals/CatalogueImportView.vue'),
    meta: { menuKey: 'approvals', requiresAdmin: true },
  },
  // Applications (办件): the applicant's list, the officer's queue and the statistics; one
  // application's page serves both sides (the server decides what each may see and do).
  {
    path: 'approvals/queue',
    name: 'approval-queue',
    component: () => import('@/views/approvals/applications/QueueView.vue'),
    meta: { menuKey: 'approvalQueue', roles: QUEUE_READERS },
  },
  {
    path: 'approvals/statistics',
    name: 'approval-statistics',
    component: () => import('@/views/approvals/applications/StatisticsView.vue'),
    meta: { menuKey: 'approvalStatistics', roles: QUEUE_READERS },
  },
  {
    path: 'applications',
    name: 'my-applications',
    component: () => import('@/views/approvals/applications/MyApplicationsView.vue'),
    meta: { menuKey: 'myApplications', roles: APPLICANTS },
  },
  {
    path: 'applications/:id(\\d+)',
    name: 'application',
    component: () => import('@/views/approvals/applications/ApplicationView.vue'),
    props: true,
    meta: { menuKey: 'myApplications', roles: [...APPLICANTS, ...QUEUE_READERS] },
  },
  { path: 'enterprises/new', name: 'enterprise-new', component: enterpriseForm, meta: { menuKey: 'enterprises' } },
  {
    path: 'enterprises/import',
    name: 'enterprise-import',
    component: () => import('@/views/enterprises/ReportImportView.vue'),
    meta: { menuKey: 'enterprises' },
  },
  {
    path: 'enterprises/:id(\\d+)',
    name: 'enterprise',
    component: () => import('@/views/enterprises/EnterpriseDetailView.vue'),
    props: true,
    meta: { menuKey: 'enterprises' },
  },
  {
    path: 'enterprises/:id(\\d+)/edit',
    name: 'enterprise-edit',
    component: enterpriseForm,
    props: true,
    meta: { menuKey: 'enterprises' },
  },
];

// Modules whose pages are not built yet all show the same honest notice.
const moduleRoutes = MODULES.map((m) =>
  modulePages[m.key]
    ? { path: m.path.slice(1), name: m.key, component: modulePages[m.key], meta: { menuKey: m.key } }
    : {
        path: m.path.slice(1),
        name: m.key,
        component: NotAvailableView,
        props: { module: m.key },
        meta: { menuKey: m.key },
      },
);

// The public service guide (办事指南): open to anyone, signed in or not.
const guidePage = () => import('@/views/approvals/GuideView.vue');

export const routes = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  { path: '/guide', name: 'guide', component: guidePage, meta: { public: true } },
  { path: '/guide/:code', name: 'guide-item', component: guidePage, props: true, meta: { public: true } },
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', name: 'home', component: HomeView, meta: { menuKey: 'home' } },
      ...moduleRoutes,
      ...subPages,
      {
        path: 'admin/users',
        name: 'admin-users',
        component: () => import('@/views/accounts/UsersView.vue'),
        meta: { menuKey: 'users', requiresAdmin: true },
      },
      {
        path: 'admin/chains',
        name: 'admin-chains',
        component: () => import('@/views/enterprises/ChainsView.vue'),
        meta: { menuKey: 'chains', requiresAdmin: true },
      },
      {
        path: 'admin/audit',
        name: 'admin-audit',
        component: () => import('@/views/audit/AuditView.vue'),
        meta: { menuKey: 'audit', requiresAdmin: true },
      },
      { path: ':pathMatch(.*)*', name: 'not-found', component: NotFoundView },
    ],
  },
];

export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  });

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    await session.check();
    if (to.meta.public) {
      return to.name === 'login' && session.isLoggedIn ? safeRedirect(to.query.redirect) : true;
    }
    if (!session.isLoggedIn) {
      return to.fullPath === '/'
        ? { name: 'login' }
        : { name: 'login', query: { redirect: to.fullPath } };
    }
    return true;
  });

  return router;
}
