import { describe, expect, it } from 'vitest';
import { fenIn, fenToUnitText, fenToYuanText, formatNumber, formatPct, moneyUnitFor, parseAmountIn, parseYuan } from './format';

describe('formatNumber', () => {
  it('groups thousands and fixes the decimals', () => {
    expect(formatNumber(1234.5, 2)).toBe('1,234.50');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber('12.5', 1)).toBe('12.5');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
  });

  it('gives nothing for what is not a number', () => {
    for (const v of [null, undefined, '', 'abc', NaN, Infinity]) expect(formatNumber(v, 2)).toBe('');
  });
});

describe('fenIn', () => {
  it('chooses 万元 below one hundred million yuan and 亿元 from it', () => {
    expect(moneyUnitFor(9_999_999_999)).toBe('wan');
    expect(moneyUnitFor(10_000_000_000)).toBe('yi');
    expect(moneyUnitFor(-20_000_000_000)).toBe('yi');
    expect(fenIn(123_456_789)).toEqual({ text: '123.46', unit: 'wan' });
    expect(fenIn(12_345_678_901_234)).toEqual({ text: '1,234.57', unit: 'yi' });
  });

  it('takes a fixed unit and digits', () => {
    expect(fenIn(12345, { unit: 'yuan' })).toEqual({ text: '123.45', unit: 'yuan' });
    expect(fenIn(15_000_000_000, { unit: 'wan', digits: 0 })).toEqual({ text: '15,000', unit: 'wan' });
    expect(fenIn(-2_500_000, { unit: 'wan', digits: 1 })).toEqual({ text: '-2.5', unit: 'wan' });
  });

  it('leaves a missing figure empty', () => {
    expect(fenIn(null)).toEqual({ text: '', unit: 'wan' });
    expect(fenIn(undefined, { unit: 'yi' })).toEqual({ text: '', unit: 'yi' });
  });
});

describe('yuan text', () => {
  it('shows fen exactly', () => {
    expect(fenToYuanText(12345)).toBe('123.45');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText(-5)).toBe('-0.05');
    expect(fenToYuanText(0)).toBe('0.00');
    expect(fenToYuanText(900_719_925_474_099)).toBe('9007199254740.99');
    expect(fenToYuanText(null)).toBe('');
  });

  it('reads what a person types without floating point', () => {
    expect(parseYuan('1234')).toBe(123400);
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan(' 0.07 ')).toBe(7);
    expect(parseYuan('-0.05')).toBe(-5);
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1.005')).toBeNull();
    expect(parseYuan(12.3)).toBe(1230);
    for (const v of ['', 'abc', '1e5', '.5', '1.', '--1', null, undefined, '99999999999999999999']) {
      expect(parseYuan(v), String(v)).toBeNull();
    }
  });

  it('round-trips', () => {
    for (const fen of [0, 1, 99, 100, 123456789, -42]) expect(parseYuan(fenToYuanText(fen))).toBe(fen);
  });
});

describe('formatPct', () => {
  it('signs growth and leaves no base empty', () => {
    expect(formatPct(5.27)).toBe('+5.3%');
    expect(formatPct(-2)).toBe('-2.0%');
    expect(formatPct(0)).toBe('0.0%');
    expect(formatPct(12.34, { signed: false })).toBe('12.3%');
    expect(formatPct(null)).toBe('');
  });
});

describe('amounts in 万元 and 亿元', () => {
  it('reads them into fen exactly', () => {
    expect(parseAmountIn('1', 'yi')).toBe(10_000_000_000);
    expect(parseAmountIn('1.5', 'yi')).toBe(15_000_000_000);
    expect(parseAmountIn('3562.1052053738', 'yi')).toBe(35_621_052_053_738);
    expect(parseAmountIn('2,406.8278414', 'yi')).toBe(24_068_278_414_000);
    expect(parseAmountIn(' 0.0000000001 ', 'yi')).toBe(1);
    expect(parseAmountIn('35621052.053738', 'wan')).toBe(35_621_052_053_738);
    expect(parseAmountIn('0.29', 'wan')).toBe(290_000);
    expect(parseAmountIn('0.000001', 'wan')).toBe(1);
    expect(parseAmountIn('12', 'wan')).toBe(12_000_000);
    expect(parseAmountIn('-1.2', 'wan')).toBe(-1_200_000);
    expect(parseAmountIn('1.23', 'yuan')).toBe(123);
    expect(parseAmountIn(0.29, 'yi')).toBe(2_900_000_000);
  });

  it('refuses what is finer than a fen, not a number, too large or of no known unit', () => {
    expect(parseAmountIn('0.00000000001', 'yi')).toBeNull();
    expect(parseAmountIn('0.0000001', 'wan')).toBeNull();
    expect(parseAmountIn('1.001', 'yuan')).toBeNull();
    expect(parseAmountIn('1000000', 'yi')).toBeNull();
    expect(parseAmountIn('1', 'qian')).toBeNull();
    for (const v of ['', ' ', 'abc', '1e5', '.5', '1.', '--1', '1,2.3.4', null, undefined, NaN]) {
      expect(parseAmountIn(v, 'yi'), String(v)).toBeNull();
    }
  });

  it('writes fen back as the same text', () => {
    expect(fenToUnitText(15_000_000_000, 'yi')).toBe('1.5');
    expect(fenToUnitText(10_000_000_000, 'yi')).toBe('1');
    expect(fenToUnitText(35_621_052_053_738, 'yi')).toBe('3562.1052053738');
    expect(fenToUnitText(35_621_052_053_738, 'wan')).toBe('35621052.053738');
    expect(fenToUnitText(123, 'wan')).toBe('0.000123');
    expect(fenToUnitText(-1_200_000, 'wan')).toBe('-1.2');
    expect(fenToUnitText(0, 'yi')).toBe('0');
    expect(fenToUnitText(12345, 'yuan')).toBe('123.45');
    for (const v of [null, undefined, '', 1.5, 2 ** 60]) expect(fenToUnitText(v, 'yi'), String(v)).toBe('');
    expect(fenToUnitText(1, 'qian')).toBe('');
    for (const fen of [1, 99, 10_000_000_001, 24_068_278_414_000, 9_007_199_254_740_991]) {
      for (const unit of ['yuan', 'wan', 'yi']) expect(parseAmountIn(fenToUnitText(fen, unit), unit)).toBe(fen);
    }
  });
});
