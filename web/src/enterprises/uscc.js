// 统一社会信用代码 (GB 32100-2015): the 18th character checks the first 17, and characters
// 9-17 (the organisation code, GB 11714) carry a check character of their own in
// position 17. The server is the judge of a code; this is for tests that need valid codes
// and for hints in the UI.

export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character for the first 17 of a code, or null if one of them is not allowed. */
export function usccCheckChar(first17) {
  if (typeof first17 !== 'string' || first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const v = USCC_CHARS.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  const c = (31 - (sum % 31)) % 31;
  return USCC_CHARS[c];
}

/** The 9th character of an organisation code for its first 8 (digits and capitals). */
export function orgCheckChar(first8) {
  if (typeof first8 !== 'string' || first8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const ch = first8[i];
    let v;
    if (ch >= '0' && ch <= '9') v = ch.charCodeAt(0) - 48;
    else if (ch >= 'A' && ch <= 'Z') v = ch.charCodeAt(0) - 55;
    else return null;
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A whole valid code from its registration authority and type ("91"), division ("330681")
 * and the first eight characters of the organisation code; null when no valid code has that
 * start (the organisation check would be a character the code set lacks).
 */
export function makeUscc(prefix2, division6, org8) {
  const org = orgCheckChar(org8);
  if (!org || !USCC_CHARS.includes(org)) return null;
  const first17 = `${prefix2}${division6}${org8}${org}`;
  const check = usccCheckChar(first17);
  return check ? first17 + check : null;
}

/** Whether the 18th character of `code` is the right one. */
export function usccChecksumOk(code) {
  return typeof code === 'string' && code.length === 18 && usccCheckChar(code.slice(0, 17)) === code[17];
}
