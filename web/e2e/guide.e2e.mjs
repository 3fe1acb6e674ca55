// Browser tests of the service guide (办事指南) against a real jingkai server with the demo
// zone (185 catalogued items) and Debian's Chromium: a visitor without an account finds
// an item and its materials; an admin downloads the catalogue and sees a bad file refused.
//   node --test web/e2e/          (from the repository root)
// Needs build/jingkai (or JINGKAI_BIN) and build/web (npm run build).
// Set JINGKAI_SCREENSHOTS=<dir> to keep a screenshot of every step.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  checkPrerequisites,
  closeAll,
  launchBrowser,
  makeTempDir,
  screenshot,
  startServer,
  withBrowserPage,
} from './helpers.mjs';

// The administrator `serve --demo` creates with the demo zone.
const ADMIN = { name: 'admin', password: 'jingkai-demo' };
const DEMO_ZONE = 'zhuji-edz';

const sel = (name) => `[data-test="${name}"]`;

let tmp;
let server;
let browser;
let baseUrl;

before(
  async () => {
    checkPrerequisites();
    tmp = makeTempDir();
    server = await startServer({ db: path.join(tmp, 'jingkai.db'), extraArgs: ['--demo'], timeoutMs: 180_000 });
    baseUrl = server.url;
    browser = await launchBrowser();
  },
  { timeout: 240_000 },
);

after(
  async () => closeAll({ browser, server, tmp }),
  { timeout: 30_000 },
);

const withPage = (fn) => withBrowserPage(browser, fn);

// The text box of an Element Plus input, whichever element its data-test landed on.
function inputOf(page, name) {
  return page.locator(`input${sel(name)}, ${sel(name)} input`).first();
}

async function api(page, pathAndQuery) {
  const res = await page.request.get(`${baseUrl}/api/v1${pathAndQuery}`);
  assert.equal(res.status(), 200, `GET ${pathAndQuery}: ${await res.text()}`);
  return res.json();
}

