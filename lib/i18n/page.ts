import { readerLocale } from './locale';

/**
 * An extension page in the reader's language: its `lang` (the HTML says "en")
 * and its title, which the browser shows on the tab.
 */
export function speakReadersLanguage(doc: Document, title: string, locale = readerLocale()): void {
  doc.documentElement.lang = locale;
  doc.title = title;
}
