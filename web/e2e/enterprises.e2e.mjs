// Browser tests of the enterprise registry, the report import and the indicator dashboard
// against a real jingkai server (with the demo zone: 1,400 enterprises and two years of
// monthly reports) and Debian's Chromium.
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
  launchBrowser,
  makeTempDir,
  screenshot,
  startServer,
  withBrowserPage,
} from './helpers.mjs';
import { USCC_CHARS, makeUscc } from '../src/enterprises/uscc.js';

// The administrator `serve --demo` creates with the demo zone.
const ADMIN = { name: 'admin', password: 'jingkai-demo' };
const LEADER = { name: 'wang.lead', password: 'leader-horse-5', displayName: '王领导' };
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
    const db = path.join(tmp, 'jingkai.db');
    server = await startServer({ db, extraArgs: ['--demo'], timeoutMs: 180_000 });
    baseUrl = server.url;
    // A reader who may not edit (added while the server runs: the CLI opens the same file).
    addUser(db, DEMO_ZONE, 'leader', LEADER);
    browser = await launchBrowser();
  },
  { timeout: 240_000 },
);

after(
  async () => closeAll({ browser, server, tmp }),
  { timeout: 30_000 },
);

const withPage = (fn) => withBrowserPage(browser, fn);

async function login(page, user) {
  await page.goto(`${baseUrl}/login`);
  await page.locator(sel('login-name')).fill(user.name);
  await page.locator(sel('login-password')).fill(user.password);
  await page.locator(sel('login-submit')).click();
  await page.waitForURL((u) => u.pathname === '/');
  await page.locator(sel('side-menu')).waitFor();
}

// The text box of an Element Plus input, whichever element its data-test landed on.
function inputOf(page, name) {
  return page.locator(`input${sel(name)}, ${sel(name)} input`).first();
}

async function api(page, pathAndQuery) {
  const res = await page.request.get(`${baseUrl}/api/v1${pathAndQuery}`);
  assert.equal(res.status(), 200, `GET ${pathAndQuery}: ${await res.text()}`);
  return res.json();
}

// A valid credit code no demo firm has (they all start 91330681MA2).
function freshUscc() {
  for (let n = Date.now() % 1_000_000; ; n += 1) {
    let body = '';
    let k = n;
    for (let i = 0; i < 6; i += 1) {
      body = USCC_CHARS[k % 31] + body;
      k = Math.floor(k / 31);
    }
    const code = makeUscc('91', '330681', `MB${body}`);
    if (code) return code;
  }
}

// The month before this one in China time: the demo's latest reports, and a period the
// server takes (not in the future).
function lastMonth() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

