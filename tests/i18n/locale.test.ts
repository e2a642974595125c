import { describe, expect, it } from 'vitest';
import { formatNumber, localeFor, readerLocale } from '../../lib/i18n/locale';

describe('the reader’s locale, for dates and numbers', () => {
  it.each([
    ['fr', 'fr'],
    ['fr-CA', 'fr-CA'],
    ['en-US', 'en-US'],
    ['de_AT', 'de-AT'],
    ['es-419', 'es-419'],
  ])('is the browser’s language, region kept, when the interface speaks it: %s → %s', (ui, locale) => {
    expect(localeFor(ui)).toBe(locale);
  });

  it.each([['ar'], ['pt-BR'], ['ja'], [''], [undefined]])(
    'falls back to British English with the interface when the browser speaks %s',
    (ui) => {
      expect(localeFor(ui)).toBe('en-GB');
    },
  );

  it('is read from the browser’s interface language', () => {
    expect(readerLocale({ getUILanguage: () => 'de-CH' })).toBe('de-CH');
    expect(readerLocale(undefined)).toBe('en-GB');
  });

  it('writes counts as the reader does', () => {
    expect(formatNumber(12_345, 'en-GB')).toBe('12,345');
    expect(formatNumber(12_345, 'de')).toBe('12.345');
    expect(formatNumber(12_345, 'fr')).toBe('12\u202f345');
  });
});
