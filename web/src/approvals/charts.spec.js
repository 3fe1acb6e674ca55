import { describe, expect, it } from 'vitest';
import { SERVICE_SERIES, STATISTICS_SERIES, serviceChartOption, statisticsChartOption } from './charts';

const t = (key) => key;

describe('serviceChartOption', () => {
  const months = [
    { key: '2026-01', received: 12, finished: 10 },
    { key: '2026-02', received: 7, finished: 9 },
  ];

  it('draws received and finished bars by month, named in the UI language', () => {
    const o = serviceChartOption(months, t);
    expect(o.xAxis.data).toEqual(['calendar.month.m1', 'calendar.month.m2']);
    expect(o.yAxis).toMatchObject({ minInterval: 1, name: 'stats.countAxis' });
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['indicators.service.received', [12, 7]],
      ['indicators.service.finished', [10, 9]],
    ]);
    expect(SERVICE_SERIES).toEqual(['received', 'finished']);
  });
});

describe('statisticsChartOption', () => {
  const months = [
    { key: '2026-01', label: '2026-01', received: 20, finished: 8, on_time_promised: 6 },
    { key: '2026-02', received: null, finished: 0, on_time_promised: 0 },
  ];

  it('draws two bars and the promised on-time rate on its own axis', () => {
    const o = statisticsChartOption(months, t);
    expect(o.xAxis.data).toEqual(['2026-01', '2026-02']);
    expect(o.yAxis[1]).toMatchObject({ min: 0, max: 100, name: '%' });
    const [received, finished, rate] = o.series;
    expect(received.data).toEqual([20, 0]);
    expect(finished.data).toEqual([8, 0]);
    expect(rate).toMatchObject({ type: 'line', yAxisIndex: 1 });
    // 6 of 8 on time; nothing finished is no rate at all.
    expect(rate.data).toEqual([75, null]);
  });

  it('names the drill of each series in order', () => {
    expect(statisticsChartOption(months, t).series).toHaveLength(STATISTICS_SERIES.length);
  });
});
