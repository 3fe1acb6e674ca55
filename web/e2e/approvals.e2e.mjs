// Browser tests of applications (办件) against a real jingkai server with the demo zone, its
// clock set through the API (`serve --demo --settable-clock`), and Debian's Chromium: an
// enterprise user applies from the guide and uploads the materials (a forbidden file is
// refused with the server's words and nothing is added); an officer accepts, reviews and
// requests corrections; across the National Day holiday the applicant corrects and
// resubmits, and the officer sees both deadlines moved by exactly the working days the
// correction took; the deadlines are extended once; the application is approved and
// finished with a result document that the applicant downloads; the statistics lead back
// to it; an admin keeps who may apply.
//   node --test web/e2e/approvals.e2e.mjs      (from the repository root)
// Needs build/jingkai (or JINGKAI_BIN) and build/web (npm run build).
// Set JINGKAI_SCREENSHOTS=<dir> to keep a screenshot of every step.
//
// The dates, from data/holidays-cn.txt (year 2026, 国务院办公厅 2025年11月4日通知):
//   off  2026-09-25..2026-09-27 中秋节      off  2026-10-01..2026-10-07 国庆节
//   work 2026-09-20 国庆节调休 (a Sunday)    work 2026-10-10 国庆节调休 (a Saturday)
// The item is TZ-001 企业投资项目核准: promised 5 working days, statutory 20.
// Accepted on Monday 2026-09-28; "N working days later" counts the working days after it:
//   09-29 Tue (1), 09-30 Wed (2), [10-01..10-07 holiday], 10-08 Thu (3), 10-09 Fri (4),
//   10-10 Sat, a make-up working day (5)                    -> promised deadline 2026-10-10
//   10-12..10-16 (6-10), 10-19..10-23 (11-15), 10-26..10-30 (16-20)
//                                                            -> statutory deadline 2026-10-30
// Corrections are requested on 2026-09-28 and the applicant resubmits on Friday 2026-10-09.
// The clock stood still for the working days after 09-28 up to and including 10-09:
//   09-29, 09-30, 10-08, 10-09 = 4 working days (the seven holidays do not count).
// Both deadlines move by those 4 working days:
//   promised  2026-10-10 + 4: 10-12 Mon, 10-13, 10-14, 10-15  -> 2026-10-15
//   statutory 2026-10-30 + 4: 11-02 Mon, 11-03, 11-04, 11-05  -> 2026-11-05
// On 2026-10-09 the promised deadline is 10-10 (Sat, make-up), 10-12, 10-13, 10-14, 10-15
//   = 5 working days away. (Without the make-up Saturday it would have been 2026-10-12 and
//   2026-10-16: the test would notice.)

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
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

// The users `serve --demo` creates in the demo zone.
const ADMIN = { name: 'admin', password: 'jingkai-demo' };
const OFFICER = { name: 'chuangkou', password: 'jingkai-demo' };
const APPLICANT = { name: 'qiye', password: 'jingkai-demo' };
const DEMO_ZONE = 'zhuji-edz';

const ITEM = 'TZ-001';
const FORM_MATERIAL = '项目申请报告或申请表';
const LICENCE_MATERIAL = '营业执照';

const ACCEPTED_AT = '2026-09-28T09:00:00+08:00';
const RESUBMITTED_AT = '2026-10-09T09:30:00+08:00';
const PROMISED_BEFORE = '2026-10-10';
const STATUTORY_BEFORE = '2026-10-30';
const PAUSED_DAYS = 4;
const PROMISED_AFTER = '2026-10-15';
const STATUTORY_AFTER = '2026-11-05';

const sel = (name) => `[data-test="${name}"]`;

