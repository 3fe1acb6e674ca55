import { describe, expect, it } from 'vitest';
import { PALETTE, PER_MU, TOP, chainOption, monthlyOption, rankingHeight, rankingOption, scaled, unitOf } from './charts';

// Names the key and its parameters, so that the options show which message they use.
const t = (key, params) => (params ? `${key}${JSON.stringify(params)}` : key);

const YI = 10_000_000_000; // fen in 亿元
const WAN = 1_000_000; // fen in 万元

describe('unitOf and scaled', () => {
  it('choose 亿元 from one hundred million yuan on, 万元 below', () => {
    expect(unitOf([5 * WAN, 2 * YI])).toBe('yi');
    expect(unitOf([5 * WAN, null, -3 * WAN])).toBe('wan');
    expect(unitOf([])).toBe('wan');
  });

  it('draw fen in the unit to two decimals, and no bar for a missing amount', () => {
    expect(scaled(123_456_789, 'wan')).toBe(123.46);
    expect(scaled(1.5 * YI, 'yi')).toBe(1.5);
    expect(scaled(null, 'yi')).toBeNull();
    expect(scaled(undefined, 'wan')).toBeNull();
  });
});

describe('monthlyOption', () => {
  const monthly = [
    { month: 1, output_fen: 2 * YI, last_year_output_fen: YI },
    { month: 2, output_fen: null, last_year_output_fen: 1.5 * YI },
  ];

  it('puts last year beside this year, month by month, in one unit', () => {
    const o = monthlyOption(monthly, 2026, t);
    expect(o.color).toEqual([PALETTE.before, PALETTE.now]);
    expect(o.xAxis.data).toEqual(['calendar.month.m1', 'calendar.month.m2']);
    expect(o.yAxis.name).toBe('units.yi');
    expect(o.series.map((s) => s.name)).toEqual(['indicators.yearLabel{"year":2025}', 'indicators.yearLabel{"year":2026}']);
    expect(o.series[0].data).toEqual([1, 1.5]);
    expect(o.series[1].data).toEqual([2, null]);
  });

  it('shows a dash in the tooltip for a month without reports', () => {
    const f = monthlyOption(monthly, 2026, t).tooltip.valueFormatter;
    expect(f(null)).toBe('—');
    expect(f(1.5)).toBe('1.50 units.yi');
  });
});

describe('chainOption', () => {
  const chains = [
    { label: '智能视觉', output_ytd_fen: 30 * WAN, enterprises: 4, above_scale_enterprises: 2 },
    { label: '新材料', output_ytd_fen: 12 * WAN, enterprises: 3, above_scale_enterprises: 1 },
  ];

  it('draws one bar a chain in 万元 and names its enterprises in the tooltip', () => {
    const o = chainOption(chains, t);
    expect(o.xAxis.data).toEqual(['智能视觉', '新材料']);
    expect(o.series[0].data).toEqual([30, 12]);
    expect(o.yAxis.name).toBe('units.wan');
    const tip = o.tooltip.formatter([{ dataIndex: 1 }]);
    expect(tip).toContain('新材料<br/>indicators.chainOutput: 12.00 units.wan');
    expect(tip).toContain('indicators.chainFirms{"n":3,"above":1}');
    expect(o.tooltip.formatter([])).toBe('');
  });

  it('slants the names when more than six chains stand side by side', () => {
    expect(chainOption(chains, t).xAxis.axisLabel.rotate).toBe(0);
    expect(chainOption(Array(7).fill(chains[0]), t).xAxis.axisLabel.rotate).toBe(30);
  });
});

describe('rankingOption', () => {
  const rows = [
    { name: '甲', output_fen: 3 * YI, tax_per_mu_fen: 12.345 * WAN },
    { name: '乙', output_fen: YI, tax_per_mu_fen: 8 * WAN },
  ];

  it('ranks the top enterprises by output, largest first, labelled to one decimal', () => {
    const o = rankingOption(rows, TOP, t);
    expect(o.yAxis).toMatchObject({ inverse: true, data: ['甲', '乙'] });
    expect(o.series[0].data).toEqual([3, 1]);
    expect(o.xAxis.name).toBe('units.yi');
    expect(o.series[0].label.formatter({ value: 3 })).toBe('3.0');
  });

  it('reads per mu always in 万元/亩, in the colour of the figure', () => {
    const o = rankingOption(rows, PER_MU.tax, t);
    expect(o.color).toEqual([PALETTE.tax]);
    expect(o.xAxis.name).toBe('units.wanPerMu');
    expect(o.series[0].data).toEqual([12.35, 8]);
    expect(o.series[0].label.formatter({ value: 8 })).toBe('8.00');
    expect(rankingOption([], PER_MU.value_added, t).color).toEqual([PALETTE.va]);
  });

  it('is tall enough for every bar', () => {
    expect(rankingHeight([])).toBe('160px');
    expect(rankingHeight(Array(10).fill(rows[0]))).toBe('340px');
  });
});
