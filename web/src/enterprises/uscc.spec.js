import { describe, expect, it } from 'vitest';
import { makeUscc, orgCheckChar, usccCheckChar, usccChecksumOk } from './uscc';

describe('unified social credit code', () => {
  it('computes the organisation check character (GB 11714)', () => {
    // D2143569-X is the classic worked example of GB 11714.
    expect(orgCheckChar('D2143569')).toBe('X');
    expect(orgCheckChar('d2143569')).toBeNull();
    expect(orgCheckChar('1234567')).toBeNull();
  });

  it('computes the 18th character (GB 32100)', () => {
    // The standard's own example.
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccChecksumOk('91350100M000100Y43')).toBe(true);
    expect(usccChecksumOk('91350100M000100Y44')).toBe(false);
    expect(usccCheckChar('91350100M000100YI')).toBeNull();
    expect(usccCheckChar('short')).toBeNull();
  });

  it('makes whole valid codes', () => {
    const code = makeUscc('91', '330681', 'MA2A0B01');
    if (code) {
      expect(code).toHaveLength(18);
      expect(usccChecksumOk(code)).toBe(true);
      expect(code.slice(16, 17)).toBe(orgCheckChar('MA2A0B01'));
    }
    // Of several starts, most give a code.
    const made = ['MA2A0B01', 'MA2A0B02', 'MA2A0B03', 'MA2A0B04'].map((o) => makeUscc('91', '330681', o)).filter(Boolean);
    expect(made.length).toBeGreaterThan(1);
  });
});
