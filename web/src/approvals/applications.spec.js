import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  FLAGS,
  MATERIAL_ACCEPT,
  MAX_MATERIAL_BYTES,
  STATES,
  actionBody,
  actionFormProblems,
  actionNeedsForm,
  applicationsDrill,
  applicationsExportUrl,
  applicationsQuery,
  checkMaterialFile,
  daysLeftMessage,
  detailParts,
  listRouteQuery,
  listStateFromRoute,
  flagTag,
  knownActions,
  materialContentType,
  materialGroups,
  materialUrl,
  missingMaterials,
  removableFile,
  resultFiles,
  share,
  shortSha,
  stateTag,
  statisticsRates,
  timelineInOrder,
  timelineLabel,
  timelineType,
  yearToMonth,
} from './applications';
import { messages } from '../i18n/locales';
const { 'zh-CN': zhCN, 'en-US': enUS } = messages;

const message = (messages, key) => key.split('.').reduce((node, part) => node?.[part], messages);

describe('stateTag', () => {
  it('labels every state of the workflow in both languages', () => {
    for (const state of STATES) {
      const tag = stateTag(state);
      expect(typeof message(zhCN, tag.key), state).toBe('string');
      expect(typeof message(enUS, tag.key), state).toBe('string');
    }
    expect(message(zhCN, stateTag('correcting').key)).toBe('补正中');
    expect(message(zhCN, stateTag('finished').key)).toBe('已办结');
    expect(stateTag('refused').type).toBe('danger');
  });

  it('keeps a state it does not know as the server wrote it', () => {
    expect(stateTag('archived')).toEqual({ key: null, text: 'archived', type: 'info' });
    expect(stateTag(undefined)).toEqual({ key: null, text: '', type: 'info' });
  });
});

describe('flagTag', () => {
  it('colours the deadline flags red, yellow, green and paused', () => {
    expect(flagTag('red')).toMatchObject({ key: 'application.flag.red', type: 'danger' });
    expect(flagTag('yellow')).toMatchObject({ key: 'application.flag.yellow', type: 'warning' });
    expect(flagTag('green')).toMatchObject({ key: 'application.flag.green', type: 'success' });
    expect(flagTag('paused')).toMatchObject({ key: 'application.flag.paused', type: 'info' });
    expect(message(zhCN, 'application.flag.red')).toBe('已超期');
    expect(message(zhCN, 'application.flag.yellow')).toBe('即将到期');
    expect(message(zhCN, 'application.flag.green')).toBe('正常');
    expect(message(zhCN, 'application.flag.paused')).toBe('暂停计时（补正）');
    for (const f of FLAGS) expect(typeof message(enUS, flagTag(f).key)).toBe('string');
  });

  it('shows no tag without a clock', () => {
    expect(flagTag('none')).toBeNull();
    expect(flagTag(null)).toBeNull();
    expect(flagTag('purple')).toBeNull();
    expect(flagTag('hasOwnProperty')).toBeNull();
  });
});

describe('daysLeftMessage', () => {
  it('says how many working days are left, on the day, or how far past', () => {
    expect(daysLeftMessage(3)).toEqual({ key: 'application.daysLeft', n: 3 });
    expect(daysLeftMessage(0)).toEqual({ key: 'application.dueToday', n: 0 });
    expect(daysLeftMessage(-2)).toEqual({ key: 'application.daysOver', n: 2 });
  });

  it('says nothing without a clock', () => {
    expect(daysLeftMessage(null)).toBeNull();
    expect(daysLeftMessage(undefined)).toBeNull();
    expect(daysLeftMessage('x')).toBeNull();
    expect(daysLeftMessage(1.5)).toBeNull();
  });
});

