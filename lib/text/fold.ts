/**
 * Per-character folding for matching, shared by the alias index (which folds
 * aliases) and the matcher (which folds page text as it reads it, without
 * building a normalised copy). Every UTF-16 code unit folds to at most one
 * unit: lower case, without diacritics, with quotes, apostrophes, dashes,
 * white space and Arabic/Persian letter variants unified. The tables fill
 * lazily, one character the first time it is seen, so a cold start pays only
 * for the characters a page has.
 */

/** The fold of a character that disappears (soft hyphen, ZWNJ, tatweel, combining marks). */
export const DROP = 0;
/** The fold of white space and of hyphens and dashes. */
export const SPACE = 32;
/** The fold of a line or paragraph break: blocks end there, and no match crosses one. */
export const BREAK = 10;

const KNOWN = 1;
const WORD = 2;
const LOWER = 4;
const MARK = 8;

/** Folded unit per code unit (valid once FLAGS has KNOWN). */
export const FOLD = new Uint16Array(65536);
/** As FOLD, without lower-casing. */
export const BASE = new Uint16Array(65536);
/** KNOWN | WORD (letter, digit, mark) | LOWER (a lower-case letter) | MARK. */
export const FLAGS = new Uint8Array(65536);
/** FLAGS << 16 | FOLD in one word, so the matcher's inner loop reads one table: 0 until learnt. */
export const PACKED = new Uint32Array(65536);
/** PACKED's bit for WORD. */
export const PACKED_WORD = 2 << 16;

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

// Soft hyphen, zero-width space, (non-)joiners, word joiner, BOM, Arabic tatweel.
const DROPPED = new Set(['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u0640']);
const IS_MARK = /^\p{M}$/u;
const IS_WORD = /^[\p{L}\p{N}]$/u;
const IS_LOWER = /^\p{Ll}$/u;
const IS_SPACE = /^\s$/u;
const MARKS = /\p{M}/gu;

/** Fills the tables for code unit `c`. */
export function learn(c: number): void {
  learnFlags(c);
  PACKED[c] = ((FLAGS[c] as number) << 16) | (FOLD[c] as number);
}

function learnFlags(c: number): void {
  if (c >= 0xd800 && c <= 0xdfff) {
    // Half of an astral character: kept as it is, and part of a word.
    FOLD[c] = c;
    BASE[c] = c;
    FLAGS[c] = KNOWN | WORD;
    return;
  }
  const ch = String.fromCharCode(c);
  if (DROPPED.has(ch) || IS_MARK.test(ch)) {
    FOLD[c] = DROP;
    BASE[c] = DROP;
    FLAGS[c] = KNOWN | (IS_MARK.test(ch) ? MARK : 0);
    return;
  }
  if (ch === '\n' || ch === '\u2029' || ch === '\r') {
    FOLD[c] = BREAK;
    BASE[c] = BREAK;
    FLAGS[c] = KNOWN;
    return;
  }
  let base = CHAR_MAP[ch];
  if (base === undefined) {
    if (IS_SPACE.test(ch)) base = ' ';
    else {
      const stripped = ch.normalize('NFD').replace(MARKS, '');
      base = stripped.length === 1 ? stripped : ch;
    }
  }
  const lower = base.toLowerCase();
  const fold = lower.length === 1 ? lower : base;
  BASE[c] = base === ' ' ? SPACE : base.charCodeAt(0);
  FOLD[c] = base === ' ' ? SPACE : fold.charCodeAt(0);
  FLAGS[c] = KNOWN | (IS_WORD.test(ch) ? WORD : 0) | (IS_LOWER.test(ch) ? LOWER : 0);
}

/** The folded unit of code unit `c`. */
export function foldOf(c: number): number {
  if (((FLAGS[c] as number) & KNOWN) === 0) learn(c);
  return FOLD[c] as number;
}

/** The flags of code unit `c` (see WORD, LOWER, MARK). */
export function flagsOf(c: number): number {
  if (((FLAGS[c] as number) & KNOWN) === 0) learn(c);
  return FLAGS[c] as number;
}

export const FLAG_WORD = WORD;
export const FLAG_LOWER = LOWER;
export const FLAG_MARK = MARK;

// ASCII is learnt up front: it is most of most pages.
for (let c = 0; c < 128; c++) learn(c);
