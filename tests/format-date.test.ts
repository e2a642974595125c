import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatWhen } from '../lib/format-date';
import { speak } from './fixtures/i18n';

afterEach(() => speak('en'));

describe('dates on cards and lists', () => {
  it.each([
    ['2025', '2025'],
    ['2025-08', 'Aug 2025'],
    ['2025-08-11', '11 Aug 2025'],
    ['2019-07-24', '24 Jul 2019'],
  ])('writes %s at the precision it was given, never inventing a day or month: %s', (date, shown) => {
    expect(formatDate(date)).toBe(shown);
  });

  it('writes the month in the reader’s language', () => {
    expect(formatDate('2025-08', 'fr')).toBe('août 2025');
    expect(formatDate('2019-07-24', 'de')).toBe('24. Juli 2019');
  });

  it('keeps the day whatever the reader’s time zone (the date has no time)', () => {
    expect(formatDate('2025-01-01')).toBe('1 Jan 2025');
    expect(formatDate('2025-12-31')).toBe('31 Dec 2025');
  });

  it('shows a date it cannot read as written instead of a wrong one', () => {
    expect(formatDate('2025-13')).toBe('2025-13');
    expect(formatDate('around 1990')).toBe('around 1990');
    expect(formatDate(undefined)).toBe('');
  });

  it('says "as of" for an open role from data no longer updated, never "since"', () => {
    expect(formatWhen({ from: '2019-07-24', asOf: '2022-07-15' })).toBe('from 24 Jul 2019, as of Jul 2022');
    expect(formatWhen({ from: '2024-07-05' })).toBe('since 5 Jul 2024');
    expect(formatWhen({ from: '2008', to: '2020' })).toBe('2008–2020');
  });

  it.each([
    ['fr', { from: '2024-07-05' }, 'depuis le 5 juil. 2024'],
    ['fr', { from: '2008' }, 'depuis 2008'],
    ['fr', { to: '2020-03' }, 'jusqu’en mars 2020'],
    ['fr', { from: '2019-07-24', asOf: '2022-07-15' }, 'depuis le 24 juil. 2019 (à jour en juil. 2022)'],
    ['de', { from: '2024-07-05' }, 'seit dem 5. Juli 2024'],
    ['de', { to: '2020-03-31' }, 'bis zum 31. März 2020'],
    ['es', { from: '2024-07-05' }, 'desde el 5 jul 2024'],
    ['es', { asOf: '2022-07-15' }, 'datos de jul 2022'],
  ] as const)('says when in the reader’s language (%s): %o → %s', (lang, fact, shown) => {
    speak(lang);
    expect(formatWhen(fact)).toBe(shown);
  });

  it('writes the reader’s own moments (a note saved, an article read) in their language and time zone', () => {
    const moment = new Date(2025, 7, 11, 9, 5).getTime(); // local time
    expect(formatDay(moment, 'en-GB')).toBe('11 Aug 2025');
    expect(formatDay(moment, 'fr')).toBe('11 août 2025');
    expect(formatDateTime(moment, 'de')).toBe('11.08.2025, 09:05');
  });
});