describe('actions', () => {
  it('offers the known actions of `actions` in workflow order', () => {
    expect(knownActions(['finish', 'approve', 'bogus', 'accept'])).toEqual(['accept', 'approve', 'finish']);
    expect(knownActions(undefined)).toEqual([]);
  });

  it('asks for a form only where the action takes input', () => {
    expect(actionNeedsForm('submit')).toBe(false);
    expect(actionNeedsForm('accept')).toBe(false);
    expect(actionNeedsForm('review')).toBe(false);
    for (const a of ['withdraw', 'refuse', 'request_correction', 'extend', 'approve', 'reject', 'finish']) {
      expect(actionNeedsForm(a), a).toBe(true);
    }
    expect(actionNeedsForm('nothing')).toBe(false);
  });

  it('sends only the fields each action takes', () => {
    const values = { reason: ' 材料不全 ', items: [' 营业执照 ', '', '  ', '申请表'], days: 3, approver: ' 张主任 ', in_zone: false };
    expect(actionBody('submit', values)).toEqual({});
    expect(actionBody('refuse', values)).toEqual({ reason: '材料不全' });
    expect(actionBody('request_correction', values)).toEqual({ reason: '材料不全', items: ['营业执照', '申请表'] });
    expect(actionBody('extend', values)).toEqual({ reason: '材料不全', days: 3, approver: '张主任' });
    expect(actionBody('finish', values)).toEqual({ in_zone: false });
    expect(actionBody('finish', {})).toEqual({ in_zone: true });
    // An approval's reason may be left out.
    expect(actionBody('approve', { reason: '  ' })).toEqual({});
    expect(actionBody('approve', { reason: '符合条件' })).toEqual({ reason: '符合条件' });
    expect(actionBody('unknown', values)).toEqual({});
  });

  it('finds what a form lacks before it is sent', () => {
    expect(actionFormProblems('refuse', { reason: ' ' })).toEqual({ reason: 'application.form.reasonRequired' });
    expect(actionFormProblems('request_correction', { reason: '缺件', items: ['', ' '] })).toEqual({
      items: 'application.form.itemsRequired',
    });
    expect(actionFormProblems('extend', { reason: '复杂', days: 11, approver: '' })).toEqual({
      days: 'application.form.daysRange',
      approver: 'application.form.approverRequired',
    });
    expect(actionFormProblems('extend', { reason: '复杂', days: 0, approver: '张' })).toEqual({ days: 'application.form.daysRange' });
    expect(actionFormProblems('extend', { reason: '复杂', days: 10, approver: '张' })).toEqual({});
    expect(actionFormProblems('approve', {})).toEqual({});
    expect(actionFormProblems('finish', {})).toEqual({});
    for (const key of ['reasonRequired', 'itemsRequired', 'daysRange', 'approverRequired']) {
      expect(typeof message(zhCN, `application.form.${key}`)).toBe('string');
    }
  });

  it('labels every action as a button in both languages', () => {
    for (const a of Object.keys(ACTIONS)) {
      expect(typeof message(zhCN, `application.action.${a}`), a).toBe('string');
      expect(typeof message(enUS, `application.action.${a}`), a).toBe('string');
    }
  });
});

describe('timeline', () => {
  it('lists the entries oldest first, keeping the order of those of the same moment', () => {
    const entries = [
      { action: 'accept', at: '2026-09-30T02:00:00Z' },
      { action: 'submit', at: '2026-09-29T08:00:00Z' },
      { action: 'upload', at: '2026-09-29T08:00:00Z' },
      { action: 'note', at: null },
    ];
    expect(timelineInOrder(entries).map((e) => e.action)).toEqual(['note', 'submit', 'upload', 'accept']);
    expect(timelineInOrder(undefined)).toEqual([]);
  });

  it('labels the workflow actions and what else the server records', () => {
    for (const a of [...Object.keys(ACTIONS), 'create', 'edit', 'upload', 'remove_file', 'overdue_promised', 'overdue_statutory']) {
      const label = timelineLabel(a);
      expect(typeof message(zhCN, label.key), a).toBe('string');
      expect(typeof message(enUS, label.key), a).toBe('string');
    }
    expect(message(zhCN, timelineLabel('accept').key)).toBe('受理');
    expect(message(zhCN, timelineLabel('request_correction').key)).toBe('要求补正');
    expect(message(zhCN, timelineLabel('finish').key)).toBe('办结');
  });

  it('shows an action it does not know as written', () => {
    expect(timelineLabel('archive')).toEqual({ key: null, text: 'archive' });
    expect(timelineLabel(null)).toEqual({ key: null, text: '' });
  });

  it('colours refusals red and corrections yellow', () => {
    expect(timelineType('refuse')).toBe('danger');
    expect(timelineType('request_correction')).toBe('warning');
    expect(timelineType('finish')).toBe('success');
    expect(timelineType('accept')).toBe('primary');
    expect(timelineType('create')).toBe('info');
  });
});

