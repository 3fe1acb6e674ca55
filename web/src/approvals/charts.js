// The ECharts options of the application statistics: the service centre's months on the
// indicators dashboard (ServiceSection.vue) and the statistics page's months
// (StatisticsView.vue). Pure, so that they are tested without a browser; `t` is the page's
// translate function. Each exports the drill key of its series, in order, for its clicks.

import { statisticsRates } from './applications';

// The service centre's bars: received and finished.
export const SERVICE_SERIES = Object.freeze(['received', 'finished']);

/** Received against finished, month by month (serviceMonths() of the statistics). */
export function serviceChartOption(months, t) {
  return {
    color: ['#1f6feb', '#2f9e6e'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => t(`calendar.month.m${Number(m.key.slice(5))}`)) },
    yAxis: { type: 'value', minInterval: 1, name: t('stats.countAxis') },
    series: SERVICE_SERIES.map((key) => ({
      name: t(`indicators.service.${key}`),
      type: 'bar',
      barMaxWidth: 16,
      data: months.map((m) => m[key]),
    })),
  };
}

// The statistics page's series: two bars and the promised on-time rate.
export const STATISTICS_SERIES = Object.freeze(['received', 'finished', 'on_time_promised']);

/**
 * Received and finished as bars, the promised on-time rate (%, one decimal, on its own
 * axis) as a line, for the rows of the statistics by month.
 */
export function statisticsChartOption(months, t) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months.map((r) => r.label || r.key) },
    yAxis: [
      { type: 'value', minInterval: 1, name: t('stats.countAxis') },
      { type: 'value', min: 0, max: 100, name: '%', splitLine: { show: false } },
    ],
    series: [
      { name: t('stats.received'), type: 'bar', data: months.map((r) => r.received ?? 0), itemStyle: { color: '#1f6feb' } },
      { name: t('stats.finished'), type: 'bar', data: months.map((r) => r.finished ?? 0), itemStyle: { color: '#2ea44f' } },
      {
        name: t('stats.onTimePromised'),
        type: 'line',
        yAxisIndex: 1,
        data: months.map((r) => {
          const v = statisticsRates(r).promised;
          return v === null ? null : Number(v.toFixed(1));
        }),
        itemStyle: { color: '#d29922' },
      },
    ],
  };
}
