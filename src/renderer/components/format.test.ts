import { describe, expect, it } from 'vitest';
import { formatCost, formatNumber, formatPageList } from './format';

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
