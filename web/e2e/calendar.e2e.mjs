// Browser tests of the working-day calendar page against a real jingkai server and
// Debian's Chromium.
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
const CLERK = { name: 'li.na', password: 'staple-horse-4', displayName: '李娜' };
const ZONE = { code: 'zhuji-edz', name: '诸暨经济开发区' };

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
    jingkai(['zone', 'add', '--db', db, '--code', ZONE.code, '--name', ZONE.name]);
    addUser(db, ZONE.code, 'admin', ADMIN);
    addUser(db, ZONE.code, 'approval_officer', CLERK);
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

async function login(page, user) {
  await page.goto(`${baseUrl}/login`);
  await page.locator(sel('login-name')).fill(user.name);
  await page.locator(sel('login-password')).fill(user.password);
  await page.locator(sel('login-submit')).click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.locator(sel('side-menu')).waitFor();
}

// The calendar page, opened from the side menu, with its year grid drawn.
async function openCalendar(page) {
  await page.locator(sel('menu-calendar')).click();
  await page.waitForURL((u) => u.pathname === '/calendar');
  await page.locator(`${sel('calendar-months')} .day`).first().waitFor();
}

// The text box of an Element Plus input, whichever element its data-test landed on.
function inputOf(page, name) {
  return page.locator(`input${sel(name)}, ${sel(name)} input`).first();
}

async function fillDate(page, name, value) {
  const input = inputOf(page, name);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await page.keyboard.press('Escape');
  await page.locator('.el-picker-panel').first().waitFor({ state: 'hidden' }).catch(() => {});
}

async function fillNumber(page, name, value) {
  const input = inputOf(page, name);
  await input.fill(String(value));
  await input.press('Tab');
}

async function addWorkdays(page, from, days) {
  await fillDate(page, 'calendar-from', from);
  await fillNumber(page, 'calendar-days', days);
  await page.locator(sel('calendar-compute')).click();
}

async function importText(page, text) {
  await page.locator(sel('calendar-import')).click();
  const dialog = page.locator('.el-dialog', { has: page.locator(sel('calendar-import-text')) });
  await dialog.waitFor();
  await dialog.locator(sel('calendar-import-text')).fill(text);
  await dialog.locator(sel('calendar-import-submit')).click();
  return dialog;
}

