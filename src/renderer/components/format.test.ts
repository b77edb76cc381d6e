import { describe, expect, it } from 'vitest';
import { formatCost, formatDay, formatMoney, formatNumber, formatPageList } from './format';

describe('format', () => {
  it('writes numbers the Vietnamese way in Vietnamese', () => {
    expect(formatNumber(298950, 'vi')).toBe('298.950');
    expect(formatNumber(298950, 'en')).toBe('298,950');
  });
  it('shows fractions of a cent where a question is cheap', () => {
    expect(formatCost(0.0183, 'USD', 'en')).toBe('$0.0183');
    expect(formatCost(1.5, 'USD', 'en')).toBe('$1.50');
    expect(formatCost(0, 'USD', 'en')).toBe('$0');
  });
  it('folds consecutive pages into ranges', () => {
    expect(formatPageList([12, 3, 7, 8, 9])).toBe('3, 7–9, 12');
    expect(formatPageList([])).toBe('');
  });
});

describe('formatDay', () => {
  it('writes a price date as each language writes a day, whatever the time zone', () => {
    expect(formatDay('2025-10-01', 'vi')).toBe('1 tháng 10 năm 2025');
    expect(formatDay('2025-10-01', 'en')).toBe('October 1, 2025');
    expect(formatDay('soon', 'vi')).toBe('soon');
  });
});

describe('formatMoney', () => {
  it('adds đồng at the lawyer’s rate to a cost in US dollars, and nothing without a rate', () => {
    const rate = { perUsd: 26_000 };
    expect(formatMoney(0.0183, 'USD', 'vi', rate)).toBe(`${formatCost(0.0183, 'USD', 'vi')} (≈ 476\u00a0₫)`);
    expect(formatMoney(1.5, 'USD', 'en', rate)).toBe('$1.50 (≈ ₫39,000)');
    expect(formatMoney(1.5, 'USD', 'en', null)).toBe('$1.50');
  });
});
