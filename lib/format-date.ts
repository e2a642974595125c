import { i18n } from '#i18n';
import { readerLocale } from './i18n/locale';

const formatters = new Map<string, Intl.DateTimeFormat>();
/** One formatter per locale and style (making one costs far more than using it). */
function formatter(locale: string, style: 'year-month' | 'day' | 'local-day' | 'local-time'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      style === 'local-day'
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
        : style === 'local-time'
          ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
          : // UTC: a date without a time is the same day wherever the reader is.
            new Intl.DateTimeFormat(locale, {
              ...(style === 'day' ? { day: 'numeric' } : {}),
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
 * given, in the reader's locale: "2025", "Aug 2025", "11 Aug 2025" (en-GB),
 * "11 août 2025" (fr). Never invents a day or month; a date it cannot read is
 * shown as written.
 */
export function formatDate(date: string | undefined, locale = readerLocale()): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || !Number.isInteger(y)) return date;
  if (m === undefined) return String(y);
  if (!Number.isInteger(m) || m < 1 || m > 12 || (d !== undefined && !(Number.isInteger(d) && d >= 1 && d <= 31)))
    return date;
  return formatter(locale, d !== undefined ? 'day' : 'year-month').format(Date.UTC(y, m - 1, d ?? 1));
}

/** A moment of the reader's own (a note written, an article read), as a day in their time zone. */
export function formatDay(ms: number, locale = readerLocale()): string {
  return formatter(locale, 'local-day').format(ms);
}

/** A moment of the reader's own, as a day and a time in their time zone. */
export function formatDateTime(ms: number, locale = readerLocale()): string {
  return formatter(locale, 'local-time').format(ms);
}

/** Whether a pack date names its day ("2025-08-11"): French says "depuis le 11 août", "depuis 2008". */
const withDay = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);

/**
 * A fact's date or span, in the reader's language: "11 Aug 2025",
 * "2008–2020", "since 5 Aug 2025"; an open-ended fact from data no longer
 * updated is never "since": "from 24 Jul 2019, as of Jul 2022".
 */
export function formatWhen(
  f: { date?: string; from?: string; to?: string; asOf?: string },
  locale = readerLocale(),
): string {
  const date = (d: string) => formatDate(d, locale);
  if (f.date) return date(f.date);
  if (f.from && f.to) return `${date(f.from)}–${date(f.to)}`;
  if (f.asOf && !f.to) {
    const asOf = date(f.asOf.slice(0, 7));
    if (!f.from) return i18n.t('when.asOf', { date: asOf });
    return withDay(f.from)
      ? i18n.t('when.fromDayAsOf', { from: date(f.from), asOf })
      : i18n.t('when.fromAsOf', { from: date(f.from), asOf });
  }
  if (f.from)
    return withDay(f.from)
      ? i18n.t('when.sinceDay', { date: date(f.from) })
      : i18n.t('when.since', { date: date(f.from) });
  if (f.to)
    return withDay(f.to) ? i18n.t('when.untilDay', { date: date(f.to) }) : i18n.t('when.until', { date: date(f.to) });
  return '';
}
