import { describe, expect, it } from 'vitest';
import {
  ALERT_FLAGS,
  SERVICE_FIGURES,
  chinaToday,
  countText,
  daysText,
  flagQuery,
  rateText,
  serviceFigures,
  serviceMonths,
  serviceSpan,
  statisticsLink,
} from './dashboard';
import { applicationsDrill } from './applications';

// A by=month answer as the server gives it (trimmed to two months).
function drillOf(from, to) {
  const fin = `state=finished&finished_from=${from}&finished_to=${to}`;
  return {
    received: `received_from=${from}&received_to=${to}`,
    finished: fin,
    on_time_promised: `${fin}&on_time=promised`,
    late_promised: `${fin}&on_time=late_promised`,
    on_time_statutory: `${fin}&on_time=statutory`,
    in_zone: `${fin}&in_zone=true`,
  };
}
const STATS = {
  from: '2026-01',
  to: '2026-02',
  by: 'month',
  total: {
    key: 'total',
    label: '合计',
    received: 1234,
    finished: 8,
    on_time_promised: 6,
    on_time_statutory: 8,
    average_working_days: 2.6435643564356437,
    in_zone: 7,
    drill: drillOf('2026-01', '2026-02'),
  },
  rows: [
    {
      key: '2026-01',
      label: '2026-01',
      received: 1230,
      finished: 8,
      on_time_promised: 6,
      on_time_statutory: 8,
      average_working_days: 2.64,
      in_zone: 7,
      drill: drillOf('2026-01', '2026-01'),
    },
    {
      key: '2026-02',
      label: '2026-02',
      received: 4,
      finished: 0,
      on_time_promised: 0,
      on_time_statutory: 0,
      average_working_days: null,
      in_zone: 0,
      drill: drillOf('2026-02', '2026-02'),
    },
  ],
};

describe('serviceSpan', () => {
  it('is January to the month of the server date', () => {
    expect(serviceSpan('2026-11-28')).toEqual({ year: 2026, from: '2026-01', to: '2026-11', month: '2026-11' });
    expect(serviceSpan('2027-01-04')).toEqual({ year: 2027, from: '2027-01', to: '2027-01', month: '2027-01' });
  });

  it('is null for what is not a date', () => {
    for (const bad of [undefined, null, '', '2026-11', '2026-13-01', '26-11-28', 20261128]) {
      expect(serviceSpan(bad), String(bad)).toBeNull();
    }
  });
});

