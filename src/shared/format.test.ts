import { describe, expect, it } from 'vitest';
import { formatCost, formatDateTime, formatDay, formatMoney, formatNumber, formatPageList } from './format';

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

describe('formatDateTime', () => {
  const when = new Date(2026, 11, 2, 14, 9);
  it('writes one format a language, the glossary’s', () => {
    expect(formatDateTime(when, 'vi')).toBe('14:09 ngày 2 tháng 12 năm 2026');
    expect(formatDateTime(when, 'en')).toBe('December 2, 2026 at 2:09 PM');
  });
  it('leaves out the year only when a list says it is this year', () => {
    expect(formatDateTime(when, 'vi', 2026)).toBe('14:09 ngày 2 tháng 12');
    expect(formatDateTime(when, 'en', 2026)).toBe('December 2 at 2:09 PM');
    expect(formatDateTime(when, 'vi', 2027)).toBe('14:09 ngày 2 tháng 12 năm 2026');
  });
});