// Tiny but well-formed PDFs (the server checks the version line and the closing %%EOF);
// padding goes before the trailer, so that %%EOF stays at the end.
function pdf(text, padTo = 0) {
  const head = Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\n`, 'utf8');
  const tail = Buffer.from('trailer <<>>\n%%EOF\n', 'utf8');
  const pad = Math.max(0, padTo - head.length - tail.length);
  return Buffer.concat([head, Buffer.alloc(pad, 0x20), tail]);
}
// The start of an ELF executable.
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 0)]);
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

const FORM_PDF = pdf('项目申请表');
const LICENCE_PDF = pdf('营业执照 旧');
// The corrected scan: 3 MB, over the 1 MiB the JSON routes take, well under the 20 MiB of a material.
const LICENCE_FIXED_PDF = pdf('营业执照 清晰', 3 * 1024 * 1024);
const RESULT_PDF = pdf('核准批复 诸经开发改核〔2026〕1号');

let tmp;
let server;
let browser;
let baseUrl;
// What the tests hand on to the next: the application's id and number.
const shared = { id: null, number: null, enterpriseId: null };

before(
  async () => {
    checkPrerequisites();
    tmp = makeTempDir();
    server = await startServer({
      db: path.join(tmp, 'jingkai.db'),
      extraArgs: ['--demo', '--settable-clock'],
      timeoutMs: 180_000,
    });
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

// ---- the API, from the test itself (bearer tokens) ------------------------------------------

const tokens = new Map();

async function tokenOf(user) {
  if (!tokens.has(user.name)) {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: user.name, password: user.password }),
    });
    const body = await res.json();
    assert.equal(res.status, 200, `login ${user.name}: ${JSON.stringify(body)}`);
    assert.ok(body.token, 'login answers a token');
    tokens.set(user.name, body.token);
  }
  return tokens.get(user.name);
}

// Calls the API as `user`; answers { status, body } (body parsed when JSON).
async function callAs(user, method, pathAndQuery, { json, raw, contentType } = {}) {
  const headers = { Authorization: `Bearer ${await tokenOf(user)}`, Accept: 'application/json' };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (raw !== undefined) {
    headers['Content-Type'] = contentType;
    body = raw;
  } else if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
  }
  let res = await fetch(`${baseUrl}/api/v1${pathAndQuery}`, { method, headers, body });
  if (res.status === 401) {
    // A session that ran out (the server's clock moves): log in again, once.
    tokens.delete(user.name);
    headers.Authorization = `Bearer ${await tokenOf(user)}`;
    res = await fetch(`${baseUrl}/api/v1${pathAndQuery}`, { method, headers, body });
  }
  const text = await res.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: kept as text
  }
  return { status: res.status, body: parsed };
}

async function setClock(now) {
  const res = await callAs(ADMIN, 'PUT', '/system/clock', { json: { now } });
  assert.equal(res.status, 200, `PUT /system/clock: ${JSON.stringify(res.body)}`);
  // Sessions live by the server's clock: those from before a jump may have run out.
  tokens.clear();
}

async function application(user = OFFICER) {
  const res = await callAs(user, 'GET', `/applications/${shared.id}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

// ---- the browser ------------------------------------------------------------------------------

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
  return page.locator(`input${sel(name)}, ${sel(name)} input, textarea${sel(name)}, ${sel(name)} textarea`).first();
}

const stateIs = (page, state) => page.locator(`${sel('app-state')}[data-state="${state}"]`).waitFor();

// Takes a step of the workflow from the application page: its button, then the dialog.
async function act(page, action, fill = async () => {}) {
  await page.locator(sel(`action-${action}`)).click();
  const dialog = page.locator(`${sel('action-dialog')}[data-action="${action}"]`);
  await dialog.waitFor();
  await fill(dialog);
  await dialog.locator(sel('action-confirm')).click();
  await dialog.waitFor({ state: 'hidden' });
}

function materialBlock(page, name) {
  return page.locator(`${sel('material')}[data-material="${name}"]`);
}

async function upload(block, name, buffer, mimeType = 'application/pdf') {
  await block.locator(sel('material-upload-input')).setInputFiles({ name, mimeType, buffer });
}

