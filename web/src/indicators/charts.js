// The ECharts options of the indicators dashboard, built from the server's answer. Pure, so
// that they are tested without a browser; `t` is the page's translate function. Amounts
// come in fen and are drawn in 万元 or 亿元, whichever suits the largest bar.

import { FEN_PER_WAN, FEN_PER_YI, formatNumber, moneyUnitFor } from '@/format';

export const PALETTE = Object.freeze({
  now: '#1f6feb',
  before: '#a8c5f5',
  chain: '#2f9e6e',
  top: '#1f6feb',
  tax: '#d9822b',
  va: '#7b61c9',
});

/** 'yi' or 'wan': the unit the largest of `values` (fen) reads best in. */
export function unitOf(values) {
  const max = Math.max(0, ...values.map((v) => Math.abs(Number(v) || 0)));
  return moneyUnitFor(max);
}

/** A fen amount in `unit` ('yi' or 'wan'), to two decimals; null stays null (no bar). */
export function scaled(fen, unit) {
  if (fen === null || fen === undefined) return null;
  const per = unit === 'yi' ? FEN_PER_YI : FEN_PER_WAN;
  return Math.round((Number(fen) / per) * 100) / 100;
}

/** Above-scale output month by month, last year's bars beside this year's (`year`). */
export function monthlyOption(monthly, year, t) {
  const unit = unitOf(monthly.flatMap((m) => [m.output_fen, m.last_year_output_fen]));
  return {
    color: [PALETTE.before, PALETTE.now],
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (v === null || v === undefined ? '—' : `${formatNumber(v, 2)} ${t(`units.${unit}`)}`),
    },
    xAxis: { type: 'category', data: monthly.map((m) => t(`calendar.month.m${m.month}`)) },
    yAxis: { type: 'value', name: t(`units.${unit}`) },
    series: [
      {
        name: t('indicators.yearLabel', { year: year - 1 }),
        type: 'bar',
        barMaxWidth: 18,
        data: monthly.map((m) => scaled(m.last_year_output_fen, unit)),
      },
      {
        name: t('indicators.yearLabel', { year }),
        type: 'bar',
        barMaxWidth: 18,
        data: monthly.map((m) => scaled(m.output_fen, unit)),
      },
    ],
  };
}

/** Output of the year to date by industrial chain; the tooltip adds its enterprises. */
export function chainOption(chains, t) {
  const unit = unitOf(chains.map((c) => c.output_ytd_fen));
  return {
    color: [PALETTE.chain],
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const c = chains[items[0]?.dataIndex];
        if (!c) return '';
        return `${c.label}<br/>${t('indicators.chainOutput')}: ${formatNumber(scaled(c.output_ytd_fen, unit), 2)} ${t(`units.${unit}`)}<br/>${t('indicators.chainFirms', { n: c.enterprises, above: c.above_scale_enterprises })}`;
      },
    },
    xAxis: {
      type: 'category',
      data: chains.map((c) => c.label),
      // Many chains' names do not fit side by side.
      axisLabel: { interval: 0, rotate: chains.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: t(`units.${unit}`) },
    series: [
      {
        name: t('indicators.chainOutput'),
        type: 'bar',
        barMaxWidth: 32,
        data: chains.map((c) => scaled(c.output_ytd_fen, unit)),
      },
    ],
  };
}

/**
 * A ranking of enterprises, one horizontal bar each, largest at the top: `field` of each
 * row in fen, drawn in `color`. Per mu of land (`perMu`) it is always 万元/亩.
 */
export function rankingOption(rows, { field, color, perMu }, t) {
  const unit = perMu ? 'wan' : unitOf(rows.map((r) => r[field]));
  const unitLabel = perMu ? t('units.wanPerMu') : t(`units.${unit}`);
  return {
    color: [color],
    grid: { left: 8, right: 40, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${formatNumber(v, 2)} ${unitLabel}` },
    xAxis: { type: 'value', name: unitLabel },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: rows.map((r) => scaled(r[field], unit)),
        label: { show: true, position: 'right', formatter: (p) => formatNumber(p.value, perMu ? 2 : 1) },
      },
    ],
  };
}

// The per-mu ranking's two views: tax or value added per mu of land.
export const PER_MU = Object.freeze({
  tax: { field: 'tax_per_mu_fen', color: PALETTE.tax, perMu: true },
  value_added: { field: 'value_added_per_mu_fen', color: PALETTE.va, perMu: true },
});

export const TOP = Object.freeze({ field: 'output_fen', color: PALETTE.top, perMu: false });

/** The height of a ranking chart: room for every bar, never less than 160 px. */
export function rankingHeight(rows) {
  return `${Math.max(160, rows.length * 30 + 40)}px`;
}
