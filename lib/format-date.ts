/** The locale dates are written in until the interface is translated: day, month, year. */
export const DATE_LOCALE = 'en-GB';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** One formatter per locale and precision (making one costs far more than using it). */
function formatter(locale: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withDay}`;
  let f = formatters.get(key);
  if (!f) {
    // UTC: a date without a time is the same day wherever the reader is.
    f = new Intl.DateTimeFormat(locale, {
      ...(withDay ? { day: 'numeric' } : {}),
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Formats a pack date (YYYY, YYYY-MM or YYYY-MM-DD) at the precision it was
 * given, in the reader's locale: "2025", "Aug 2025", "11 Aug 2025" (en-GB).
 * Never invents a day or month; a date it cannot read is shown as written.
 */
export function formatDate(date: string | undefined, locale = DATE_LOCALE): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || !Number.isInteger(y)) return date;
  if (m === undefined) return String(y);
  if (!Number.isInteger(m) || m < 1 || m > 12 || (d !== undefined && !(Number.isInteger(d) && d >= 1 && d <= 31)))
    return date;
  return formatter(locale, d !== undefined).format(Date.UTC(y, m - 1, d ?? 1));
}

/**
 * A fact's date or span: "11 Aug 2025", "2008–2020", "since 5 Aug 2025"; an
 * open-ended fact from data no longer updated is never "since": "from 24 Jul
 * 2019, as of Jul 2022".
 */
export function formatWhen(f: { date?: string; from?: string; to?: string; asOf?: string }): string {
  if (f.date) return formatDate(f.date);
  if (f.from && f.to) return `${formatDate(f.from)}–${formatDate(f.to)}`;
  if (f.asOf && !f.to) return `${f.from ? `from ${formatDate(f.from)}, ` : ''}as of ${formatDate(f.asOf.slice(0, 7))}`;
  if (f.from) return `since ${formatDate(f.from)}`;
  if (f.to) return `until ${formatDate(f.to)}`;
  return '';
}