describe('material files', () => {
  const file = (name, size = 1000) => ({ name, size });

  it('takes PDF, PNG, JPEG, OFD, DOCX and XLSX by name, with their content types', () => {
    expect(materialContentType('营业执照.PDF')).toBe('application/pdf');
    expect(materialContentType('a.jpeg')).toBe('image/jpeg');
    expect(materialContentType('a.jpg')).toBe('image/jpeg');
    expect(materialContentType('a.png')).toBe('image/png');
    expect(materialContentType('a.ofd')).toBe('application/ofd');
    expect(materialContentType('申请表.docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(materialContentType('a.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(materialContentType('a.exe')).toBeNull();
    expect(materialContentType('a.pdf.exe')).toBeNull();
    expect(materialContentType('pdf')).toBeNull();
    expect(materialContentType('a.constructor')).toBeNull();
    expect(MATERIAL_ACCEPT).toBe('.pdf,.png,.jpg,.jpeg,.ofd,.docx,.xlsx');
  });

  it('lets a good file go', () => {
    expect(checkMaterialFile(file('营业执照.pdf'))).toBeNull();
    expect(checkMaterialFile(file('scan 1.JPG', MAX_MATERIAL_BYTES))).toBeNull();
    expect(checkMaterialFile(file('v1..2.pdf'))).toBeNull();
  });

  it('stops a forbidden type, an empty or too large file and a bad name before sending', () => {
    expect(checkMaterialFile(file('setup.exe'))).toMatchObject({ key: 'application.upload.badType' });
    expect(checkMaterialFile(file('noextension'))).toMatchObject({ key: 'application.upload.badType' });
    expect(checkMaterialFile(file('a.pdf', 0))).toEqual({ key: 'application.upload.empty' });
    expect(checkMaterialFile(file('a.pdf', MAX_MATERIAL_BYTES + 1))).toEqual({ key: 'application.upload.tooLarge', mb: 20 });
    for (const name of ['../a.pdf', 'a/b.pdf', 'a\\b.pdf', 'a\u0001.pdf', '', '  ', '..', '.hidden.pdf']) {
      expect(checkMaterialFile(file(name)), JSON.stringify(name)).toEqual({ key: 'application.upload.badName' });
    }
    expect(checkMaterialFile(null)).toEqual({ key: 'application.upload.badName' });
  });

  it('shortens a checksum and builds the download address', () => {
    const sha = 'ab'.repeat(32);
    expect(shortSha(sha)).toBe('abababababab');
    expect(shortSha('abc')).toBe('abc');
    expect(shortSha(undefined)).toBe('');
    expect(materialUrl(5, 9)).toBe('/api/v1/applications/5/materials/9');
  });

  it('groups uploaded files under the materials the item asks for', () => {
    const item = [
      { name: '项目申请表', required: true, condition: '' },
      { name: '营业执照', required: true, condition: '' },
      { name: '委托书', required: false, condition: '委托他人办理的' },
    ];
    const files = [
      { id: 1, kind: 'material', material: '营业执照', file_name: 'a.pdf' },
      { id: 2, kind: 'material', material: '营业执照', file_name: 'b.pdf' },
      { id: 3, kind: 'material', material: '旧材料', file_name: 'c.pdf' },
      { id: 4, kind: 'result', material: '', file_name: '批复.pdf' },
    ];
    const groups = materialGroups(item, files);
    expect(groups.map((g) => [g.name, g.required, g.files.map((f) => f.id)])).toEqual([
      ['项目申请表', true, []],
      ['营业执照', true, [1, 2]],
      ['委托书', false, []],
      ['', false, [3]],
    ]);
    expect(groups[3].other).toBe(true);
    expect(groups[2].condition).toBe('委托他人办理的');
    expect(missingMaterials(groups)).toEqual(['项目申请表']);
    expect(resultFiles(files).map((f) => f.id)).toEqual([4]);
    expect(materialGroups(undefined, undefined)).toEqual([]);
  });
});

describe('removableFile', () => {
  const at = (iso) => new Date(iso).getTime();
  const old = { id: 1, kind: 'material', uploaded_at: at('2026-09-28T08:00:00+08:00') };
  const added = { id: 2, kind: 'material', uploaded_at: at('2026-10-09T09:31:00+08:00') };
  const result = { id: 3, kind: 'result', uploaded_at: at('2026-10-09T10:00:00+08:00') };
  const correcting = {
    state: 'correcting',
    correction: { requested_on: '2026-09-28' },
    timeline: [
      { action: 'submit', at: at('2026-09-28T07:00:00+08:00') },
      { action: 'request_correction', at: at('2026-09-28T09:00:00+08:00') },
    ],
  };

  it('lets any material of a draft go', () => {
    expect(removableFile({ state: 'draft' }, old)).toBe(true);
    expect(removableFile({ state: 'draft' }, result)).toBe(false);
  });

  it('keeps what was submitted under correction, lets what was added for it go', () => {
    expect(removableFile(correcting, old)).toBe(false);
    expect(removableFile(correcting, added)).toBe(true);
    // Without the timeline, the day of the request counts.
    expect(removableFile({ ...correcting, timeline: [] }, added)).toBe(true);
    expect(removableFile({ ...correcting, timeline: [] }, { ...old, uploaded_at: at('2026-09-27T23:00:00+08:00') })).toBe(false);
  });

  it('keeps everything in the other states', () => {
    for (const state of ['submitted', 'accepted', 'reviewing', 'decided', 'finished']) {
      expect(removableFile({ ...correcting, state }, added), state).toBe(false);
    }
    expect(removableFile(null, added)).toBe(false);
  });
});

describe('lists and statistics', () => {
  it('asks for the open applications soonest deadline first unless a state is chosen', () => {
    expect(applicationsQuery({ open: true, q: ' 2026 ', flag: 'red', department: '发展和改革局' }, { page: 2, pageSize: 50 })).toEqual({
      open: 'true',
      flag: 'red',
      department: '发展和改革局',
      q: '2026',
      sort: 'deadline',
      page: 2,
      page_size: 50,
    });
    expect(applicationsQuery({ open: true, state: 'finished', flag: 'none' })).toEqual({ state: 'finished', sort: 'deadline' });
    expect(applicationsQuery({}, { sort: '-submitted_at' })).toEqual({ sort: '-submitted_at' });
    expect(applicationsExportUrl({ open: true, flag: 'yellow' }, 'xlsx')).toBe(
      '/api/v1/applications/export?open=true&flag=yellow&sort=deadline&format=xlsx',
    );
    expect(applicationsExportUrl({}, 'pdf')).toBe('/api/v1/applications/export?sort=deadline&format=csv');
  });

  it('turns a statistics drill into the list request DrillDrawer sends', () => {
    expect(applicationsDrill('finished_month=2026-05&on_time=promised')).toEqual({
      path: '/api/v1/applications',
      query: { finished_month: '2026-05', on_time: 'promised' },
    });
    expect(applicationsDrill('?received_month=2026-10&item_code=TZ-001')).toEqual({
      path: '/api/v1/applications',
      query: { received_month: '2026-10', item_code: 'TZ-001' },
    });
    expect(applicationsDrill('/api/v1/applications?department=%E5%8F%91%E6%94%B9')).toEqual({
      path: '/api/v1/applications',
      query: { department: '发改' },
    });
    expect(applicationsDrill('')).toBeNull();
    expect(applicationsDrill(null)).toBeNull();
  });

  it('computes the rates of a row from its counts', () => {
    expect(statisticsRates({ finished: 8, on_time_promised: 6, on_time_statutory: 8, in_zone: 2 })).toEqual({
      promised: 75,
      statutory: 100,
      inZone: 25,
    });
    expect(statisticsRates({ finished: 0, on_time_promised: 0 })).toEqual({ promised: null, statutory: null, inZone: null });
    expect(share(1, 3)).toBeCloseTo(33.333, 2);
    expect(share(1, null)).toBeNull();
  });

  it('spans a year up to a month', () => {
    expect(yearToMonth('2026-10')).toEqual(['2026-01', '2026-10']);
    expect(yearToMonth('2026-1')).toBeNull();
  });
});

describe('list address', () => {
  it('reads the filters and paging back from the address', () => {
    expect(listStateFromRoute({})).toEqual({
      filters: { open: true, state: '', flag: '', department: '', q: '' },
      page: 1,
      pageSize: 20,
    });
    expect(listStateFromRoute({ all: '1', state: 'correcting', flag: 'paused', department: ' 发改 ', q: 'JK', page: '3', page_size: '50' })).toEqual({
      filters: { open: false, state: 'correcting', flag: 'paused', department: '发改', q: 'JK' },
      page: 3,
      pageSize: 50,
    });
    expect(listStateFromRoute({ state: 'lost', flag: 'blue', page: '-1', page_size: '7' })).toMatchObject({
      filters: { state: '', flag: '' },
      page: 1,
      pageSize: 20,
    });
  });

  it('writes only what differs from the defaults', () => {
    expect(listRouteQuery({ open: true, state: '', flag: '', department: '', q: '' })).toEqual({});
    expect(listRouteQuery({ open: false, flag: 'red', q: ' x ' }, { page: 2, pageSize: 100 })).toEqual({
      all: '1',
      flag: 'red',
      q: 'x',
      page: '2',
      page_size: '100',
    });
    const back = listStateFromRoute(listRouteQuery({ open: false, state: 'accepted', flag: 'green', department: '发改', q: 'a' }, { page: 4, pageSize: 50 }));
    expect(back).toEqual({ filters: { open: false, state: 'accepted', flag: 'green', department: '发改', q: 'a' }, page: 4, pageSize: 50 });
  });
});

describe('detailParts', () => {
  it('labels what the server records with a step', () => {
    expect(detailParts(null)).toEqual([]);
    expect(detailParts('x')).toEqual([{ key: null, name: '', value: 'x' }]);
    expect(
      detailParts({ statutory_deadline: '2026-11-05', promised_deadline: '2026-10-15', paused_working_days: 4 }),
    ).toEqual([
      { key: 'application.detail.paused_working_days', name: 'paused_working_days', value: '4' },
      { key: 'application.detail.promised_deadline', name: 'promised_deadline', value: '2026-10-15' },
      { key: 'application.detail.statutory_deadline', name: 'statutory_deadline', value: '2026-11-05' },
    ]);
    expect(detailParts({ items: ['营业执照', '申请表'], in_zone: true, extra: 'y' })).toEqual([
      { key: 'application.detail.items', name: 'items', value: ['营业执照', '申请表'] },
      { key: 'application.detail.in_zone', name: 'in_zone', value: true },
      { key: null, name: 'extra', value: 'y' },
    ]);
  });

  it('names a file, and its kind only for a result document', () => {
    const upload = { file_id: 3, kind: 'material', material: '营业执照', file_name: 'a.pdf', size: 9, sha256: 'ab' };
    expect(detailParts(upload).map((p) => p.name)).toEqual(['material', 'file_name']);
    expect(detailParts({ ...upload, kind: 'result', material: '' }).map((p) => [p.name, p.value])).toEqual([
      ['file_name', 'a.pdf'],
      ['kind', 'result'],
    ]);
  });

  it('labels every detail it knows in both languages', () => {
    const all = Object.fromEntries(
      ['material', 'file_name', 'kind', 'items', 'days', 'approver', 'paused_working_days', 'promised_deadline', 'statutory_deadline', 'working_days_taken', 'on_time_promised', 'on_time_statutory', 'in_zone'].map((k) => [k, 'x']),
    );
    for (const part of detailParts({ ...all, kind: 'result' })) {
      expect(typeof message(zhCN, part.key), part.name).toBe('string');
      expect(typeof message(enUS, part.key), part.name).toBe('string');
    }
  });
});