describe('working-day calendar', { concurrency: false }, () => {
  test('computes dates and working days, and names a year it lacks', { timeout: 90_000 }, async () => {
    await withPage(async (page) => {
      await login(page, ADMIN);
      await openCalendar(page);
      await screenshot(page, 'cal-01-page');

      // 2024-02-09 is the Friday before the Spring Festival; the next working day is the
      // make-up Sunday after it.
      await addWorkdays(page, '2024-02-09', 1);
      const result = page.locator(sel('calendar-result'), { hasText: '2024-02-18' });
      await result.waitFor();
      assert.match(await result.innerText(), /星期日/);
      await screenshot(page, 'cal-02-add-result');

      // Five working days from 2026-12-30 run into 2027, which the calendar lacks.
      await addWorkdays(page, '2026-12-30', 5);
      const error = page.locator(sel('calendar-error'));
      await error.waitFor();
      assert.match(await error.innerText(), /2027/);
      assert.equal(await page.locator(sel('calendar-result')).count(), 0);
      await screenshot(page, 'cal-03-add-error');

      // The working days of 2024 after New Year's Day: 251 in the year, 1 January is off.
      await fillDate(page, 'workdays-from', '2024-01-01');
      await fillDate(page, 'workdays-to', '2024-12-31');
      await page.locator(sel('workdays-compute')).click();
      const count = page.locator(sel('workdays-result'));
      await count.waitFor();
      assert.match(await count.innerText(), /\b251\b/);
      await screenshot(page, 'cal-04-workdays');
    });
  });

  test('the year grid marks days off and make-up working days', { timeout: 60_000 }, async () => {
    await withPage(async (page) => {
      await login(page, ADMIN);
      await openCalendar(page);
      await page.locator(sel('calendar-year')).click();
      await page.locator(sel('calendar-year-option-2024')).click();
      await page.locator(sel('calendar-year'), { hasText: '2024' }).waitFor();
      const day = (iso) => page.locator(`${sel('calendar-months')} [data-date="${iso}"]`);
      assert.equal(await day('2024-02-12').getAttribute('data-kind'), 'off');
      assert.equal(await day('2024-02-18').getAttribute('data-kind'), 'work');
      assert.equal(await day('2024-02-24').getAttribute('data-kind'), 'weekend');
      assert.equal(await day('2024-02-19').getAttribute('data-kind'), 'workday');
      await page.locator(`${sel('calendar-entries')} .el-table__row`, { hasText: '春节' }).first().waitFor();
      await page.locator(sel('calendar-legend'), { hasText: '调休上班' }).waitFor();
      await screenshot(page, 'cal-05-year-2024');

      // The same page in English.
      await page.locator(sel('lang-switch')).click();
      await page.locator(sel('lang-option-en-US')).click();
      await page.locator(sel('menu-calendar'), { hasText: 'Working-day calendar' }).waitFor();
      await page.locator(sel('calendar-legend'), { hasText: 'Make-up working day' }).waitFor();
      await addWorkdays(page, '2024-02-09', 1);
      await page.locator(sel('calendar-result'), { hasText: 'Sunday' }).waitFor();
      await screenshot(page, 'cal-06-en');
    });
  });

  test('an administrator imports a year, and a bad line is named', { timeout: 90_000 }, async () => {
    await withPage(async (page) => {
      await login(page, ADMIN);
      await openCalendar(page);

      const dialog = await importText(page, 'year 2027 test\noff 2027-01-01 元旦\n');
      await dialog.waitFor({ state: 'hidden' });
      await page.locator(sel('calendar-imported'), { hasText: '2027' }).waitFor();
      await page.locator(sel('calendar-year'), { hasText: '2027' }).waitFor();
      await page.locator(sel('calendar-year')).click();
      await page.locator(sel('calendar-year-option-2027')).waitFor();
      await page.keyboard.press('Escape');
      assert.equal(await page.locator(`${sel('calendar-months')} [data-date="2027-01-01"]`).getAttribute('data-kind'), 'off');
      await screenshot(page, 'cal-07-imported');

      // 2026-12-30 + 5 now reaches into the imported year.
      await addWorkdays(page, '2026-12-30', 5);
      await page.locator(sel('calendar-result'), { hasText: '2027-01-07' }).waitFor();

      // A day that does not exist on line 2: the server's message names the line and
      // nothing is imported.
      await importText(page, 'year 2028 test\noff 2028-02-30 不存在\n');
      const error = page.locator(sel('calendar-import-error'));
      await error.waitFor();
      assert.match(await error.innerText(), /第 2 行/);
      await screenshot(page, 'cal-08-import-error');
      await page.keyboard.press('Escape');
      await page.locator(sel('calendar-import-text')).waitFor({ state: 'hidden' });
      await page.locator(sel('calendar-year')).click();
      await page.locator(sel('calendar-year-option-2027')).waitFor();
      assert.equal(await page.locator(sel('calendar-year-option-2028')).count(), 0);
      await page.keyboard.press('Escape');
    });
  });

  test('other users compute but do not see the import', { timeout: 60_000 }, async () => {
    await withPage(async (page) => {
      await login(page, CLERK);
      await openCalendar(page);
      assert.equal(await page.locator(sel('calendar-import')).count(), 0);
      await addWorkdays(page, '2024-02-09', 0);
      await page.locator(sel('calendar-result'), { hasText: '2024-02-09' }).waitFor();
      await screenshot(page, 'cal-09-clerk');
      // The server refuses an import from them too.
      const res = await page.request.post(`${baseUrl}/api/v1/calendar`, { data: { text: 'year 2029 x\n' } });
      assert.equal(res.status(), 403);
    });
  });
});
