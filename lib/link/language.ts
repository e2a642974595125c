import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js';

/** Enough of a text to tell its language (franc reads trigrams: more adds time, not certainty). */
const SAMPLE = 3000;

/**
 * The language of a text, as a two-letter code ("en", "fr"), when the text
 * says it clearly (franc, on the text's first few thousand characters);
 * undefined when it is too short or mixed to tell.
 */
export function detectLanguage(text: string): string | undefined {
  const code = franc(text.slice(0, SAMPLE), { minLength: 20 });
  return code === 'und' ? undefined : iso6393To1[code];
}
