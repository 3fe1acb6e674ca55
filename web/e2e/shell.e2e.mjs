// Browser tests of the UI shell against a real jingkai server and Debian's Chromium.
//   node --test web/e2e/          (from the repository root)
//   npm run e2e                   (from web/)
// Needs build/jingkai (or JINGKAI_BIN) and build/web (npm run build).
// Set JINGKAI_SCREENSHOTS=<dir> to keep a screenshot of every step.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  addUser,
  checkPrerequisites,
  closeAll,
  jingkai,
  launchBrowser,
  makeTempDir,
  screenshot,
  startServer,
  withBrowserPage,
} from './helpers.mjs';

const ADMIN = { name: 'admin', password: 'correct-horse-9', displayName: '管理员' };
const ZONE_A = { code: 'zhuji-edz', name: '诸暨经济开发区' };
const ZONE_B = { code: 'demo-b', name: '测试园区B' };

const sel = (name) => `[data-test="${name}"]`;

let tmp;
let server;
let browser;
let baseUrl;

before(
  async () => {
    checkPrerequisites();
    tmp = makeTempDir();
    const db = path.join(tmp, 'jingkai.db');
    jingkai(['zone', 'add', '--db', db, '--code', ZONE_A.code, '--name', ZONE_A.name]);
    jingkai(['zone', 'add', '--db', db, '--code', ZONE_B.code, '--name', ZONE_B.name]);
    addUser(db, ZONE_A.code, 'admin', ADMIN);
    jingkai(['user', 'grant', '--db', db, '--zone', ZONE_B.code, '--role', 'leader', '--name', ADMIN.name]);
    server = await startServer({ db });
    baseUrl = server.url;
    browser = await launchBrowser();
  },
  { timeout: 90_000 },
);

after(
  async () => closeAll({ browser, server, tmp }),
  { timeout: 30_000 },
);

// Each test gets its own context (its own cookies and localStorage) in the shared browser.
const withPage = (fn) => withBrowserPage(browser, fn);

function pathOf(page) {
  return new URL(page.url()).pathname;
}

async function login(page, { name = ADMIN.name, password = ADMIN.password } = {}) {
  await page.goto(`${baseUrl}/login`);
  await page.locator(sel('login-name')).fill(name);
  await page.locator(sel('login-password')).fill(password);
  await page.locator(sel('login-submit')).click();
}

async function loginAsAdmin(page) {
  await login(page);
  await page.waitForURL((u) => u.pathname === '/');
  await page.locator(sel('side-menu')).waitFor();
}

async function chooseZone(page, zone) {
  await page.locator(sel('zone-switcher')).click();
  await page.locator(sel(`zone-option-${zone.code}`)).click();
  await page.locator(sel('zone-switcher'), { hasText: zone.name }).waitFor();
}

// The zone the server says this session is working in.
async function serverZone(page) {
  const res = await page.request.get(`${baseUrl}/api/v1/auth/me`);
  assert.equal(res.status(), 200, await res.text());
  const code = (await res.json()).user.current_zone;
  const zone = [ZONE_A, ZONE_B].find((z) => z.code === code);
  assert.ok(zone, `unexpected current_zone ${code}`);
  return zone;
}

// Which zone a new session starts in is the server's choice; tests that need one pick it.
async function ensureZone(page, zone) {
  if ((await serverZone(page)).code !== zone.code) await chooseZone(page, zone);
}

