// The audit page's chart: how often each action occurs among the rows shown, a quick look
// at what the page holds. Pure, so that it is tested without a browser.

/** [[action, count]] of the rows, most frequent first. */
export function actionCounts(rows) {
  const counts = new Map();
  for (const r of rows) counts.set(r.action, (counts.get(r.action) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** One horizontal bar an action, the most frequent at the top. */
export function actionsChartOption(rows) {
  const entries = actionCounts(rows);
  return {
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: entries.map((e) => e[0]) },
    series: [{ type: 'bar', data: entries.map((e) => e[1]), barMaxWidth: 18, itemStyle: { color: '#1f6feb' } }],
  };
}

/** Room for every action's bar, never less than 120 px. */
export function actionsChartHeight(rows) {
  return `${Math.max(120, new Set(rows.map((r) => r.action)).size * 28 + 24)}px`;
}
