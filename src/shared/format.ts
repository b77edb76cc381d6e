import type { Language } from './language';

// Numbers, money and dates as docs/GLOSSARY.md writes them, one format a language: the window, the exports and the CLI.

const locale = (language: Language) => (language === 'vi' ? 'vi-VN' : 'en-US');

export function formatNumber(value: number, language: Language): string {
  return value.toLocaleString(locale(language));
}

/** Money as lawyers bill it: cents, or three significant digits where a question costs less than a unit. */
export function formatCost(amount: number, currency: string, language: Language): string {
  const precision =
    amount === 0
      ? { maximumFractionDigits: 0 }
      : amount < 1
        ? { maximumSignificantDigits: 3 }
        : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency, ...precision }).format(amount);
}

export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), {
    style: 'percent',
    maximumFractionDigits: share < 0.1 ? 1 : 0,
  }).format(share);
}

/** "3, 7–9, 12": page lists read the way a lawyer writes them. */
export function formatPageList(pages: readonly number[]): string {
  const ranges: string[] = [];
  let start: number | undefined;
  let previous: number | undefined;
  for (const page of [...pages].sort((a, b) => a - b)) {
    if (start !== undefined && previous !== undefined && page === previous + 1) {
      previous = page;
      continue;
    }
    if (start !== undefined) ranges.push(start === previous ? `${start}` : `${start}–${previous}`);
    start = page;
    previous = page;
  }
  if (start !== undefined) ranges.push(start === previous ? `${start}` : `${start}–${previous}`);
  return ranges.join(', ');
}

/** Milliseconds as seconds with one decimal, in the language's own notation (4,2 in Vietnamese). */
export function formatSeconds(ms: number, language: Language): string {
  return (ms / 1000).toLocaleString(locale(language), { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/**
 * A cost in the provider's currency and, where the lawyer has set a rate, in
 * đồng beside it: "0,0183 US$ (≈ 476 ₫)", "$0.0183 (≈ ₫476)".
 */
export function formatMoney(
  amount: number,
  currency: string,
  language: Language,
  rate: { perUsd: number } | null,
): string {
  const own = formatCost(amount, currency, language);
  if (!rate || currency !== 'USD') return own;
  const vnd = new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
  return `${own} (≈ ${vnd.format(amount * rate.perUsd)})`;
}

/**
 * A date and time as a lawyer writes it: "09:00 ngày 20 tháng 11 năm 2026",
 * "November 20, 2026 at 9:00 AM". With `thisYear` (a list where room is
 * short), the year is left out when it is that one: "09:00 ngày 20 tháng 11",
 * "November 20 at 9:00 AM".
 */
export function formatDateTime(when: number | Date, language: Language, thisYear?: number): string {
  const date = new Date(when);
  const withYear = date.getFullYear() !== thisYear;
  if (language === 'en') {
    const day = new Intl.DateTimeFormat('en-US', {
      month: 'long',
      day: 'numeric',
      ...(withYear ? { year: 'numeric' } : {}),
    });
    const time = new Intl.DateTimeFormat('en-US', { timeStyle: 'short' });
    return `${day.format(date)} at ${time.format(date)}`;
  }
  const time = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit' }).format(date);
  return `${time} ngày ${date.getDate()} tháng ${date.getMonth() + 1}${withYear ? ` năm ${date.getFullYear()}` : ''}`;
}

/**
 * A calendar day (`2025-10-01`, as prices are dated) as a lawyer writes it:
 * "1 tháng 10 năm 2025", "October 1, 2025"; anything else as it is.
 */
export function formatDay(day: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const [, year, month, date] = match.map(Number) as [number, number, number, number];
  if (language === 'vi') return `${date} tháng ${month} năm ${year}`;
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}
