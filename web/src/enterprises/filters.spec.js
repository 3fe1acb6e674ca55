import { describe, expect, it } from 'vitest';
import {
  emptyEnterprise,
  enterpriseBody,
  enterpriseFlags,
  enterpriseQuery,
  enterpriseToForm,
  filtersFromQuery,
  queryString,
  sortValue,
  tableSort,
} from './filters';
import { canEditStatistics } from '../roles';

describe('enterpriseQuery', () => {
  it('leaves out what is not set', () => {
    expect(enterpriseQuery({})).toEqual({});
    expect(enterpriseQuery(null, { page: 2, pageSize: 50 })).toEqual({ page: '2', page_size: '50' });
  });

  it('sends every filter the server knows', () => {
    expect(
      enterpriseQuery({
        q: ' 演示 ',
        chain: 3,
        above_scale: 'true',
        high_tech: false,
        listed: '',
        global500: 'bogus',
        status: 'moved_out',
        industry: '36',
        sort: '-land_area',
      }),
    ).toEqual({ q: '演示', chain: '3', above_scale: 'true', high_tech: 'false', status: 'moved_out', industry: '36', sort: '-land_area' });
    expect(enterpriseQuery({ chain: 'none', status: 'gone' })).toEqual({ chain: 'none' });
  });

  it('round-trips through a route query', () => {
    const f = { q: 'ys', chain: 2, above_scale: 'true', high_tech: '', listed: 'false', global500: '', status: 'active', industry: '3670', sort: '-name' };
    expect(filtersFromQuery(enterpriseQuery(f))).toEqual(f);
    expect(filtersFromQuery({ chain: 'x', status: 'nope', sort: 'password', industry: '12345', high_tech: 'maybe' })).toEqual(
      filtersFromQuery({}),
    );
    expect(filtersFromQuery({ chain: ['none', '3'] }).chain).toBe('none');
  });

  it('builds query strings for links', () => {
    expect(queryString({ format: 'csv', q: '诸暨', chain: '', x: null })).toBe('?format=csv&q=%E8%AF%B8%E6%9A%A8');
    expect(queryString({})).toBe('');
  });
});

describe('table sorting', () => {
  it('maps columns to the server sort and back', () => {
    expect(sortValue('name', 'ascending')).toBe('name');
    expect(sortValue('land_area_mu', 'descending')).toBe('-land_area');
    expect(sortValue('name', null)).toBe('');
    expect(sortValue('legal_representative', 'ascending')).toBe('');
    expect(tableSort('-land_area')).toEqual({ prop: 'land_area_mu', order: 'descending' });
    expect(tableSort('founded_on')).toEqual({ prop: 'founded_on', order: 'ascending' });
    expect(tableSort('')).toEqual({});
  });
});

describe('enterprise form', () => {
  const firm = {
    id: 7,
    uscc: '91330681MA2A00001X',
    name: '演示公司',
    legal_representative: '张伟',
    address: '',
    division_code: '330681',
    industry_code: '3670',
    chain_id: null,
    chain_name: '',
    high_tech_certificate: 'GR202433001234',
    high_tech_expires_on: '2027-12-01',
    listed_exchange: '',
    listed_ticker: '',
    global500_group: '',
    above_scale_override: null,
    above_scale: true,
    land_area_mu: '12.50',
    founded_on: null,
    status: 'active',
  };

  it('fills the form from a firm and sends it back unchanged', () => {
    const form = enterpriseToForm(firm);
    expect(form.above_scale_override).toBe('auto');
    expect(form).not.toHaveProperty('id');
    const body = enterpriseBody(form);
    expect(body).toEqual({
      uscc: '91330681MA2A00001X',
      name: '演示公司',
      legal_representative: '张伟',
      division_code: '330681',
      industry_code: '3670',
      high_tech_certificate: 'GR202433001234',
      high_tech_expires_on: '2027-12-01',
      above_scale_override: null,
      land_area_mu: '12.50',
      status: 'active',
    });
  });

  it('sends the required fields even when empty, and the override as a boolean', () => {
    const body = enterpriseBody({ ...emptyEnterprise(), above_scale_override: 'false', chain_id: 4, name: ' 甲 ' });
    expect(body).toMatchObject({ uscc: '', name: '甲', legal_representative: '', division_code: '', industry_code: '', chain_id: 4, above_scale_override: false });
    expect(body).not.toHaveProperty('address');
    expect(enterpriseBody({ ...emptyEnterprise(), above_scale_override: true }).above_scale_override).toBe(true);
  });

  it('lists the flags', () => {
    expect(enterpriseFlags(firm)).toEqual(['above_scale', 'high_tech']);
    expect(enterpriseFlags({ listed_exchange: 'SZ', global500_group: 'X' })).toEqual(['listed', 'global500']);
    expect(enterpriseFlags(null)).toEqual([]);
  });
});

describe('canEditStatistics', () => {
  it('is for administrators and statistics officers', () => {
    expect(canEditStatistics(['admin'])).toBe(true);
    expect(canEditStatistics(['leader', 'stats_officer'])).toBe(true);
    expect(canEditStatistics(['leader', 'park_manager'])).toBe(false);
    expect(canEditStatistics(undefined)).toBe(false);
  });
});
