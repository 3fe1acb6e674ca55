import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GUIDE_ZONE,
  catalogueColumn,
  catalogueExportUrl,
  categoryTotal,
  daysMessage,
  feeMessage,
  guideApiQuery,
  guideRouteQuery,
  guideStateFromQuery,
  guideZone,
  legalBasisList,
  materialNeed,
  visitsTag,
} from './guide';
import { listQuery, rememberListQuery } from './listMemory';
import { canExportCatalogue, canImportCatalogue } from '../roles';
import { messages } from '../i18n/locales';
const { 'zh-CN': zhCN } = messages;

const zh = (key) => key.split('.').reduce((node, part) => node?.[part], zhCN);

describe('daysMessage', () => {
  it('reads 0 as 即办, handled on the spot', () => {
    expect(daysMessage(0)).toEqual({ key: 'guide.onSpot' });
    expect(zh('guide.onSpot')).toBe('即办');
  });

  it('counts working days otherwise', () => {
    expect(daysMessage(1)).toEqual({ key: 'guide.workdays', n: 1 });
    expect(daysMessage(20)).toEqual({ key: 'guide.workdays', n: 20 });
    expect(daysMessage('3')).toEqual({ key: 'guide.workdays', n: 3 });
  });

  it('has nothing to say for a missing or impossible limit', () => {
    for (const v of [null, undefined, '', -1, 1.5, 'x', NaN]) expect(daysMessage(v)).toBeNull();
  });
});

describe('visitsTag', () => {
  it('reads 0 as 零跑 and 1 as 最多跑一次', () => {
    expect(visitsTag(0)).toEqual({ key: 'guide.visits.zero', type: 'success' });
    expect(visitsTag(1)).toEqual({ key: 'guide.visits.once', type: 'primary' });
    expect(zh('guide.visits.zero')).toBe('零跑');
    expect(zh('guide.visits.once')).toBe('最多跑一次');
  });

  it('counts more visits, and knows nothing of unknown ones', () => {
    expect(visitsTag(2)).toEqual({ key: 'guide.visits.many', n: 2, type: 'warning' });
    for (const v of [null, undefined, '', -1, 0.5]) expect(visitsTag(v)).toBeNull();
  });
});

describe('feeMessage', () => {
  it('says 免费 for nothing to pay', () => {
    for (const v of [0, null, undefined, '', -5]) expect(feeMessage(v)).toEqual({ key: 'guide.free' });
    expect(zh('guide.free')).toBe('免费');
  });

  it('gives the amount in yuan, exactly', () => {
    expect(feeMessage(5000)).toEqual({ key: 'guide.feeYuan', amount: '50.00' });
    expect(feeMessage(1)).toEqual({ key: 'guide.feeYuan', amount: '0.01' });
    expect(feeMessage(12345)).toEqual({ key: 'guide.feeYuan', amount: '123.45' });
  });
});

describe('materialNeed', () => {
  it('reads a material without condition as required', () => {
    expect(materialNeed({ required: true, condition: '' })).toEqual({ required: true, condition: '' });
    expect(materialNeed({ condition: '  ' })).toEqual({ required: true, condition: '' });
  });

  it('gives the condition of an optional one', () => {
    expect(materialNeed({ required: false, condition: '委托他人办理的 ' })).toEqual({
      required: false,
      condition: '委托他人办理的',
    });
  });
});

describe('legalBasisList', () => {
  it('splits on semicolons of either width and line breaks', () => {
    expect(legalBasisList('《公司法》; 《市场主体登记管理条例》；《民法典》\n《条例》')).toEqual([
      '《公司法》',
      '《市场主体登记管理条例》',
      '《民法典》',
      '《条例》',
    ]);
    expect(legalBasisList('')).toEqual([]);
    expect(legalBasisList(null)).toEqual([]);
  });
});

