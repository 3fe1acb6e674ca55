// The key figures at the top of the indicators dashboard (the KPI strip) and the enterprise
// counts under them, from the server's answer. Pure, so that they are tested without a
// browser; `t` is the page's translate function. Each figure keeps its `drill`, the records
// it is made of.

import { fenIn, formatNumber, formatPct } from '@/format';

// The counts the UI names itself; any other comes with the server's label.
const NAMED_COUNTS = Object.freeze(['all', 'above_scale', 'high_tech', 'listed', 'global500']);

/** A fen amount as { value: '1.23', unit: '亿元' } in the unit that suits it; '—' for none. */
export function moneyFigure(fen, t) {
  const m = fenIn(fen, { unit: 'auto', digits: 2 });
  return m.text ? { value: m.text, unit: t(`units.${m.unit}`) } : { value: '—', unit: '' };
}

/** The same amount as one text, "1.23 亿元". */
export function moneyText(fen, t) {
  const m = moneyFigure(fen, t);
  return `${m.value} ${m.unit}`;
}

const absent = (v) => v === null || v === undefined;

function yoyNote(pct, t) {
  return pct === null ? t('indicators.noYoy') : t('indicators.yoy', { pct: formatPct(pct) });
}

/**
 * The four key figures of `data` (GET /indicators/dashboard): output of the month and of
 * the year to date with their change on last year, the zone's share of the city, and the
 * enterprises over 100 million. `canEditCityTotal` adds the city total's enter/edit action.
 */
export function dashboardKpis(data, { t, canEditCityTotal }) {
  if (!data) return [];
  const o = data.output;
  const share = data.city_share;
  const cityFen = share?.city_ytd_fen;
  return [
    {
      key: 'month',
      label: t('indicators.kpi.month', { period: data.period }),
      ...moneyFigure(o.month_fen, t),
      note: yoyNote(o.month_yoy_pct, t),
      trend: o.month_yoy_pct,
      drill: o.month_drill,
    },
    {
      key: 'ytd',
      label: t('indicators.kpi.ytd', { year: data.period.slice(0, 4), month: Number(data.period.slice(5)) }),
      ...moneyFigure(o.ytd_fen, t),
      note: yoyNote(o.ytd_yoy_pct, t),
      trend: o.ytd_yoy_pct,
      drill: o.ytd_drill,
    },
    {
      key: 'city_share',
      label: t('indicators.kpi.cityShare'),
      value: absent(share?.share_pct) ? '—' : formatNumber(share.share_pct, 1),
      unit: absent(share?.share_pct) ? '' : '%',
      note: absent(cityFen) ? t('indicators.noCityTotal') : t('indicators.cityTotal', { amount: moneyText(cityFen, t) }),
      drill: share?.drill,
      action: canEditCityTotal ? (absent(cityFen) ? 'enter' : 'edit') : null,
    },
    {
      key: 'over_100m',
      label: t('indicators.kpi.over100m'),
      value: formatNumber(data.over_100m?.value ?? 0),
      unit: t('indicators.firmsUnit'),
      note: t('indicators.over100mNote', { from: data.over_100m?.from ?? '', to: data.over_100m?.to ?? '' }),
      drill: data.over_100m?.drill,
    },
  ];
}

/** The enterprise counts of `data`, each with its `title`. */
export function countCards(data, t) {
  return (data?.counts ?? []).map((c) => ({
    ...c,
    title: NAMED_COUNTS.includes(c.key) ? t(`indicators.count.${c.key}`) : c.label,
  }));
}
