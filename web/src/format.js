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