describe('enterprises and indicators', { concurrency: false }, () => {
  test('a wrong check character of the credit code is named under the field', { timeout: 90_000 }, async () => {
    await withPage(async (page) => {
      await login(page, ADMIN);
      await page.locator(sel('menu-enterprises')).click();
      await page.waitForURL((u) => u.pathname === '/enterprises');
      await page.locator(`${sel('ent-table')} .el-table__row`).first().waitFor();
      await screenshot(page, 'ent-01-list');

      await page.locator(sel('ent-new')).click();
      await page.waitForURL((u) => u.pathname === '/enterprises/new');

      const valid = freshUscc();
      const expected = valid[17];
      const wrong = USCC_CHARS[(USCC_CHARS.indexOf(expected) + 1) % 31];
      const name = `测试${valid.slice(10, 16)}智能装备有限公司`;
      await inputOf(page, 'ent-uscc').fill(valid.slice(0, 17) + wrong);
      await inputOf(page, 'ent-name').fill(name);
      await inputOf(page, 'ent-legal').fill('张伟');
      await inputOf(page, 'ent-division').fill('330681');
      await inputOf(page, 'ent-industry').fill('3670');
      await page.locator(sel('ent-submit')).click();

      const message = page.locator(`${sel('field-uscc')} .el-form-item__error`);
      await message.waitFor();
      const text = await message.innerText();
      assert.match(text, /18/, `the message names position 18: ${text}`);
      assert.ok(text.includes(expected), `the message names the expected character ${expected}: ${text}`);
      assert.equal(new URL(page.url()).pathname, '/enterprises/new');
      await screenshot(page, 'ent-02-bad-uscc');

      // Corrected, the firm is created and its page opens.
      await inputOf(page, 'ent-uscc').fill(valid);
      await page.locator(`${sel('field-uscc')} .el-form-item__error`).waitFor({ state: 'detached' });
      await page.locator(sel('ent-submit')).click();
      await page.waitForURL((u) => /^\/enterprises\/\d+$/.test(u.pathname));
      await page.locator(sel('ent-detail-name'), { hasText: name }).waitFor();
      await page.locator(sel('ent-detail-uscc'), { hasText: valid }).waitFor();
      await screenshot(page, 'ent-03-created');

      // The same code twice is refused on the same field.
      await page.goto(`${baseUrl}/enterprises/new`);
      await inputOf(page, 'ent-uscc').fill(valid);
      await inputOf(page, 'ent-name').fill(`${name}二`);
      await inputOf(page, 'ent-legal').fill('李娜');
      await inputOf(page, 'ent-division').fill('330681');
      await inputOf(page, 'ent-industry').fill('3670');
      await page.locator(sel('ent-submit')).click();
      await page.locator(`${sel('field-uscc')} .el-form-item__error`).waitFor();
    });
  });

  test('a file with one bad row is refused whole and the row is named', { timeout: 90_000 }, async () => {
    await withPage(async (page) => {
      await login(page, ADMIN);
      const period = lastMonth();
      const firms = await api(page, '/enterprises?page_size=2&sort=uscc');
      const [first, second] = firms.items;
      const before = await api(page, `/enterprise-reports?from=${period}&to=${period}&page_size=1`);
      const firstBefore = await api(page, `/enterprises/${first.id}/reports?from=${period}&to=${period}`);

      // Row 2 is fine (it would overwrite a report); row 3 has a negative output.
      const csv = [
        'uscc,period,output,value_added,revenue,profit,tax,employees,energy_tce',
        `${first.uscc},${period},1.00,1.00,1.00,0,0,1,0`,
        `${second.uscc},${period},-5,1.00,1.00,0,0,1,0`,
        '',
      ].join('\n');

      await page.locator(sel('menu-enterprises')).click();
      await page.locator(sel('ent-import')).click();
      await page.waitForURL((u) => u.pathname === '/enterprises/import');
      await page.locator(sel('template-csv')).waitFor();
      await page.locator(sel('import-file')).setInputFiles({ name: 'reports.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await page.locator(sel('import-file-name'), { hasText: 'reports.csv' }).waitFor();
      await page.locator(sel('import-submit')).click();

      const result = page.locator(`${sel('import-result')}[data-outcome="rejected"]`);
      await result.waitFor();
      assert.match(await page.locator(sel('import-rejected')).innerText(), /未导入任何数据/);
      const rows = page.locator(`${sel('import-problems')} .el-table__body tr`);
      assert.equal(await rows.count(), 1);
      const cells = await rows.first().locator('td').allInnerTexts();
      assert.equal(cells[0].trim(), '3');
      assert.equal(cells[1].trim(), '工业总产值');
      assert.equal(cells[2].trim(), '-5');
      await screenshot(page, 'ent-04-import-rejected');

      // Nothing changed: the same number of reports, and row 2's firm keeps its figures.
      const afterAll = await api(page, `/enterprise-reports?from=${period}&to=${period}&page_size=1`);
      assert.equal(afterAll.total, before.total);
      const firstAfter = await api(page, `/enterprises/${first.id}/reports?from=${period}&to=${period}`);
      assert.deepEqual(
        firstAfter.items.map((r) => r.output_fen),
        firstBefore.items.map((r) => r.output_fen),
      );
    });
  });

  test('a bar of the dashboard opens the reports behind it', { timeout: 90_000 }, async () => {
    await withPage(async (page) => {
      await login(page, ADMIN);
      await page.locator(sel('menu-indicators')).click();
      await page.waitForURL((u) => u.pathname === '/indicators');
      await page.locator(sel('kpi-month')).waitFor();
      const { period } = await api(page, '/indicators/dashboard');
      const month = Number(period.slice(5));

      // This year's bar of the dashboard's month, found on the canvas through ECharts.
      const chart = page.locator(`${sel('chart-monthly')} canvas`).first();
      await chart.waitFor();
      const point = await page.waitForFunction(
        ({ index }) => {
          const card = document.querySelector('[data-test="chart-monthly"]');
          const host = card && [...card.querySelectorAll('*')].find((e) => e.__jkChart);
          const instance = host?.__jkChart;
          const layout = instance?.getModel()?.getSeriesByIndex(1)?.getData()?.getItemLayout(index);
          if (!layout || !layout.width) return null;
          const box = instance.getDom().getBoundingClientRect();
          return { x: box.left + layout.x + layout.width / 2, y: box.top + layout.y + layout.height / 2 };
        },
        { index: month - 1 },
      );
      const { x, y } = await point.jsonValue();
      await screenshot(page, 'ent-05-dashboard');
      await page.mouse.click(x, y);

      const drawer = page.locator(`${sel('drill-table')}[data-kind="reports"]`);
      await drawer.waitFor();
      await page.locator(sel('drill-scope'), { hasText: period }).waitFor();
      await drawer.locator('.el-table__row').first().waitFor();
      const periods = await drawer.locator('.el-table__row td:first-child').allInnerTexts();
      assert.ok(periods.length > 0);
      assert.ok(periods.every((p) => p.trim() === period), `every row is of ${period}: ${periods.join(', ')}`);
      const totalText = await page.locator(sel('drill-total')).innerText();
      assert.ok(Number(totalText.replace(/\D/g, '')) > periods.length - 1);
      await screenshot(page, 'ent-06-drill');

      // The next page comes from the server.
      await page.locator(`${sel('drill-pagination')} .btn-next`).click();
      await drawer.locator('.el-table__row').first().waitFor();
      await page.keyboard.press('Escape');

      // A card drills too: the firms over 100 million yuan, as a ranking.
      await page.locator(sel('kpi-over_100m')).click();
      await page.locator(`${sel('drill-table')}[data-kind="ranking"] .el-table__row`).first().waitFor();
      await screenshot(page, 'ent-07-drill-ranking');
    });
  });

  test('a reader sees the registry but not the buttons that change it', { timeout: 60_000 }, async () => {
    await withPage(async (page) => {
      await login(page, LEADER);
      await page.goto(`${baseUrl}/enterprises`);
      await page.locator(`${sel('ent-table')} .el-table__row`).first().waitFor();
      assert.equal(await page.locator(sel('ent-new')).count(), 0);
      assert.equal(await page.locator(sel('ent-import')).count(), 0);
      // Opening a firm shows its reports tab, without an edit button.
      await page.locator(`${sel('ent-table')} .el-table__row`).first().click();
      await page.waitForURL((u) => /^\/enterprises\/\d+$/.test(u.pathname));
      await page.locator(sel('ent-detail-uscc')).waitFor();
      await page.locator(sel('reports-table')).waitFor();
      assert.equal(await page.locator(sel('ent-edit')).count(), 0);
      await screenshot(page, 'ent-08-leader-detail');
    });
  });
});