describe('UI shell', { concurrency: false }, () => {
  test('a wrong password shows the error and stays on /login', { timeout: 60_000 }, async () => {
    await withPage(async (page) => {
      await login(page, { password: 'wrong-password' });
      const error = page.locator(sel('login-error'));
      await error.waitFor();
      assert.match(await error.innerText(), /用户名或密码错误/);
      assert.equal(pathOf(page), '/login');
      await screenshot(page, '01-login-error');
      // Nothing behind the login page opens without a session.
      await page.goto(`${baseUrl}/admin/users`);
      await page.locator(sel('login-form')).waitFor();
      assert.equal(pathOf(page), '/login');
    });
  });

  test('the right password reaches the layout showing the zone', { timeout: 60_000 }, async () => {
    await withPage(async (page) => {
      await page.goto(`${baseUrl}/`);
      await page.locator(sel('login-form')).waitFor();
      assert.equal(pathOf(page), '/login');
      await screenshot(page, '02-login');
      await loginAsAdmin(page);
      // The header and the overview show the zone the server put the session in.
      const zone = await serverZone(page);
      await page.locator(sel('zone-switcher'), { hasText: zone.name }).waitFor();
      await page.locator(sel('home-zone-name'), { hasText: zone.name }).waitFor();
      await page.locator(sel('user-menu'), { hasText: ADMIN.displayName }).waitFor();
      await page.locator(sel('health-version')).waitFor();
      assert.match(await page.locator(sel('health-db')).innerText(), /SQLite|PostgreSQL/);
      await ensureZone(page, ZONE_A);
      await page.locator(sel('home-zone-name'), { hasText: ZONE_A.name }).waitFor();
      // admin in this zone: the administration entries are there.
      await page.locator(sel('menu-users')).waitFor();
      await page.locator(sel('menu-audit')).waitFor();
      await screenshot(page, '03-home');
    });
  });

  test('the language switch turns the menu from Chinese to English and back', { timeout: 60_000 }, async () => {
    await withPage(async (page) => {
      await loginAsAdmin(page);
      const enterprises = page.locator(sel('menu-enterprises'));
      assert.equal((await enterprises.innerText()).trim(), '企业');

      await page.locator(sel('lang-switch')).click();
      await page.locator(sel('lang-option-en-US')).click();
      await page.locator(sel('menu-enterprises'), { hasText: 'Enterprises' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en-US');
      await screenshot(page, '04-home-en');

      // The choice survives a reload.
      await page.reload();
      await page.locator(sel('menu-enterprises'), { hasText: 'Enterprises' }).waitFor();

      await page.locator(sel('lang-switch')).click();
      await page.locator(sel('lang-option-zh-CN')).click();
      await page.locator(sel('menu-enterprises'), { hasText: '企业' }).waitFor();
      assert.equal((await enterprises.innerText()).trim(), '企业');
    });
  });

  test('a module page says it is not available yet', { timeout: 60_000 }, async () => {
    await withPage(async (page) => {
      await loginAsAdmin(page);
      await page.locator(sel('menu-projects')).click();
      await page.waitForURL((u) => u.pathname === '/projects');
      const notice = page.locator(sel('module-not-available'));
      await notice.waitFor();
      assert.match(await notice.innerText(), /该模块尚未上线/);
      await screenshot(page, '05-module-not-available');
      // Opened directly, the server hands the page to the UI and it says the same.
      await page.goto(`${baseUrl}/ttc`);
      await page.locator(sel('module-not-available'), { hasText: '该模块尚未上线' }).waitFor();
    });
  });

  test('admin pages list users and audit records', { timeout: 90_000 }, async () => {
    await withPage(async (page) => {
      await loginAsAdmin(page);
      await ensureZone(page, ZONE_A);
      await page.locator(sel('menu-users')).click();
      await page.waitForURL((u) => u.pathname === '/admin/users');
      await page.locator(`${sel('users-table')} .el-table__row`, { hasText: ADMIN.name }).first().waitFor();

      // Create a user through the dialog.
      await page.locator(sel('user-new')).click();
      const dialog = page.locator('.el-dialog', { has: page.locator(sel('user-name')) });
      await dialog.waitFor();
      await dialog.locator(sel('user-name')).fill('zhang.wei');
      await dialog.locator(sel('user-display-name-input')).fill('张伟');
      await dialog.locator(sel('user-password')).fill('another-horse-7');
      await dialog.locator(sel('user-roles')).click();
      await page.locator(sel('role-option-stats_officer')).click();
      await page.keyboard.press('Escape');
      await screenshot(page, '06-user-dialog');
      await dialog.locator(sel('user-submit')).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator(`${sel('users-table')} .el-table__row`, { hasText: 'zhang.wei' }).waitFor();
      await screenshot(page, '07-users');

      // The same name again: the server's complaint appears on the name field.
      await page.locator(sel('user-new')).click();
      await dialog.waitFor();
      await dialog.locator(sel('user-name')).fill('zhang.wei');
      await dialog.locator(sel('user-display-name-input')).fill('张伟二');
      await dialog.locator(sel('user-password')).fill('another-horse-8');
      await dialog.locator(sel('user-roles')).click();
      await page.locator(sel('role-option-leader')).click();
      await page.keyboard.press('Escape');
      await dialog.locator(sel('user-submit')).click();
      const nameItem = dialog.locator('.el-form-item', { has: page.locator(sel('user-name')) });
      await nameItem.locator('.el-form-item__error').waitFor();
      assert.ok((await nameItem.locator('.el-form-item__error').innerText()).trim().length > 0);
      await screenshot(page, '08-user-duplicate');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      // The audit log shows the change, its snapshot, and a chain that verifies.
      await page.locator(sel('menu-audit')).click();
      await page.waitForURL((u) => u.pathname === '/admin/audit');
      const row = page.locator(`${sel('audit-table')} .el-table__row`).first();
      await row.waitFor();
      await row.locator('.el-table__expand-icon').click();
      await page.locator(sel('audit-detail')).first().waitFor();
      await page.locator(sel('audit-verify')).click();
      const result = page.locator(sel('audit-verify-result'));
      await result.waitFor();
      assert.ok(await result.evaluate((el) => el.classList.contains('el-alert--success')), await result.innerText());
      await screenshot(page, '09-audit');
    });
  });

  test('switching to 测试园区B hides the admin entries', { timeout: 60_000 }, async () => {
    await withPage(async (page) => {
      await loginAsAdmin(page);
      await ensureZone(page, ZONE_A);
      await page.locator(sel('menu-users')).waitFor();
      await chooseZone(page, ZONE_B);
      await page.locator(sel('menu-users')).waitFor({ state: 'detached' });
      await page.locator(sel('menu-audit')).waitFor({ state: 'detached' });
      await page.locator(sel('home-roles'), { hasText: '管委会领导' }).waitFor();
      await screenshot(page, '10-zone-b');
      // An admin page opened directly in this zone is refused.
      await page.goto(`${baseUrl}/admin/users`);
      await page.locator(sel('forbidden')).waitFor();
      await page.goto(`${baseUrl}/`);
      // Back to the first zone: the entries return.
      await chooseZone(page, ZONE_A);
      await page.locator(sel('menu-users')).waitFor();
    });
  });

  test('log out returns to /login and a reload of / stays there', { timeout: 60_000 }, async () => {
    await withPage(async (page) => {
      await loginAsAdmin(page);
      await page.locator(sel('user-menu')).click();
      await page.locator(sel('logout')).click();
      await page.waitForURL((u) => u.pathname === '/login');
      await page.locator(sel('login-form')).waitFor();
      await page.goto(`${baseUrl}/`);
      await page.locator(sel('login-form')).waitFor();
      assert.equal(pathOf(page), '/login');
      const me = await page.request.get(`${baseUrl}/api/v1/auth/me`);
      assert.equal(me.status(), 401);
      await screenshot(page, '11-logged-out');
    });
  });
});
