// Browser tests of the enterprise registry, the report import, the indicator dashboard, the
// zone's industrial chains, the city total and the service centre on the dashboard against a
// real jingkai server (with the demo zone: 1,400 enterprises, two years of monthly reports
// and a year of applications at the service centre) and Debian's Chromium.
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
import { fenToUnitText } from '../src/format.js';

// The administrator `serve --demo` creates with the demo zone.
const ADMIN = { name: 'admin', password: 'jingkai-demo' };
const LEADER = { name: 'wang.lead', password: 'leader-horse-5', displayName: '王领导' };
// A role that may not read the application statistics.
const STATS_OFFICER = { name: 'li.tongji', password: 'stats-otter-7', displayName: '李统计' };
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
    addUser(db, DEMO_ZONE, 'stats_officer', STATS_OFFICER);
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

// The month before `period` ("2026-01" -> "2025-12").
function monthBefore(period) {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
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
      // Below the service centre's section: brought into the window before its bar is clicked.
      await chart.scrollIntoViewIfNeeded();
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

describe('industrial chains and the city total', { concurrency: false }, () => {
  test('an admin adds a chain, renames it and finds it in the enterprise form', { timeout: 90_000 }, async () => {
    await withPage(async (page) => {
      await login(page, ADMIN);
      await page.locator(sel('menu-chains')).click();
      await page.waitForURL((u) => u.pathname === '/admin/chains');
      const rows = page.locator(`${sel('chains-table')} .el-table__row`);
      await rows.filter({ hasText: 'smart-vision' }).waitFor();
      const before = await rows.count();

      // A code the server refuses: its message appears under the code.
      await page.locator(sel('chain-new')).click();
      const dialog = page.locator(`${sel('chain-dialog')}`);
      await inputOf(page, 'chain-name').fill('低空经济');
      await inputOf(page, 'chain-code').fill('Low Altitude');
      await page.locator(sel('chain-submit')).click();
      const codeError = page.locator(`${sel('field-chain-code')} .el-form-item__error`);
      await codeError.waitFor();
      assert.match(await codeError.innerText(), /小写字母/);
      await screenshot(page, 'chain-01-bad-code');

      await inputOf(page, 'chain-code').fill('low-altitude');
      await codeError.waitFor({ state: 'detached' });
      await page.locator(sel('chain-submit')).click();
      await dialog.waitFor({ state: 'hidden' });
      await rows.filter({ hasText: 'low-altitude' }).filter({ hasText: '低空经济' }).waitFor();
      assert.equal(await rows.count(), before + 1);

      // A name another chain has: the server's message under the name.
      await page.locator(sel('chain-new')).click();
      await inputOf(page, 'chain-name').fill('新材料');
      await inputOf(page, 'chain-code').fill('materials-2');
      await page.locator(sel('chain-submit')).click();
      const nameError = page.locator(`${sel('field-chain-name')} .el-form-item__error`);
      await nameError.waitFor();
      assert.match(await nameError.innerText(), /新材料/);
      await screenshot(page, 'chain-02-duplicate-name');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      // Renamed, it keeps its code.
      await page.locator(sel('chain-edit-low-altitude')).click();
      assert.equal(await inputOf(page, 'chain-name').inputValue(), '低空经济');
      assert.equal(await inputOf(page, 'chain-code').inputValue(), 'low-altitude');
      await inputOf(page, 'chain-name').fill('低空经济产业');
      await page.locator(sel('chain-submit')).click();
      await dialog.waitFor({ state: 'hidden' });
      await rows.filter({ hasText: '低空经济产业' }).waitFor();
      assert.equal(await rows.count(), before + 1);
      await screenshot(page, 'chain-03-renamed');
      const chain = (await api(page, '/chains')).items.find((c) => c.code === 'low-altitude');
      assert.equal(chain?.name, '低空经济产业');

      // The enterprise form offers it, and a firm created with it belongs to it.
      await page.goto(`${baseUrl}/enterprises/new`);
      const uscc = freshUscc();
      const name = `测试${uscc.slice(10, 16)}无人机有限公司`;
      await inputOf(page, 'ent-uscc').fill(uscc);
      await inputOf(page, 'ent-name').fill(name);
      await inputOf(page, 'ent-legal').fill('陈晨');
      await inputOf(page, 'ent-division').fill('330681');
      await inputOf(page, 'ent-industry').fill('3744');
      await page.locator(sel('ent-chain')).click();
      const option = page.locator('.el-select-dropdown__item:visible', { hasText: '低空经济产业' });
      await option.waitFor();
      await screenshot(page, 'chain-04-enterprise-form');
      await option.click();
      await page.locator(sel('ent-chain'), { hasText: '低空经济产业' }).waitFor();
      await page.locator(sel('ent-submit')).click();
      await page.waitForURL((u) => /^\/enterprises\/\d+$/.test(u.pathname));
      const id = new URL(page.url()).pathname.split('/').pop();
      const firm = await api(page, `/enterprises/${id}`);
      assert.equal(firm.chain_id, chain.id);
    });
  });

  test('an admin enters the city total and the dashboard shows the share against it', { timeout: 120_000 }, async () => {
    await withPage(async (page) => {
      await login(page, ADMIN);
      await page.locator(sel('menu-indicators')).click();
      await page.waitForURL((u) => u.pathname === '/indicators');
      const card = page.locator(sel('kpi-city_share'));
      const share = card.locator('.kpi-value');
      await card.waitFor();
      const dash = await api(page, '/indicators/dashboard');
      const { period } = dash;
      const ytd = dash.output.ytd_fen;
      const current = (await api(page, '/indicators/city-totals')).items.find((i) => i.period === period);
      assert.ok(current, `the demo has a city total for ${period}`);
      assert.equal((await share.innerText()).replace(/\s/g, ''), '74.0%');

      // The dialog opens with the month's total, exactly, in 亿元; 万元 shows the same amount.
      const edit = page.locator(sel('city-total-edit'));
      assert.equal(await edit.getAttribute('data-state'), 'edit');
      await edit.click();
      const dialog = page.locator(sel('city-total-dialog'));
      await dialog.waitFor();
      const amount = inputOf(page, 'city-total-amount');
      assert.equal(await amount.inputValue(), fenToUnitText(current.above_scale_output_ytd_fen, 'yi'));
      await page.locator(sel('city-total-unit-wan')).click();
      assert.equal(await amount.inputValue(), fenToUnitText(current.above_scale_output_ytd_fen, 'wan'));

      // What is not an amount is refused here; a negative one by the server, on the field.
      const amountError = page.locator(`${sel('field-city-total-amount')} .el-form-item__error`);
      await amount.fill('12.3.4');
      await page.locator(sel('city-total-submit')).click();
      await amountError.waitFor();
      await amount.fill('-5');
      await page.locator(sel('city-total-submit')).click();
      await page.locator(`${sel('field-city-total-amount')} .el-form-item__error`, { hasText: '正数' }).waitFor();
      await screenshot(page, 'city-01-refused');

      // Twice the zone's year to date, in whole 万元: the zone is then about half the city.
      const wan = Math.round((2 * ytd) / 1_000_000);
      await amount.fill(String(wan));
      await page.locator(sel('city-total-preview'), { hasText: `${(wan * 10_000).toLocaleString('en-US')}.00` }).waitFor();
      await page.locator(sel('city-total-submit')).click();
      await dialog.waitFor({ state: 'hidden' });
      const expected = `${((ytd / (wan * 1_000_000)) * 100).toFixed(1)}%`;
      assert.equal(expected, '50.0%');
      await page.locator(sel('kpi-city_share'), { hasText: expected }).waitFor();
      assert.equal((await share.innerText()).replace(/\s/g, ''), expected);
      const saved = (await api(page, '/indicators/city-totals')).items.find((i) => i.period === period);
      assert.equal(saved.above_scale_output_ytd_fen, wan * 1_000_000);
      await screenshot(page, 'city-02-share');

      // A month without a city total says so, and the total is entered from there, in 亿元.
      const earlier = monthBefore(period);
      const earlierYtd = (await api(page, `/indicators/dashboard?period=${earlier}`)).output.ytd_fen;
      assert.ok(!(await api(page, '/indicators/city-totals')).items.some((i) => i.period === earlier));
      await page.goto(`${baseUrl}/indicators?period=${earlier}`);
      await page.locator(sel('kpi-city_share'), { hasText: '尚未录入全市累计数' }).waitFor();
      const enter = page.locator(`${sel('city-total-edit')}[data-state="enter"]`);
      await enter.waitFor();
      await screenshot(page, 'city-03-missing');
      await enter.click();
      await dialog.waitFor();
      await page.locator(sel('city-total-current'), { hasText: '该月尚未录入' }).waitFor();
      assert.equal(await inputOf(page, 'city-total-amount').inputValue(), '');
      const yi = fenToUnitText(2 * earlierYtd, 'yi');
      await inputOf(page, 'city-total-amount').fill(yi);
      await page.locator(sel('city-total-submit')).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator(sel('kpi-city_share'), { hasText: '50.0%' }).waitFor();
      const earlierSaved = (await api(page, '/indicators/city-totals')).items.find((i) => i.period === earlier);
      assert.equal(earlierSaved.above_scale_output_ytd_fen, 2 * earlierYtd);
      await screenshot(page, 'city-04-entered');
    });

    // A reader sees the share but cannot change the total.
    await withPage(async (page) => {
      await login(page, LEADER);
      await page.goto(`${baseUrl}/indicators`);
      await page.locator(sel('kpi-city_share'), { hasText: '50.0%' }).waitFor();
      assert.equal(await page.locator(sel('city-total-edit')).count(), 0);
    });
  });
});

describe('the service centre on the dashboard', { concurrency: false }, () => {
  // The number a figure of the service section shows, and its text.
  async function figure(page, key, part = 'service-value') {
    const el = page.locator(`${sel(`service-${key}`)} ${sel(part)}`);
    await el.waitFor();
    return { value: await el.getAttribute('data-value'), text: (await el.innerText()).trim() };
  }

  // The drawer's count, "共 202 条" -> 202, once the list has come.
  async function drawerTotal(page) {
    const drawer = page.locator(sel('drill-drawer'));
    await drawer.locator(`${sel('applications-table')}`).waitFor();
    await page.waitForFunction(() => {
      const table = document.querySelector('[data-test="drill-drawer"] [data-test="applications-table"]');
      return table && !table.querySelector('.el-loading-mask:not([style*="display: none"])');
    });
    return Number((await page.locator(sel('drill-total')).innerText()).replace(/\D/g, ''));
  }

  async function closeDrawer(page) {
    await page.keyboard.press('Escape');
    await page.locator(`${sel('drill-drawer')}`).waitFor({ state: 'hidden' });
  }

  test('an admin sees the year at the service centre and drills into the figures', { timeout: 120_000 }, async () => {
    await withPage(async (page) => {
      await login(page, ADMIN);
      await page.locator(sel('menu-indicators')).click();
      await page.waitForURL((u) => u.pathname === '/indicators');
      await page.locator(sel('service-section')).waitFor();

      // What the API says for the year to date of the server's date.
      const red = await api(page, '/applications?open=true&flag=red&page_size=1');
      const yellow = await api(page, '/applications?open=true&flag=yellow&page_size=1');
      const year = red.today.slice(0, 4);
      const month = red.today.slice(0, 7);
      const stats = await api(page, `/applications/statistics?from=${year}-01&to=${month}&by=month`);
      const total = stats.total;
      assert.ok(total.received > 100, `the demo has a year of applications: ${JSON.stringify(total)}`);
      assert.ok(total.finished > 0 && total.finished <= total.received + 31, JSON.stringify(total));
      await page.locator(sel('service-span'), { hasText: red.today }).waitFor();

      const received = await figure(page, 'received');
      assert.equal(Number(received.value), total.received);
      assert.equal(received.text, total.received.toLocaleString('en-US'));
      const finished = await figure(page, 'finished');
      assert.equal(Number(finished.value), total.finished);
      assert.equal(finished.text, total.finished.toLocaleString('en-US'));
      const rate = await figure(page, 'onTimePromised');
      assert.equal(rate.text, `${((total.on_time_promised / total.finished) * 100).toFixed(1)}%`);
      assert.equal((await figure(page, 'red')).value, String(red.total));
      assert.equal((await figure(page, 'yellow')).value, String(yellow.total));
      await page.locator(`${sel('service-chart')} canvas`).waitFor();
      await screenshot(page, 'svc-01-dashboard');

      // The finished figure opens as many finished applications as it says.
      await page.locator(`${sel('service-finished')} ${sel('service-open')}`).click();
      assert.equal(await drawerTotal(page), total.finished);
      const drawer = page.locator(sel('drill-drawer'));
      const rows = drawer.locator(`${sel('applications-table')} .el-table__row`);
      assert.equal(await rows.count(), Math.min(20, total.finished));
      const states = await drawer.locator(sel('application-state')).evaluateAll((els) => els.map((e) => e.dataset.state));
      assert.ok(states.length > 0 && states.every((s) => s === 'finished'), states.join(','));
      await screenshot(page, 'svc-02-finished');
      await closeDrawer(page);

      // This month's received figure opens this month's applications.
      const monthRow = stats.rows.find((r) => r.key === month);
      assert.ok(monthRow, `a row for ${month}`);
      assert.equal(Number((await figure(page, 'received', 'service-month')).value), monthRow.received);
      await page.locator(`${sel('service-received')} ${sel('service-month')}`).click();
      assert.equal(await drawerTotal(page), monthRow.received);
      await closeDrawer(page);

      // The red figure lists the open applications flagged red now.
      await page.locator(`${sel('service-red')} ${sel('service-open')}`).click();
      assert.equal(await drawerTotal(page), red.total);
      await closeDrawer(page);

      // A row of a drill leads to the application; the link to the full statistics.
      await page.locator(`${sel('service-finished')} ${sel('service-open')}`).click();
      await drawerTotal(page);
      const link = drawer.locator(sel('application-link')).first();
      const number = (await link.innerText()).trim();
      await link.click();
      await page.waitForURL((u) => /^\/applications\/\d+$/.test(u.pathname));
      await page.getByText(number).first().waitFor();
      await page.goBack();
      await page.waitForURL((u) => u.pathname === '/indicators');
      await page.locator(sel('service-more')).click();
      await page.waitForURL((u) => u.pathname === '/approvals/statistics' && u.searchParams.get('from') === `${year}-01` && u.searchParams.get('to') === month);
      await page.locator(sel('stats-card-received'), { hasText: total.received.toLocaleString('en-US') }).waitFor();
    });
  });

  test('a leader sees it; a statistics officer neither sees it nor asks for it', { timeout: 90_000 }, async () => {
    await withPage(async (page) => {
      await login(page, LEADER);
      await page.goto(`${baseUrl}/indicators`);
      await page.locator(`${sel('service-received')} ${sel('service-value')}`).waitFor();
    });
    await withPage(async (page) => {
      const asked = [];
      page.on('request', (req) => {
        if (new URL(req.url()).pathname.startsWith('/api/v1/applications')) asked.push(req.url());
      });
      await login(page, STATS_OFFICER);
      await page.goto(`${baseUrl}/indicators`);
      await page.locator(sel('kpi-month')).waitFor();
      await page.locator(sel('chart-monthly')).waitFor();
      assert.equal(await page.locator(sel('service-section')).count(), 0);
      assert.deepEqual(asked, []);
      await screenshot(page, 'svc-03-stats-officer');
    });
  });
});
