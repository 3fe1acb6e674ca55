import { describe, expect, it } from 'vitest';
import { drillKind, drillOfClick, drillRequest, drillScope, pageSlice, serverPaged } from './drill';

const reports = { path: '/api/v1/enterprise-reports', query: { from: '2025-01', to: '2025-06', above_scale: 'true', chain: 3 } };
const firms = { path: '/api/v1/enterprises', query: { status: 'active', high_tech: 'true' } };
const ranking = {
  path: '/api/v1/indicators/ranking',
  query: { order: 'output', from: '2024-07', to: '2025-06', min_output_fen: 10_000_000_000, limit: 500 },
};

describe('drillKind', () => {
  it('knows the three lists behind dashboard figures', () => {
    expect(drillKind(reports)).toBe('reports');
    expect(drillKind(firms)).toBe('enterprises');
    expect(drillKind(ranking)).toBe('ranking');
    expect(drillKind('/api/v1/enterprises')).toBe('enterprises');
  });

  it('knows the applications behind the approvals statistics', () => {
    const apps = { path: '/api/v1/applications', query: { finished_month: '2026-10', on_time: 'promised' } };
    expect(drillKind(apps)).toBe('applications');
    expect(serverPaged('applications')).toBe(true);
    expect(drillRequest(apps, { page: 2, pageSize: 50 }).query).toEqual({
      finished_month: '2026-10',
      on_time: 'promised',
      page: '2',
      page_size: '50',
    });
    expect(drillScope({ path: apps.path, query: { received_month: '2026-09', department: '发展和改革局', in_zone: 'true', page: '1' } })).toEqual([
      ['received_month', '2026-09'],
      ['department', '发展和改革局'],
      ['in_zone', 'true'],
    ]);
  });

  it('refuses anything else', () => {
    for (const d of [null, undefined, {}, { path: '/api/v1/users' }, { path: 'http://x/api/v1/enterprises' }, { path: 'constructor' }]) {
      expect(drillKind(d)).toBeNull();
    }
  });
});

describe('drillRequest', () => {
  it('adds paging where the server pages', () => {
    expect(drillRequest(reports, { page: 3, pageSize: 50 })).toEqual({
      path: '/api/v1/enterprise-reports',
      query: { from: '2025-01', to: '2025-06', above_scale: 'true', chain: '3', page: '3', page_size: '50' },
    });
    expect(drillRequest(firms).query).toEqual({ status: 'active', high_tech: 'true', page: '1', page_size: '20' });
  });

  it('sends the ranking whole', () => {
    expect(serverPaged('ranking')).toBe(false);
    expect(drillRequest(ranking, { page: 2 }).query).toEqual({
      order: 'output',
      from: '2024-07',
      to: '2025-06',
      min_output_fen: '10000000000',
      limit: '500',
    });
  });

  it('drops empty values and unknown paths', () => {
    expect(drillRequest({ path: '/api/v1/enterprises', query: { chain: '', q: null } }).query).toEqual({ page: '1', page_size: '20' });
    expect(drillRequest({ path: '/api/v1/audit', query: {} })).toBeNull();
  });
});

describe('drillScope', () => {
  it('names the period and the filters', () => {
    expect(drillScope(reports)).toEqual([
      ['period', '2025-01 – 2025-06'],
      ['chain', '3'],
      ['above_scale', 'true'],
    ]);
    expect(drillScope({ query: { from: '2025-03', to: '2025-03' } })).toEqual([['period', '2025-03']]);
    expect(drillScope(ranking).map((p) => p[0])).toEqual(['period', 'order', 'min_output_fen']);
    expect(drillScope(null)).toEqual([]);
  });
});

describe('pageSlice and drillOfClick', () => {
  it('pages a whole list', () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    expect(pageSlice(items, 1, 20)).toHaveLength(20);
    expect(pageSlice(items, 3, 20)).toEqual([40, 41, 42, 43, 44]);
    expect(pageSlice(null, 1, 20)).toEqual([]);
  });

  it('finds the drill of a clicked bar', () => {
    const rows = [
      { drill: reports, last_year_drill: firms },
      { drill: undefined, last_year_drill: firms },
    ];
    const pick = (row, series) => (series === 0 ? row.last_year_drill : row.drill);
    expect(drillOfClick({ dataIndex: 0, seriesIndex: 1 }, rows, pick)).toBe(reports);
    expect(drillOfClick({ dataIndex: 0, seriesIndex: 0 }, rows, pick)).toBe(firms);
    expect(drillOfClick({ dataIndex: 1, seriesIndex: 1 }, rows, pick)).toBeNull();
    expect(drillOfClick({ dataIndex: 7, seriesIndex: 0 }, rows, pick)).toBeNull();
    expect(drillOfClick(null, rows, pick)).toBeNull();
  });
});
