import { isWordChar, type NormalizedText, normalizeText } from '../text/normalize';
import { type AliasEntry, type AliasIndex, childOf, hasValues, valuesOf } from './alias-index';

/** A span of the original text where one or more aliases matched. */
export interface Candidate {
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** The surface form, as written in the text. */
  text: string;
  /** Every alias (of possibly several entities) that matched here. */
  aliases: AliasEntry[];
}

/**
 * Finds alias matches in `text`: whole words only, leftmost-longest,
 * non-overlapping. Case-sensitive aliases match only with their exact case,
 * and capitalised names only where the text has a capital.
 */
export function findCandidates(text: string, index: AliasIndex): Candidate[] {
  return findInNormalized(text, normalizeText(text), index);
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** Whether `ch` is not a lower-case letter (a capital, or a letter of a script without case). */
function notLower(ch: string | undefined): boolean {
  return ch !== undefined && (UPPER.test(ch) || !LOWER.test(ch));
}

/** As {@link findCandidates}, on text already normalised. */
export function findInNormalized(text: string, norm: NormalizedText, index: AliasIndex): Candidate[] {
  const { folded, cased } = norm;
  const out: Candidate[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    // Only start at the beginning of a word.
    if (i > 0 && isWordChar(folded[i - 1]) && isWordChar(folded[i])) {
      i++;
      continue;
    }
    let node = 0;
    let best: { end: number; aliases: AliasEntry[] } | undefined;
    for (let j = i; j < n; j++) {
      node = childOf(index, node, folded.charCodeAt(j));
      if (node < 0) break;
      if (hasValues(index, node) && !(isWordChar(folded[j]) && isWordChar(folded[j + 1]))) {
        const fits = valuesOf(index, node).filter(
          (a) => (a.cased === undefined || cased.slice(i, j + 1) === a.cased) && (!a.capital || notLower(cased[i])),
        );
        if (fits.length > 0) best = { end: j + 1, aliases: fits };
      }
    }
    if (best) {
      const start = norm.starts[i] ?? 0;
      const end = norm.ends[best.end - 1] ?? start;
      out.push({ start, end, text: text.slice(start, end), aliases: best.aliases });
      i = best.end;
    } else {
      i++;
    }
  }
  return out;
}