// The row of our application in a list of applications.
function queueRow(page) {
  return page.locator(`${sel('applications-table')} .el-table__row`, { hasText: shared.number });
}

// Opens the officer's queue from the menu and finds our application by its number (the
// demo's own applications may fill the first page).
async function findInQueue(page) {
  await page.locator(sel('menu-approvalQueue')).click();
  await page.waitForURL((u) => u.pathname === '/approvals/queue');
  await inputOf(page, 'queue-search').fill(shared.number);
  await inputOf(page, 'queue-search').press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === shared.number);
  await queueRow(page).waitFor();
  return queueRow(page);
}

describe('applications (办件)', { concurrency: false }, () => {
  test('an enterprise user applies from the guide, uploads the materials and submits', { timeout: 120_000 }, async () => {
    await setClock(ACCEPTED_AT);
    await withPage(async (page) => {
      // A visitor is offered the login first.
      await page.goto(`${baseUrl}/guide/${ITEM}?zone=${DEMO_ZONE}`);
      await page.locator(sel('guide-apply-login')).click();
      await page.waitForURL((u) => u.pathname === '/login');
      await page.locator(sel('login-name')).fill(APPLICANT.name);
      await page.locator(sel('login-password')).fill(APPLICANT.password);
      await page.locator(sel('login-submit')).click();
      await page.waitForURL((u) => u.pathname === `/guide/${ITEM}`);
      await page.locator(sel('guide-item-name'), { hasText: '企业投资项目核准' }).waitFor();
      await screenshot(page, 'approvals-01-guide');

      // 在线申请: one enterprise represented, so the draft is made at once.
      const mine = await callAs(APPLICANT, 'GET', '/my/enterprises');
      assert.equal(mine.status, 200, JSON.stringify(mine.body));
      assert.ok(mine.body.items.length >= 1, 'qiye represents a demo enterprise');
      shared.enterpriseId = mine.body.items[0].id;
      await page.locator(sel('guide-apply'), { hasText: '在线申请' }).click();
      if (mine.body.items.length > 1) {
        await page.locator(sel(`apply-enterprise-${shared.enterpriseId}`)).click();
        await page.locator(sel('apply-confirm')).click();
      }
      await page.waitForURL((u) => /^\/applications\/\d+$/.test(u.pathname));
      shared.id = Number(new URL(page.url()).pathname.split('/').pop());
      await stateIs(page, 'draft');
      shared.number = (await page.locator(sel('app-number')).innerText()).trim();
      assert.ok(shared.number, 'the draft has a number');
      const draft = await application(APPLICANT);
      assert.equal(draft.item_code, ITEM);
      assert.equal(draft.enterprise_id, shared.enterpriseId);
      assert.equal(draft.number, shared.number);
      // Every material of the item is listed; the required ones still missing.
      await materialBlock(page, FORM_MATERIAL).waitFor();
      await materialBlock(page, LICENCE_MATERIAL).waitFor();
      await page.locator(sel('app-missing'), { hasText: FORM_MATERIAL }).waitFor();
      await screenshot(page, 'approvals-02-draft');

      // The form.
      await inputOf(page, 'app-contact-name').fill('陈经理');
      await inputOf(page, 'app-contact-phone').fill('0575-87000000');
      await inputOf(page, 'app-note').fill('年产 50 万套智能视觉模组扩建项目核准');
      await page.locator(sel('app-form-save')).click();
      await page.locator('.el-message--success', { hasText: '申请信息已保存' }).waitFor();
      assert.equal((await application(APPLICANT)).contact_name, '陈经理');

      // The application form, uploaded: name, size and the start of its checksum shown.
      await upload(materialBlock(page, FORM_MATERIAL), '项目申请表.pdf', FORM_PDF);
      const formFile = materialBlock(page, FORM_MATERIAL).locator(`${sel('material-file')}[data-file="项目申请表.pdf"]`);
      await formFile.waitFor();
      assert.match(await formFile.innerText(), new RegExp(`${FORM_PDF.length} B`));
      assert.match(await formFile.locator(sel('material-sha')).innerText(), new RegExp(sha256(FORM_PDF).slice(0, 12)));

      // A forbidden file: an executable named like a PDF goes to the server, which refuses it
      // in its own words; one named .exe is stopped before it leaves the page. Nothing added.
      const licence = materialBlock(page, LICENCE_MATERIAL);
      const refused = await callAs(APPLICANT, 'POST', `/applications/${shared.id}/materials?file_name=${encodeURIComponent('营业执照.pdf')}&material=${encodeURIComponent(LICENCE_MATERIAL)}`, {
        raw: ELF,
        contentType: 'application/pdf',
      });
      assert.equal(refused.status, 415, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'file_type_not_allowed');
      await upload(licence, '营业执照.pdf', ELF);
      await licence.locator(sel('upload-error'), { hasText: refused.body.error.message }).waitFor();
      await screenshot(page, 'approvals-03-forbidden-type');
      await upload(licence, 'setup.exe', ELF, 'application/x-msdownload');
      await licence.locator(sel('upload-error'), { hasText: '不支持该文件类型' }).waitFor();
      assert.equal(await licence.locator(sel('material-file')).count(), 0);
      const afterRefusal = await application(APPLICANT);
      assert.deepEqual(afterRefusal.materials.map((m) => m.file_name), ['项目申请表.pdf']);

      // Submitting before every required material is there: the server says what is missing.
      if (afterRefusal.actions.includes('submit')) {
        await page.locator(sel('action-submit')).click();
        const dialog = page.locator(`${sel('action-dialog')}[data-action="submit"]`);
        await dialog.locator(sel('action-confirm')).click();
        await dialog.locator(sel('action-error')).waitFor();
        await dialog.locator(sel('action-cancel')).click();
        await dialog.waitFor({ state: 'hidden' });
        assert.equal((await application(APPLICANT)).state, 'draft');
      }

      // The licence, then submit.
      await upload(licence, '营业执照.pdf', LICENCE_PDF);
      await licence.locator(`${sel('material-file')}[data-file="营业执照.pdf"]`).waitFor();
      await page.locator(sel('app-missing')).waitFor({ state: 'detached' });
      await screenshot(page, 'approvals-04-materials');
      await act(page, 'submit');
      await stateIs(page, 'submitted');
      await page.locator(`${sel('timeline-entry')}[data-action="submit"]`).waitFor();
      await page.locator(`${sel('timeline-entry')}[data-action="create"]`).waitFor();
      assert.equal(await page.locator(`${sel('timeline-entry')}[data-action="upload"]`).count(), 2);
      // Submitted: the form and the files are no longer the applicant's to change.
      await page.locator(sel('app-form')).waitFor({ state: 'detached' });
      assert.equal(await page.locator(sel('material-upload')).count(), 0);
      await screenshot(page, 'approvals-05-submitted');
    });
  });

  test('the officer accepts, reviews and requests corrections, all at once', { timeout: 120_000 }, async () => {
    await withPage(async (page) => {
      await login(page, OFFICER);
      const row = await findInQueue(page);
      await row.locator(`${sel('application-state')}[data-state="submitted"]`).waitFor();
      await screenshot(page, 'approvals-06-queue-submitted');
      await row.click();
      await page.waitForURL((u) => u.pathname === `/applications/${shared.id}`);
      await stateIs(page, 'submitted');
      // The applicant's files, downloadable by the officer.
      const files = page.locator(sel('material-download'));
      assert.equal(await files.count(), 2);

      // 受理: the clocks start (see the dates at the top of this file).
      await act(page, 'accept');
      await stateIs(page, 'accepted');
      await page.locator(sel('app-promised-deadline'), { hasText: PROMISED_BEFORE }).waitFor();
      await page.locator(sel('app-statutory-deadline'), { hasText: STATUTORY_BEFORE }).waitFor();
      await page.locator(sel('app-days-left'), { hasText: '剩 5 个工作日' }).waitFor();
      await page.locator(`${sel('app-flag')}[data-flag="green"]`, { hasText: '正常' }).waitFor();
      await screenshot(page, 'approvals-07-accepted');

      // In the queue: the deadline, the days left and the green flag.
      await findInQueue(page);
      await queueRow(page).locator(sel('application-promised'), { hasText: PROMISED_BEFORE }).waitFor();
      await queueRow(page).locator(`${sel('application-flag')}[data-flag="green"]`, { hasText: '正常' }).waitFor();
      await queueRow(page).locator(sel('application-days-left'), { hasText: '剩 5 个工作日' }).waitFor();
      await queueRow(page).click();
      await page.waitForURL((u) => u.pathname === `/applications/${shared.id}`);

      // 审查, then 补正: every line of what is missing at once.
      await act(page, 'review');
      await stateIs(page, 'reviewing');
      await act(page, 'request_correction', async (dialog) => {
        // Nothing listed: stopped before it is sent.
        await dialog.locator(sel('action-confirm')).click();
        await dialog.locator('.el-form-item__error', { hasText: '请填写理由' }).waitFor();
        await dialog.locator('.el-form-item__error', { hasText: '请至少列出一项补正内容' }).waitFor();
        await inputOf(dialog, 'action-item-0').fill('营业执照复印件不清晰，请重新扫描上传');
        await dialog.locator(sel('action-add-item')).click();
        await inputOf(dialog, 'action-item-1').fill('项目申请表缺少法定代表人签字');
        await inputOf(dialog, 'action-reason').fill('申请材料不齐全，请一次性补正以下内容');
      });
      await stateIs(page, 'correcting');
      await page.locator(`${sel('app-flag')}[data-flag="paused"]`, { hasText: '暂停计时（补正）' }).waitFor();
      const correction = page.locator(sel('app-correction'));
      await correction.locator('li', { hasText: '营业执照复印件不清晰' }).waitFor();
      await correction.locator('li', { hasText: '项目申请表缺少法定代表人签字' }).waitFor();
      // Only once: the step is not offered again.
      assert.equal(await page.locator(sel('action-request_correction')).count(), 0);
      const saved = await application();
      assert.deepEqual(saved.correction.items, ['营业执照复印件不清晰，请重新扫描上传', '项目申请表缺少法定代表人签字']);
      assert.equal(saved.correction.requested_on, '2026-09-28');
      await screenshot(page, 'approvals-08-correction');

      // The queue's paused filter finds it.
      await page.goto(`${baseUrl}/approvals/queue?flag=paused&q=${encodeURIComponent(shared.number)}`);
      await queueRow(page).locator(`${sel('application-flag')}[data-flag="paused"]`, { hasText: '暂停计时（补正）' }).waitFor();
    });
  });

  test('after the National Day holiday the applicant corrects and resubmits', { timeout: 120_000 }, async () => {
    await setClock(RESUBMITTED_AT);
    await withPage(async (page) => {
      await login(page, APPLICANT);
      await page.locator(sel('menu-myApplications')).click();
      await page.waitForURL((u) => u.pathname === '/applications');
      await inputOf(page, 'applications-search').fill(shared.number);
      await inputOf(page, 'applications-search').press('Enter');
      const row = page.locator(`${sel('applications-table')} .el-table__row`, { hasText: shared.number });
      await row.locator(`${sel('application-state')}[data-state="correcting"]`, { hasText: '补正中' }).waitFor();
      await row.locator(`${sel('application-flag')}[data-flag="paused"]`).waitFor();
      await row.click();
      await page.waitForURL((u) => u.pathname === `/applications/${shared.id}`);
      await stateIs(page, 'correcting');
      // The request, highlighted, with every line.
      const correction = page.locator(`${sel('app-correction')}.active`);
      await correction.locator('li', { hasText: '营业执照复印件不清晰' }).waitFor();
      await screenshot(page, 'approvals-09-applicant-correction');

      // What was submitted stays on file; a file added for the correction may go again.
      const licence = materialBlock(page, LICENCE_MATERIAL);
      const submitted = licence.locator(`${sel('material-file')}[data-file="营业执照.pdf"]`);
      await submitted.locator(sel('material-kept')).waitFor();
      assert.equal(await submitted.locator(sel('material-remove')).count(), 0);
      await upload(licence, '营业执照-旧版.pdf', pdf('选错的文件'));
      const wrong = licence.locator(`${sel('material-file')}[data-file="营业执照-旧版.pdf"]`);
      await wrong.locator(sel('material-remove')).click();
      await page.locator('.el-message-box__btns .el-button--primary').click();
      await wrong.waitFor({ state: 'detached' });
      // The clear 3 MB scan.
      await upload(licence, '营业执照-清晰.pdf', LICENCE_FIXED_PDF);
      const fixed = licence.locator(`${sel('material-file')}[data-file="营业执照-清晰.pdf"]`);
      await fixed.waitFor({ timeout: 30_000 });
      assert.match(await fixed.innerText(), /3\.0 MB/);
      const stored = (await application(APPLICANT)).materials.find((m) => m.file_name === '营业执照-清晰.pdf');
      assert.equal(stored.size, LICENCE_FIXED_PDF.length);
      assert.equal(stored.sha256, sha256(LICENCE_FIXED_PDF));
      await screenshot(page, 'approvals-10-corrected');

      await act(page, 'resubmit');
      // Back to the state it was in when corrections were asked for.
      await stateIs(page, 'reviewing');
      await page.locator(`${sel('app-paused-days')}[data-days="${PAUSED_DAYS}"]`).waitFor();
      await page.locator(sel('app-correction'), { hasText: '2026-10-09' }).waitFor();
    });
  });

  test('the officer sees the deadlines moved by the working days of the correction, approves and finishes', { timeout: 120_000 }, async () => {
    await withPage(async (page) => {
      await login(page, OFFICER);
      await findInQueue(page);
      // Four working days later than before the correction: 10-10 (make-up Saturday) -> 10-15.
      await queueRow(page).locator(sel('application-promised'), { hasText: PROMISED_AFTER }).waitFor();
      await screenshot(page, 'approvals-11-queue-moved');
      await queueRow(page).click();
      await page.waitForURL((u) => u.pathname === `/applications/${shared.id}`);
      await stateIs(page, 'reviewing');
      await page.locator(sel('app-promised-deadline'), { hasText: PROMISED_AFTER }).waitFor();
      await page.locator(sel('app-statutory-deadline'), { hasText: STATUTORY_AFTER }).waitFor();
      await page.locator(`${sel('app-paused-days')}[data-days="${PAUSED_DAYS}"]`, { hasText: `${PAUSED_DAYS} 个工作日` }).waitFor();
      await page.locator(sel('app-days-left'), { hasText: '剩 5 个工作日' }).waitFor();
      await page.locator(`${sel('app-flag')}[data-flag="green"]`).waitFor();
      const moved = await application();
      assert.equal(moved.promised_deadline, PROMISED_AFTER);
      assert.equal(moved.statutory_deadline, STATUTORY_AFTER);
      assert.equal(moved.paused_working_days, PAUSED_DAYS);
      assert.equal(moved.accepted_on, '2026-09-28');
      // The resubmission's line in the timeline says so too.
      const resubmitted = page.locator(`${sel('timeline-entry')}[data-action="resubmit"]`);
      await resubmitted.locator('[data-detail="promised_deadline"]', { hasText: PROMISED_AFTER }).waitFor();
      await screenshot(page, 'approvals-12-deadline-moved');

      // 延期: two more working days on both deadlines, once, with a reason and who approved it.
      //   promised 2026-10-15 + 2: 10-16 Fri, 10-19 Mon; statutory 2026-11-05 + 2: 11-06 Fri, 11-09 Mon.
      await act(page, 'extend', async (dialog) => {
        await inputOf(dialog, 'action-days').fill('2');
        await inputOf(dialog, 'action-approver').fill('张主任');
        await inputOf(dialog, 'action-reason').fill('需现场核查项目用地');
      });
      await page.locator(sel('app-extension'), { hasText: '2 个工作日' }).waitFor();
      await page.locator(sel('app-promised-deadline'), { hasText: '2026-10-19' }).waitFor();
      await page.locator(sel('app-statutory-deadline'), { hasText: '2026-11-09' }).waitFor();
      assert.equal(await page.locator(sel('action-extend')).count(), 0, 'an extension is granted once');
      assert.deepEqual((await application()).extension, { days: 2, reason: '需现场核查项目用地', approver: '张主任', on: '2026-10-09' });

      // 决定: approve with reasons.
      await act(page, 'approve', async (dialog) => {
        await inputOf(dialog, 'action-reason').fill('符合国家产业政策和园区规划，准予核准');
      });
      await stateIs(page, 'decided');
      await page.locator(sel('app-decision'), { hasText: '准予许可' }).waitFor();

      // Finishing needs the result document first.
      const blocked = await callAs(OFFICER, 'POST', `/applications/${shared.id}/actions/finish`, { json: { in_zone: true } });
      assert.equal(blocked.status, 400, JSON.stringify(blocked.body));
      assert.equal(blocked.body.error.code, 'result_missing');
      await page.locator(sel('result-upload-input')).setInputFiles({ name: '核准批复.pdf', mimeType: 'application/pdf', buffer: RESULT_PDF });
      await page.locator(`${sel('result-file')}[data-file="核准批复.pdf"]`).waitFor();

      // 办结, entirely inside the zone.
      await act(page, 'finish', async (dialog) => {
        assert.equal(await dialog.locator(`${sel('action-in-zone')} input`).isChecked(), true);
      });
      await stateIs(page, 'finished');
      await page.locator(sel('app-info'), { hasText: '2026-10-09' }).waitFor();
      assert.equal(await page.locator(sel('app-flag')).count(), 0, 'no clock once finished');
      const finished = await application();
      assert.equal(finished.finished_on, '2026-10-09');
      assert.equal(finished.in_zone, true);
      assert.deepEqual(finished.actions, []);
      await screenshot(page, 'approvals-13-finished');
    });
  });

  test('the applicant sees 已办结 and downloads the result', { timeout: 90_000 }, async () => {
    await withPage(async (page) => {
      await login(page, APPLICANT);
      await page.locator(sel('menu-myApplications')).click();
      await page.waitForURL((u) => u.pathname === '/applications');
      await inputOf(page, 'applications-search').fill(shared.number);
      await inputOf(page, 'applications-search').press('Enter');
      const row = page.locator(`${sel('applications-table')} .el-table__row`, { hasText: shared.number });
      await row.locator(`${sel('application-state')}[data-state="finished"]`, { hasText: '已办结' }).waitFor();
      await row.click();
      await page.locator(`${sel('app-state')}[data-state="finished"]`, { hasText: '已办结' }).waitFor();
      // Every step, in Chinese, in order.
      const steps = await page.locator(sel('timeline-entry')).evaluateAll((els) => els.map((e) => e.dataset.action));
      const workflow = steps.filter((a) => !['create', 'edit', 'upload', 'remove_file'].includes(a));
      assert.deepEqual(workflow, ['submit', 'accept', 'review', 'request_correction', 'resubmit', 'extend', 'approve', 'finish']);
      await page.locator(`${sel('timeline-entry')}[data-action="request_correction"]`, { hasText: '要求补正' }).waitFor();
      await page.locator(`${sel('timeline-entry')}[data-action="finish"]`, { hasText: '办结' }).waitFor();
      await screenshot(page, 'approvals-14-applicant-finished');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`${sel('result-file')}[data-file="核准批复.pdf"] ${sel('result-download')}`).click(),
      ]);
      assert.equal(download.suggestedFilename(), '核准批复.pdf');
      const bytes = await readFile(await download.path());
      assert.equal(sha256(bytes), sha256(RESULT_PDF));
    });
  });

  test('the statistics count it and lead back to it', { timeout: 90_000 }, async () => {
    await withPage(async (page) => {
      await login(page, OFFICER);
      await page.goto(`${baseUrl}/approvals/statistics?from=2026-09&to=2026-10&by=item`);
      const stats = await callAs(OFFICER, 'GET', '/applications/statistics?from=2026-09&to=2026-10&by=item');
      assert.equal(stats.status, 200, JSON.stringify(stats.body));
      const ours = stats.body.rows.find((r) => r.key === ITEM);
      assert.ok(ours && ours.finished >= 1 && ours.on_time_promised >= 1 && ours.in_zone >= 1, JSON.stringify(ours));
      const count = (n) => n.toLocaleString('en-US');
      await page.locator(sel('stats-card-received'), { hasText: count(stats.body.total.received) }).waitFor();
      await page.locator(sel('stats-card-finished'), { hasText: count(stats.body.total.finished) }).waitFor();
      await page.locator(`${sel('stats-chart')} canvas`).waitFor();
      await screenshot(page, 'approvals-15-statistics');

      // The item's finished figure opens the applications behind it.
      const row = page.locator(`${sel('stats-table')} .el-table__row`, { hasText: '企业投资项目核准' });
      await row.locator(sel('stats-drill-finished')).click();
      const drawer = page.locator(sel('drill-drawer'));
      await drawer.locator(`${sel('applications-table')} .el-table__row`, { hasText: shared.number }).waitFor();
      await screenshot(page, 'approvals-16-drill');
      await drawer.locator(`${sel('applications-table')} .el-table__row`, { hasText: shared.number }).click();
      await page.waitForURL((u) => u.pathname === `/applications/${shared.id}`);
    });
  });

  test('an admin keeps who may apply for an enterprise', { timeout: 90_000 }, async () => {
    await withPage(async (page) => {
      await login(page, ADMIN);
      await page.goto(`${baseUrl}/enterprises/${shared.enterpriseId}`);
      const card = page.locator(sel('reps-card'));
      await card.locator(`${sel('reps-table')} .el-table__row`, { hasText: APPLICANT.name }).waitFor();
      // An officer is no enterprise user: the server's refusal is shown, nothing added.
      await inputOf(page, 'reps-name').fill(OFFICER.name);
      await card.locator(sel('reps-add')).click();
      await card.locator('.el-form-item__error').waitFor();
      const reps = await callAs(ADMIN, 'GET', `/enterprises/${shared.enterpriseId}/representatives`);
      assert.equal(reps.status, 200, JSON.stringify(reps.body));
      assert.ok(reps.body.items.some((r) => r.name === APPLICANT.name));
      assert.ok(!reps.body.items.some((r) => r.name === OFFICER.name));
      await screenshot(page, 'approvals-17-representatives');

      // Withdrawn, and given back.
      await card.locator(sel(`reps-remove-${APPLICANT.name}`)).click();
      await page.locator('.el-message-box__btns .el-button--primary').click();
      await card.locator(`${sel('reps-table')} .el-table__row`, { hasText: APPLICANT.name }).waitFor({ state: 'detached' });
      const none = await callAs(APPLICANT, 'GET', '/my/enterprises');
      assert.ok(!none.body.items.some((e) => e.id === shared.enterpriseId));
      await inputOf(page, 'reps-name').fill(APPLICANT.name);
      await card.locator(sel('reps-add')).click();
      await card.locator(`${sel('reps-table')} .el-table__row`, { hasText: APPLICANT.name }).waitFor();
    });
  });
});
