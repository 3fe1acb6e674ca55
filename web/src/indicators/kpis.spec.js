import { describe, expect, it } from 'vitest';
import { countCards, dashboardKpis, moneyFigure, moneyText } from './kpis';

const t = (key, params) => (params ? `${key}${JSON.stringify(params)}` : key);

const YI = 10_000_000_000;

// A dashboard answer, trimmed to what the strip reads.
const DATA = {
  period: '2026-09',
  output: {
    month_fen: 2.5 * YI,
    month_yoy_pct: 12.5,
    month_drill: { path: '/api/v1/enterprise-reports', query: { period: '2026-09' } },
    ytd_fen: 20 * YI,
    ytd_yoy_pct: null,
    ytd_drill: { path: '/api/v1/enterprise-reports', query: { from: '2026-01', to: '2026-09' } },
  },
  city_share: { share_pct: 12.345, city_ytd_fen: 160 * YI, drill: { path: '/api/v1/enterprise-reports', query: {} } },
  over_100m: { value: 7, from: '2026-01', to: '2026-09', drill: { path: '/api/v1/indicators/ranking', query: {} } },
  counts: [
    { key: 'all', label: '全部', value: 40 },
    { key: 'special', label: '专精特新', value: 3 },
  ],
};

describe('moneyFigure', () => {
  it('reads fen in 亿元 or 万元, and a dash for none', () => {
    expect(moneyFigure(2.5 * YI, t)).toEqual({ value: '2.50', unit: 'units.yi' });
    expect(moneyFigure(1_234_500, t)).toEqual({ value: '1.23', unit: 'units.wan' });
    expect(moneyFigure(null, t)).toEqual({ value: '—', unit: '' });
    expect(moneyText(2.5 * YI, t)).toBe('2.50 units.yi');
  });
});

describe('dashboardKpis', () => {
  it('gives the four figures with their notes and drills', () => {
    const [month, ytd, share, over] = dashboardKpis(DATA, { t, canEditCityTotal: false });
    expect(month).toMatchObject({ key: 'month', value: '2.50', unit: 'units.yi', trend: 12.5, drill: DATA.output.month_drill });
    expect(month.label).toBe('indicators.kpi.month{"period":"2026-09"}');
    expect(month.note).toMatch(/^indicators\.yoy/);
    expect(ytd).toMatchObject({ key: 'ytd', note: 'indicators.noYoy', label: 'indicators.kpi.ytd{"year":"2026","month":9}' });
    expect(share).toMatchObject({ key: 'city_share', value: '12.3', unit: '%', action: null });
    expect(share.note).toBe('indicators.cityTotal{"amount":"160.00 units.yi"}');
    expect(over).toMatchObject({ key: 'over_100m', value: '7', unit: 'indicators.firmsUnit', drill: DATA.over_100m.drill });
  });

  it('offers to enter the city total when there is none, to edit it otherwise, only to those who may', () => {
    const none = { ...DATA, city_share: { share_pct: null, city_ytd_fen: null } };
    const share = dashboardKpis(none, { t, canEditCityTotal: true })[2];
    expect(share).toMatchObject({ value: '—', unit: '', note: 'indicators.noCityTotal', action: 'enter' });
    expect(dashboardKpis(DATA, { t, canEditCityTotal: true })[2].action).toBe('edit');
  });

  it('has nothing to show before the answer', () => {
    expect(dashboardKpis(null, { t, canEditCityTotal: true })).toEqual([]);
  });
});

describe('countCards', () => {
  it("names the counts it knows and keeps the server's label for the others", () => {
    expect(countCards(DATA, t).map((c) => c.title)).toEqual(['indicators.count.all', '专精特新']);
    expect(countCards(null, t)).toEqual([]);
  });
});
