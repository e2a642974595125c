import { BASE, BREAK, DROP, FLAG_MARK, FLAG_WORD, flagsOf, foldOf, SPACE } from './fold';

/**
 * Normalised text with a map back to the original, so that a span found in
 * the normalised text can be found again in the original.
 */
export interface NormalizedText {
  /** Case-folded, diacritic-free, with unified punctuation and letters (see `fold.ts`). */
  folded: string;
  /** The same characters before case folding (same length as `folded`). */
  cased: string;
  /** `starts[i]` is the offset in the original text of normalised char `i`. */
  starts: Uint32Array;
  /** `ends[i]` is the offset just after the original char of normalised char `i` (and any marks on it). */
  ends: Uint32Array;
}

function fromCodes(codes: number[]): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/**
 * Normalises `text` for matching, keeping the offset map back to it: runs of
 * white space become one space, or one newline when they hold a line break
 * (blocks end there); dropped characters vanish. The alias index folds
 * aliases with this; the matcher folds page text the same way as it reads.
 */
export function normalizeText(text: string): NormalizedText {
  const folded: number[] = [];
  const cased: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastWasSpace = true; // trims leading space
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = foldOf(c);
    if (f === DROP) {
      // A combining mark extends its letter's span, so a highlight never cuts an accent off.
      if (flagsOf(c) & FLAG_MARK && ends.length > 0 && !lastWasSpace) ends[ends.length - 1] = i + 1;
      continue;
    }
    if (f === SPACE || f === BREAK) {
      if (!lastWasSpace) {
        folded.push(f);
        cased.push(f);
        starts.push(i);
        ends.push(i + 1);
      } else if (f === BREAK && folded.length > 0) {
        folded[folded.length - 1] = BREAK;
        cased[cased.length - 1] = BREAK;
      }
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    folded.push(f);
    cased.push(BASE[c] as number);
    starts.push(i);
    ends.push(i + 1);
  }
  const last = folded[folded.length - 1];
  if (last === SPACE || last === BREAK) {
    folded.pop();
    cased.pop();
    starts.pop();
    ends.pop();
  }
  return {
    folded: fromCodes(folded),
    cased: fromCodes(cased),
    starts: Uint32Array.from(starts),
    ends: Uint32Array.from(ends),
  };
}

/** Folds an alias: its folded and cased forms, as {@link normalizeText} gives them, without the offset map. */
export function foldKey(text: string): { folded: string; cased: string } {
  let folded = '';
  let cased = '';
  let pending = 0; // a space or break waiting for the next character
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = foldOf(c);
    if (f === DROP) continue;
    if (f === SPACE || f === BREAK) {
      if (folded.length > 0 && pending !== BREAK) pending = f;
      continue;
    }
    if (pending) {
      const sep = String.fromCharCode(pending);
      folded += sep;
      cased += sep;
      pending = 0;
    }
    folded += String.fromCharCode(f);
    cased += String.fromCharCode(BASE[c] as number);
  }
  return { folded, cased };
}

/** Normalises a single alias or query: the folded form only. */
export function normalizeKey(text: string): string {
  return normalizeText(text).folded;
}

/** Whether `ch` is part of a word (letters, digits, marks). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length > 0 && (flagsOf(ch.charCodeAt(0)) & FLAG_WORD) !== 0;
}
