import { BREAK, DROP, FLAG_LOWER, learn, PACKED, PACKED_WORD, SPACE } from '../text/fold';
import type { AliasEntry, AliasIndex } from './alias-index';
import { walkFrom } from './walk';
import { FNV_OFFSET, FNV_PRIME, hasBit, prepare } from './word-filters';

export { matchAt } from './walk';

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
 * non-overlapping. It folds the text as it reads it (see `fold.ts`), so
 * offsets are the original text's. Case-sensitive aliases match only with
 * their exact case, and capitalised names only where the text has a capital.
 */
export function findCandidates(text: string, index: AliasIndex): Candidate[] {
  // Local bindings: imported bindings can cost a lookup per access in some loaders.
  const T = PACKED;
  const p = prepare(index);
  const { shift, first, firstLower, single, singleLower, second, secondLower } = p;
  const out: Candidate[] = [];
  const n = text.length;
  let i = 0;
  // A word already read as the second word of a pair that matched nothing: its start,
  // end, hash and case, so it is not read twice (-1 when there is none).
  let carried = -1;
  let carriedEnd = 0;
  let carriedHash = 0;
  let carriedLower = false;
  while (i < n) {
    let c: number;
    let t: number;
    let w1Start: number;
    let lower: boolean;
    let h: number;
    if (carried >= 0) {
      w1Start = carried;
      i = carriedEnd;
      h = carriedHash;
      lower = carriedLower;
      carried = -1;
    } else {
      // Between words: skip to the next word character.
      c = text.charCodeAt(i);
      t = T[c] as number;
      if ((t & PACKED_WORD) === 0) {
        if (t === 0) learn(c);
        else i++;
        continue;
      }
      // Word 1: hash its folded characters (dropped ones, like soft hyphens, vanish).
      w1Start = i;
      lower = ((t >>> 16) & FLAG_LOWER) !== 0;
      h = FNV_OFFSET;
      while (i < n) {
        c = text.charCodeAt(i);
        t = T[c] as number;
        if (t & PACKED_WORD) h = Math.imul(h ^ (t & 0xffff), FNV_PRIME);
        else if (t === 0) {
          learn(c);
          continue;
        } else if ((t & 0xffff) !== DROP) break;
        i++;
      }
    }
    if (!hasBit(lower ? firstLower : first, h, shift)) continue;
    if (hasBit(lower ? singleLower : single, h, shift)) {
      const match = walkFrom(text, w1Start, index, p);
      if (match) {
        out.push(match);
        i = match.end;
      }
      continue;
    }
    // The separator: a short run of punctuation and space (one space however long), never a break.
    let j = i;
    let space = false;
    let length = 0;
    let open = false;
    while (j < n) {
      c = text.charCodeAt(j);
      t = T[c] as number;
      if (t === 0) {
        learn(c);
        continue;
      }
      if (t & PACKED_WORD) {
        open = true;
        break;
      }
      const f = t & 0xffff;
      j++;
      if (f === DROP) continue;
      if (f === BREAK || ++length > 4) break;
      if (f === SPACE) {
        if (!space) h = Math.imul(h ^ SPACE, FNV_PRIME);
        space = true;
      } else {
        h = Math.imul(h ^ f, FNV_PRIME);
        space = false;
      }
    }
    if (!open) continue;
    // Word 2, hashed both after word 1 and on its own (for when it starts a match itself).
    const w2Start = j;
    const lower2 = (((T[text.charCodeAt(j)] as number) >>> 16) & FLAG_LOWER) !== 0;
    let h2 = FNV_OFFSET;
    while (j < n) {
      c = text.charCodeAt(j);
      t = T[c] as number;
      if (t & PACKED_WORD) {
        h = Math.imul(h ^ (t & 0xffff), FNV_PRIME);
        h2 = Math.imul(h2 ^ (t & 0xffff), FNV_PRIME);
      } else if (t === 0) {
        learn(c);
        continue;
      } else if ((t & 0xffff) !== DROP) break;
      j++;
    }
    if (hasBit(lower ? secondLower : second, h, shift)) {
      const match = walkFrom(text, w1Start, index, p);
      if (match) {
        out.push(match);
        i = match.end;
        continue;
      }
    }
    // No match from word 1: word 2 may start one itself.
    carried = w2Start;
    carriedEnd = j;
    carriedHash = h2;
    carriedLower = lower2;
  }
  return out;
}
