/**
 * Normalised text with a map back to the original, so that a match found in
 * the normalised text can be painted on the original characters.
 */
export interface NormalizedText {
  /** Case-folded, diacritic-free, with unified punctuation and letters. */
  folded: string;
  /** The same characters before case folding (same length as `folded`). */
  cased: string;
  /** `starts[i]` is the offset in the original text of normalised char `i`. */
  starts: Uint32Array;
  /** `ends[i]` is the offset just after the original char(s) of normalised char `i`. */
  ends: Uint32Array;
}

// One table for the characters that fold to another single character.
const CHAR_MAP: Record<string, string> = {
  // Apostrophes and single quotes: "Iran’s" reads as "Iran's".
  '\u2019': "'",
  '\u2018': "'",
  '\u02BC': "'",
  '\u2032': "'",
  '\u0060': "'",
  '\u00B4': "'",
  // Double quotes.
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  // Hyphens and dashes read as a word break: "Iraq–Iran" ≡ "Iraq-Iran" ≡ "Iraq Iran".
  '-': ' ',
  '\u2010': ' ',
  '\u2011': ' ',
  '\u2012': ' ',
  '\u2013': ' ',
  '\u2014': ' ',
  '\u2015': ' ',
  '\u2212': ' ',
  // Arabic and Persian letter variants: yeh, kaf, alef, heh.
  '\u06CC': '\u064A', // Persian yeh → Arabic yeh
  '\u0649': '\u064A', // alef maksura → yeh
  '\u06A9': '\u0643', // Persian kaf (keheh) → Arabic kaf
  '\u0623': '\u0627', // alef with hamza above
  '\u0625': '\u0627', // alef with hamza below
  '\u0622': '\u0627', // alef with madda
  '\u0671': '\u0627', // alef wasla
  '\u06C0': '\u0647', // heh with yeh above
  '\u06D5': '\u0647', // Kurdish ae → heh
};

// Characters that disappear: soft hyphen, zero-width (non-)joiner and space,
// word joiner, byte-order mark, Arabic tatweel.
const DROPPED = new Set(['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u0640']);

const SPACE = /\s/u;
const MARK = /\p{M}/u;

/**
 * Normalises `text` for matching, keeping the offset map back to it. Both the
 * fact-store aliases and the page text go through this same function, so that
 * they meet in the middle.
 */
export function normalizeText(text: string): NormalizedText {
  const folded: string[] = [];
  const cased: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastWasSpace = true; // trims leading space

  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (DROPPED.has(ch) || MARK.test(ch)) {
      // A combining mark that follows a letter extends that letter's span,
      // so a highlight never cuts an accent off its letter.
      if (ends.length > 0 && !lastWasSpace) ends[ends.length - 1] = next;
      i = next;
      continue;
    }
    let out = CHAR_MAP[ch] ?? ch;
    if (out === ch && cp > 0x7f) {
      out = ch.normalize('NFD').replace(/\p{M}/gu, '') || ch;
    }
    if (SPACE.test(out)) {
      // A run of white space becomes one space, or one newline when it holds
      // a line break: newlines separate blocks, and no match crosses them.
      const sep = out === '\n' || out === '\u2029' ? '\n' : ' ';
      if (!lastWasSpace) {
        folded.push(sep);
        cased.push(sep);
        starts.push(i);
        ends.push(next);
      } else if (sep === '\n' && folded.length > 0) {
        folded[folded.length - 1] = '\n';
        cased[cased.length - 1] = '\n';
      }
      lastWasSpace = true;
      i = next;
      continue;
    }
    lastWasSpace = false;
    // Keep one output unit per output unit before folding, so `folded` and
    // `cased` stay aligned; a fold that changes length (rare: "İ") is skipped.
    const lower = out.toLowerCase();
    const fold = lower.length === out.length ? lower : out;
    for (let k = 0; k < out.length; k++) {
      folded.push(fold[k] ?? '');
      cased.push(out[k] ?? '');
      starts.push(i);
      ends.push(next);
    }
    i = next;
  }
  const last = folded[folded.length - 1];
  if (last === ' ' || last === '\n') {
    folded.pop();
    cased.pop();
    starts.pop();
    ends.pop();
  }
  return {
    folded: folded.join(''),
    cased: cased.join(''),
    starts: Uint32Array.from(starts),
    ends: Uint32Array.from(ends),
  };
}

/** Normalises a single alias or query: the folded form only. */
export function normalizeKey(text: string): string {
  return normalizeText(text).folded;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Whether `ch` is part of a word (letters, digits, marks). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}
