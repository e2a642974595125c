import { describe, expect, it } from 'vitest';
import { formatDate, formatWhen } from '../lib/format-date';

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
});
