import { browser } from 'wxt/browser';

/** The languages Backstory's interface is written in: one file each in `locales/`, English the default. */
export const INTERFACE_LANGUAGES = ['en', 'fr', 'es', 'de'] as const;

/**
 * How dates and numbers are written when the browser's language is not one of
 * the interface's: the interface falls back to English (the manifest's
 * `default_locale`), so its dates do too, day before month.
 */
export const FALLBACK_LOCALE = 'en-GB';

/**
 * The locale dates and numbers are written in for a browser whose interface
 * language is `uiLanguage` ("fr", "en-US", "pt-BR"): that language, region
 * included, when the interface is written in it; otherwise the fallback, so a
 * date never appears in another language than the words around it.
 */
export function localeFor(uiLanguage: string | undefined): string {
  if (!uiLanguage) return FALLBACK_LOCALE;
  const tag = uiLanguage.replace('_', '-');
  const language = tag.split('-')[0]?.toLowerCase() ?? '';
  if (!(INTERFACE_LANGUAGES as readonly string[]).includes(language)) return FALLBACK_LOCALE;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? language;
  } catch {
    return language; // a malformed region: the language alone
  }
}

/** What the locale is read from: `browser.i18n` in production. */
export interface UiLanguageApi {
  getUILanguage(): string;
}

/** The reader's locale, for dates and numbers, from the browser's interface language. */
export function readerLocale(api: UiLanguageApi | undefined = browser?.i18n): string {
  return localeFor(api?.getUILanguage());
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A count as the reader writes it: "1,234" in English, "1 234" in French, "1.234" in German. */
export function formatNumber(n: number, locale = readerLocale()): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale);
    numberFormats.set(locale, f);
  }
  return f.format(n);
}