describe('chinaToday', () => {
  it('is the date in UTC+8', () => {
    expect(chinaToday(new Date('2026-11-27T17:35:00Z'))).toBe('2026-11-28');
    expect(chinaToday(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(chinaToday(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});

describe('flagQuery', () => {
  it('lists the open applications with the flag, as a drill the drawer takes', () => {
    expect(ALERT_FLAGS).toEqual(['red', 'yellow']);
    expect(flagQuery('red')).toBe('open=true&flag=red');
    expect(applicationsDrill(flagQuery('yellow'))).toEqual({
      path: '/api/v1/applications',
      query: { open: 'true', flag: 'yellow' },
    });
  });
});

describe('texts of the figures', () => {
  it('rates have one decimal and a percent sign, no plus', () => {
    expect(rateText(92.07920792)).toBe('92.1%');
    expect(rateText(100)).toBe('100.0%');
    expect(rateText(0)).toBe('0.0%');
  });

  it('days have one decimal', () => {
    expect(daysText(2.6435643564356437)).toBe('2.6');
    expect(daysText(0)).toBe('0.0');
  });

  it('counts are grouped', () => {
    expect(countText(1234)).toBe('1,234');
    expect(countText(0)).toBe('0');
  });

  it('a missing figure is a dash, never 0 or NaN', () => {
    for (const f of [rateText, daysText, countText]) {
      expect(f(null)).toBe('—');
      expect(f(undefined)).toBe('—');
      expect(f(Number.NaN)).toBe('—');
    }
  });
});

describe('serviceFigures', () => {
  it('gives the year to date and the month of every card, with their drills', () => {
    const figures = serviceFigures(STATS, '2026-01');
    expect(figures.map((f) => f.key)).toEqual(SERVICE_FIGURES);
    const by = Object.fromEntries(figures.map((f) => [f.key, f]));

    expect(by.received.ytd).toEqual({ value: 1234, text: '1,234', drill: 'received_from=2026-01&received_to=2026-02' });
    expect(by.received.month).toEqual({ value: 1230, text: '1,230', drill: 'received_from=2026-01&received_to=2026-01' });
    expect(by.finished.ytd.drill).toBe('state=finished&finished_from=2026-01&finished_to=2026-02');
    expect(by.onTimePromised.ytd).toEqual({
      value: 75,
      text: '75.0%',
      count: 6,
      of: 8,
      drill: 'state=finished&finished_from=2026-01&finished_to=2026-02&on_time=promised',
    });
    expect(by.averageDays.ytd.text).toBe('2.6');
    // The average is over the finished applications: it drills to them.
    expect(by.averageDays.ytd.drill).toBe(by.finished.ytd.drill);
    expect(by.inZone.ytd).toMatchObject({ value: 87.5, text: '87.5%', count: 7, of: 8 });
    expect(by.inZone.ytd.drill).toContain('in_zone=true');
  });

  it('shows a dash for the rates and days of a month with nothing finished', () => {
    const by = Object.fromEntries(serviceFigures(STATS, '2026-02').map((f) => [f.key, f]));
    expect(by.received.month.text).toBe('4');
    expect(by.finished.month.text).toBe('0');
    expect(by.onTimePromised.month.text).toBe('—');
    expect(by.averageDays.month.text).toBe('—');
    expect(by.inZone.month.text).toBe('—');
  });

  it('has no month figures when the answer has no row for the month', () => {
    const figures = serviceFigures(STATS, '2026-03');
    expect(figures).toHaveLength(SERVICE_FIGURES.length);
    expect(figures.every((f) => f.month === null)).toBe(true);
  });

  it('is empty without an answer', () => {
    expect(serviceFigures(null, '2026-01')).toEqual([]);
    expect(serviceFigures({ rows: [] }, '2026-01')).toEqual([]);
  });

  it('keeps a figure without a drill as null (the card is then not clickable)', () => {
    const { drill, ...noDrill } = STATS.total;
    const by = Object.fromEntries(serviceFigures({ total: noDrill, rows: [] }, '2026-01').map((f) => [f.key, f]));
    expect(drill).toBeTruthy();
    expect(by.received.ytd.drill).toBeNull();
    expect(by.inZone.ytd.drill).toBeNull();
  });
});

describe('serviceMonths', () => {
  it('gives the chart its months with the drills of both bars', () => {
    expect(serviceMonths(STATS)).toEqual([
      {
        key: '2026-01',
        label: '2026-01',
        received: 1230,
        finished: 8,
        drill: { received: 'received_from=2026-01&received_to=2026-01', finished: 'state=finished&finished_from=2026-01&finished_to=2026-01' },
      },
      {
        key: '2026-02',
        label: '2026-02',
        received: 4,
        finished: 0,
        drill: { received: 'received_from=2026-02&received_to=2026-02', finished: 'state=finished&finished_from=2026-02&finished_to=2026-02' },
      },
    ]);
    expect(serviceMonths(null)).toEqual([]);
    expect(serviceMonths({ rows: [{ key: '2026-03' }] })).toEqual([
      { key: '2026-03', label: '2026-03', received: 0, finished: 0, drill: { received: null, finished: null } },
    ]);
  });
});

describe('statisticsLink', () => {
  it('opens the full statistics page on the same months', () => {
    expect(statisticsLink(serviceSpan('2026-11-28'))).toEqual({
      path: '/approvals/statistics',
      query: { from: '2026-01', to: '2026-11', by: 'month' },
    });
    expect(statisticsLink(null)).toEqual({ path: '/approvals/statistics' });
  });
});
