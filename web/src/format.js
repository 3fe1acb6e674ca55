// Display helpers shared by pages. Times are shown in China time (UTC+8), the zone's
// own clock, whatever the browser's time zone is.

const CHINA_TIME = 'Asia/Shanghai';

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: CHINA_TIME,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2025-03-01 14:05:09" in China time for an ISO 8601 instant; the input if unparseable. */
export function formatTime(iso) {
  if (iso === null || iso === undefined || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = Object.fromEntries(partsFormatter.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Pretty JSON for a before/after snapshot; null stays "null". */
export function formatJson(value) {
  if (value === undefined) return 'null';
  if (typeof value === 'string') {
    // Some back ends send the snapshot as a JSON string; show it parsed when it is one.
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2);
}

// ---- money and figures ----------------------------------------------------------------
// Money arrives as an integer count of fen (分). Reports show 万元 (10^4 yuan = 10^6 fen)
// and 亿元 (10^8 yuan = 10^10 fen); the unit's words come from the locale files
// (units.yuan / units.wan / units.yi), so these helpers return the number and the unit key.

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN = 1_000_000;
export const FEN_PER_YI = 10_000_000_000;

const groupedFormatters = new Map();
function grouped(digits) {
  if (!groupedFormatters.has(digits)) {
    groupedFormatters.set(
      digits,
      new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    );
  }
  return groupedFormatters.get(digits);
}

/** "1,234.50" for 1234.5 with two digits; '' for anything that is not a finite number. */
export function formatNumber(value, digits = 0) {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return '';
  // -0.00 reads oddly in a table.
  const text = grouped(digits).format(n);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** The unit a figure of `fen` reads best in: 'yi' from 1 亿元, 'wan' below it. */
export function moneyUnitFor(fen) {
  return Math.abs(Number(fen)) >= FEN_PER_YI ? 'yi' : 'wan';
}

const FEN_PER_UNIT = { yuan: FEN_PER_YUAN, wan: FEN_PER_WAN, yi: FEN_PER_YI };

/**
 * A fen amount in a unit: { text: "1,234.56", unit: 'wan' }. `unit` is 'yuan', 'wan', 'yi'
 * or 'auto' (the default: 亿元 from one hundred million yuan, otherwise 万元). null and
 * undefined give { text: '', unit }.
 */
export function fenIn(fen, { unit = 'auto', digits = 2 } = {}) {
  const chosen = unit === 'auto' ? moneyUnitFor(fen ?? 0) : unit;
  if (fen === null || fen === undefined || fen === '') return { text: '', unit: chosen };
  const n = Number(fen);
  if (!Number.isFinite(n)) return { text: '', unit: chosen };
  return { text: formatNumber(n / FEN_PER_UNIT[chosen], digits), unit: chosen };
}

/** Exact yuan text of a fen integer for an input box: 12345 -> "123.45", -5 -> "-0.05". */
export function fenToYuanText(fen) {
  if (fen === null || fen === undefined || fen === '') return '';
  const n = BigInt(Math.trunc(Number(fen)));
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/**
 * Fen of a yuan amount typed by a person: "1234", "1,234.5", "-0.05" -> integer fen, exact
 * (no floating point); null when the text is not an amount with at most two decimals.
 */
export function parseYuan(text) {
  if (typeof text === 'number') text = String(text);
  if (typeof text !== 'string') return null;
  const s = text.trim().replace(/,/g, '');
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const fen = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  const value = Number(m[1] ? -fen : fen);
  return Number.isSafeInteger(value) ? value : null;
}

/** "+5.3%" / "-2.0%" for a growth in percent; '' for null (no base to compare with). */
export function formatPct(pct, { signed = true, digits = 1 } = {}) {
  if (pct === null || pct === undefined || !Number.isFinite(Number(pct))) return '';
  const n = Number(pct);
  const text = formatNumber(n, digits);
  return `${signed && n > 0 ? '+' : ''}${text}%`;
}

// Fen in one unit, as a power of ten: 1 元 = 10^2 fen, 1 万元 = 10^6, 1 亿元 = 10^10.
const FEN_DIGITS = { yuan: 2, wan: 6, yi: 10 };

/**
 * Fen of an amount typed in 'yuan', 'wan' (万元) or 'yi' (亿元): "1.5" 亿元 -> 15000000000.
 * Exact: the decimal point is moved in the text and the result read by parseYuan, so a
 * 亿元 figure may have up to ten decimals and a 万元 one six (down to the fen). null when
 * the text is not such an amount, has a finer part than one fen, or the unit is unknown.
 */
export function parseAmountIn(text, unit = 'yuan') {
  if (!(unit in FEN_DIGITS)) return null;
  if (typeof text === 'number') text = Number.isFinite(text) ? String(text) : '';
  if (typeof text !== 'string') return null;
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim().replace(/,/g, ''));
  if (!m) return null;
  const shift = FEN_DIGITS[unit] - 2;
  const frac = m[3] ?? '';
  if (frac.length > shift + 2) return null;
  const whole = m[2] + frac.slice(0, shift).padEnd(shift, '0');
  const rest = frac.slice(shift);
  return parseYuan(`${m[1] ?? ''}${whole}${rest ? `.${rest}` : ''}`);
}

/**
 * The exact text of a fen integer in a unit, without trailing zeros, for an input box:
 * (15000000000, 'yi') -> "1.5", (123, 'wan') -> "0.000123"; '' for what is not an integer.
 */
export function fenToUnitText(fen, unit = 'yuan') {
  if (fen === null || fen === undefined || fen === '' || !(unit in FEN_DIGITS)) return '';
  const n = Number(fen);
  if (!Number.isSafeInteger(n)) return '';
  const big = BigInt(n);
  const abs = big < 0n ? -big : big;
  const per = 10n ** BigInt(FEN_DIGITS[unit]);
  const frac = String(abs % per).padStart(FEN_DIGITS[unit], '0').replace(/0+$/, '');
  return `${big < 0n ? '-' : ''}${abs / per}${frac ? `.${frac}` : ''}`;
}
