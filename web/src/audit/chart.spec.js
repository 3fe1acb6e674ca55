import { describe, expect, it } from 'vitest';
import { actionCounts, actionsChartHeight, actionsChartOption } from './chart';

const ROWS = [{ action: 'login' }, { action: 'user.create' }, { action: 'login' }, { action: 'login' }, { action: 'user.create' }, { action: 'zone.switch' }];

describe('the audit chart', () => {
  it('counts each action, most frequent first', () => {
    expect(actionCounts(ROWS)).toEqual([
      ['login', 3],
      ['user.create', 2],
      ['zone.switch', 1],
    ]);
  });

  it('draws one bar an action, the most frequent at the top', () => {
    const o = actionsChartOption(ROWS);
    expect(o.yAxis).toMatchObject({ inverse: true, data: ['login', 'user.create', 'zone.switch'] });
    expect(o.series[0].data).toEqual([3, 2, 1]);
  });

  it('is tall enough for every action', () => {
    expect(actionsChartHeight([])).toBe('120px');
    expect(actionsChartHeight(ROWS)).toBe('120px');
    expect(actionsChartHeight(Array.from({ length: 10 }, (_, i) => ({ action: `a${i}` })))).toBe('304px');
  });
});