describe('the service guide', { concurrency: false }, () => {
  test('a visitor without an account finds the 抵押权 items and their materials', { timeout: 90_000 }, async () => {
    await withPage(async (page) => {
      // From the login page, without logging in.
      await page.goto(`${baseUrl}/login`);
      await page.locator(sel('login-guide-link')).click();
      await page.waitForURL((u) => u.pathname === '/guide');
      const rows = page.locator(`${sel('guide-table')} .el-table__row`);
      await rows.first().waitFor();
      assert.equal(await page.locator(sel('guide-zone')).getAttribute('data-zone'), DEMO_ZONE);

      // The categories with their counts, all of them adding up to the whole catalogue.
      const categories = await api(page, `/service-items/categories?zone=${DEMO_ZONE}`);
      const all = page.locator(`${sel('guide-category')}[data-name=""]`);
      const sum = categories.items.reduce((s, c) => s + c.count, 0);
      assert.match(await all.innerText(), new RegExp(`${sum}$`));
      await page.locator(sel('guide-pagination'), { hasText: `共 ${sum} 条` }).waitFor();
      await screenshot(page, 'guide-01-list');

      // Searching 抵押 lists the mortgage items only.
      await inputOf(page, 'guide-search').fill('抵押');
      await page.locator(sel('guide-search-submit')).click();
      await page.waitForURL((u) => u.searchParams.get('q') === '抵押');
      const expected = await api(page, `/service-items?zone=${DEMO_ZONE}&q=${encodeURIComponent('抵押')}`);
      assert.ok(expected.total >= 2, 'the demo has mortgage items');
      await page.locator(sel('guide-pagination'), { hasText: `共 ${expected.total} 条` }).waitFor();
      await rows.filter({ hasText: '抵押权' }).first().waitFor();
      const names = await page.locator(`${sel('guide-table')} ${sel('guide-item-link')}`).allInnerTexts();
      assert.equal(names.length, expected.total);
      assert.ok(names.every((n) => n.includes('抵押')), names.join(', '));
      // Time limits in working days (即办 for none) and the visits as tags.
      const first = expected.items.find((i) => i.name.includes('抵押权'));
      const row = rows.filter({ hasText: first.name });
      const promised = first.promised_days === 0 ? '即办' : `${first.promised_days} 个工作日`;
      await row.filter({ hasText: promised }).waitFor();
      await row.locator(sel('guide-visits'), { hasText: first.visits === 0 ? '零跑' : '最多跑一次' }).waitFor();
      await screenshot(page, 'guide-02-search');

      // The item: legal basis, conditions and the materials table.
      await row.locator(sel('guide-item-link')).click();
      await page.waitForURL((u) => u.pathname === `/guide/${first.code}`);
      await page.locator(sel('guide-item-name'), { hasText: first.name }).waitFor();
      const materials = page.locator(`${sel('guide-materials')} .el-table__row`);
      await materials.first().waitFor();
      assert.equal(await materials.count(), first.materials.length);
      const required = first.materials.find((m) => m.required);
      await materials.filter({ hasText: required.name }).filter({ hasText: '必需' }).waitFor();
      const conditional = first.materials.find((m) => !m.required);
      if (conditional) await materials.filter({ hasText: conditional.name }).filter({ hasText: conditional.condition }).waitFor();
      const template = first.materials.find((m) => m.template_file);
      if (template) await page.locator(sel('guide-material-template'), { hasText: template.template_file }).first().waitFor();
      assert.match(await page.locator(sel('guide-item-laws')).innerText(), /《/);
      await screenshot(page, 'guide-03-item');

      // Back to the list as it was left.
      await page.locator(sel('guide-back')).first().click();
      await page.waitForURL((u) => u.pathname === '/guide' && u.searchParams.get('q') === '抵押');
      await page.locator(sel('guide-pagination'), { hasText: `共 ${expected.total} 条` }).waitFor();

      // Nobody logged in: the app itself still asks for a login.
      await page.goto(`${baseUrl}/approvals`);
      await page.waitForURL((u) => u.pathname === '/login');
    });
  });

  test('an admin downloads the catalogue and a bad file is refused with its row', { timeout: 90_000 }, async () => {
    await withPage(async (page) => {
      await page.goto(`${baseUrl}/login`);
      await page.locator(sel('login-name')).fill(ADMIN.name);
      await page.locator(sel('login-password')).fill(ADMIN.password);
      await page.locator(sel('login-submit')).click();
      await page.waitForURL((u) => u.pathname === '/');
      await page.locator(sel('menu-approvals')).click();
      await page.waitForURL((u) => u.pathname === '/approvals');
      await page.locator(`${sel('guide-table')} .el-table__row`).first().waitFor();
      await screenshot(page, 'guide-04-approvals');

      // The CSV download, every item in it.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(sel('catalogue-export-csv')).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'service-items.csv');
      const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
      const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
      assert.match(lines[0], /^事项编码,事项名称/);
      assert.ok(lines.length >= 186, `${lines.length} lines`);
      const xlsx = await page.request.get(`${baseUrl}/api/v1/service-items/export?format=xlsx`);
      assert.equal(xlsx.status(), 200);
      assert.match(xlsx.headers()['content-type'], /spreadsheetml/);

      // A file with a bad row: nothing imported, the row named.
      await page.locator(sel('catalogue-import')).click();
      await page.waitForURL((u) => u.pathname === '/approvals/import');
      const bad = `${lines[0]}\nZZ-001,测试事项,园区服务,公共服务,管委会,,十,1,0,0,,,是\n`;
      await page.locator(sel('catalogue-import-file')).setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
      await page.locator(sel('catalogue-import-file-name'), { hasText: 'bad.csv' }).waitFor();
      await page.locator(sel('catalogue-import-submit')).click();
      await page.locator(`${sel('catalogue-import-result')}[data-outcome="rejected"]`).waitFor();
      const cells = await page.locator(`${sel('catalogue-import-problems')} .el-table__body tr`).first().locator('td').allInnerTexts();
      assert.deepEqual(cells.slice(0, 3).map((c) => c.trim()), ['2', '法定时限', '十']);
      await screenshot(page, 'guide-05-import-rejected');
      const after = await api(page, `/service-items?zone=${DEMO_ZONE}&q=ZZ-001`);
      assert.equal(after.total, 0);
    });
  });
});