describe('guideZone', () => {
  it('takes the zone the address names', () => {
    expect(guideZone('demo-b', 'zhuji-edz')).toBe('demo-b');
    expect(guideZone(['demo-b'], null)).toBe('demo-b');
  });

  it("falls back to the session's zone, then the demo zone", () => {
    expect(guideZone(undefined, 'demo-b')).toBe('demo-b');
    expect(guideZone('', 'demo-b')).toBe('demo-b');
    expect(guideZone(undefined, null)).toBe(DEFAULT_GUIDE_ZONE);
    expect(DEFAULT_GUIDE_ZONE).toBe('zhuji-edz');
  });

  it('ignores what cannot be a zone code', () => {
    expect(guideZone('../etc', null)).toBe(DEFAULT_GUIDE_ZONE);
    expect(guideZone('A B', 'demo-b')).toBe('demo-b');
  });
});

describe('guide state in the address', () => {
  it('reads filters and page with defaults', () => {
    expect(guideStateFromQuery({})).toEqual({ q: '', category: '', page: 1, pageSize: 20 });
    expect(guideStateFromQuery({ q: ' 抵押 ', category: '不动产登记', page: '3', page_size: '50' })).toEqual({
      q: '抵押',
      category: '不动产登记',
      page: 3,
      pageSize: 50,
    });
    expect(guideStateFromQuery({ page: '-1', page_size: '7' })).toMatchObject({ page: 1, pageSize: 20 });
  });

  it('writes back only what differs from the defaults', () => {
    expect(guideRouteQuery({ q: '', category: '', page: 1, pageSize: 20 }, '')).toEqual({});
    expect(guideRouteQuery({ q: '抵押', category: '不动产登记', page: 2, pageSize: 50 }, 'zhuji-edz')).toEqual({
      zone: 'zhuji-edz',
      q: '抵押',
      category: '不动产登记',
      page: '2',
      page_size: '50',
    });
  });

  it('round-trips', () => {
    const state = { q: '登记', category: '商事登记', page: 4, pageSize: 100 };
    expect(guideStateFromQuery(guideRouteQuery(state, ''))).toEqual(state);
  });

  it('builds the server query with the zone', () => {
    expect(guideApiQuery('zhuji-edz', { q: '', category: '', page: 1, pageSize: 20 })).toEqual({
      zone: 'zhuji-edz',
      q: undefined,
      category: undefined,
      page: 1,
      page_size: 20,
    });
  });
});

describe('catalogue helpers', () => {
  it('sums the category counts', () => {
    expect(categoryTotal([{ name: 'a', count: 100 }, { name: 'b', count: 85 }])).toBe(185);
    expect(categoryTotal(null)).toBe(0);
  });

  it('links the export in either format', () => {
    expect(catalogueExportUrl('csv')).toBe('/api/v1/service-items/export?format=csv');
    expect(catalogueExportUrl('xlsx')).toBe('/api/v1/service-items/export?format=xlsx');
    expect(catalogueExportUrl('pdf')).toBe('/api/v1/service-items/export?format=csv');
  });

  it('names the column of an import problem', () => {
    expect(catalogueColumn('materials')).toBe('materials');
    expect(catalogueColumn('materials[2].form')).toBe('materials');
    expect(catalogueColumn('fee_fen')).toBe('fee');
    expect(catalogueColumn('')).toBe('');
    expect(catalogueColumn(null)).toBe('');
    expect(catalogueColumn('whatever')).toBeNull();
  });

  it('remembers the list a user left', () => {
    expect(listQuery('nowhere', { zone: 'x' })).toEqual({ zone: 'x' });
    rememberListQuery('guide-test', { q: '抵押', page: '2' });
    expect(listQuery('guide-test')).toEqual({ q: '抵押', page: '2' });
  });
});

describe('who keeps the catalogue', () => {
  it('lets admins and approval officers export, only admins import', () => {
    expect(canExportCatalogue(['admin'])).toBe(true);
    expect(canExportCatalogue(['approval_officer'])).toBe(true);
    expect(canExportCatalogue(['leader', 'stats_officer'])).toBe(false);
    expect(canExportCatalogue(null)).toBe(false);
    expect(canImportCatalogue(['admin'])).toBe(true);
    expect(canImportCatalogue(['approval_officer'])).toBe(false);
    expect(canImportCatalogue(undefined)).toBe(false);
  });
});
