import { BASE, BREAK, DROP, FLAG_LOWER, FLAG_MARK, FLAG_WORD, FLAGS, FOLD, learn, SPACE } from '../text/fold';
import { type AliasEntry, type AliasIndex, childOf, valuesOf } from './alias-index';

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

const NO_CHILD = -1;
const roots = new WeakMap<AliasIndex, Int32Array>();

/** The root's children as a direct table (one lookup per word start instead of a search). */
function rootTable(index: AliasIndex): Int32Array {
  let table = roots.get(index);
  if (!table) {
    table = new Int32Array(65536).fill(NO_CHILD);
    for (let e = index.firstEdge[0] as number; e < (index.firstEdge[1] as number); e++) {
      table[index.labels[e] as number] = e + 1;
    }
    roots.set(index, table);
  }
  return table;
}

/** The flags of the unit at `i`, learning it if new. */
function flagsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let f = FLAGS[c] as number;
  if (f === 0) {
    learn(c);
    f = FLAGS[c] as number;
  }
  return f;
}

/** Whether the next character that counts (skipping dropped ones) from `j` is part of a word. */
function wordContinuesAt(text: string, j: number): boolean {
  for (; j < text.length; j++) {
    const fl = flagsAt(text, j);
    if (FOLD[text.charCodeAt(j)] !== DROP) return (fl & FLAG_WORD) !== 0;
  }
  return false;
}

/** The surface between `start` and `end` folded like an alias but keeping case, for case-sensitive aliases. */
function casedSurface(text: string, start: number, end: number): string {
  let out = '';
  let space = false;
  for (let i = start; i < end; i++) {
    const b = BASE[text.charCodeAt(i)] as number;
    if (b === DROP) continue;
    if (b === SPACE || b === BREAK) space = true;
    else {
      if (space) out += ' ';
      space = false;
      out += String.fromCharCode(b);
    }
  }
  return out;
}

/**
 * Finds alias matches in `text`: whole words only, leftmost-longest,
 * non-overlapping. It folds the text as it reads it (see `fold.ts`), so
 * offsets are the original text's. Case-sensitive aliases match only with
 * their exact case, and capitalised names only where the text has a capital.
 */
export function findCandidates(text: string, index: AliasIndex): Candidate[] {
  const root = rootTable(index);
  const out: Candidate[] = [];
  const n = text.length;
  let prevWord = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let fl = FLAGS[c] as number;
    if (fl === 0) {
      learn(c);
      fl = FLAGS[c] as number;
    }
    const f = FOLD[c] as number;
    i++;
    if (f === DROP) continue;
    const isWord = (fl & FLAG_WORD) !== 0;
    if (!isWord || prevWord) {
      prevWord = isWord;
      continue;
    }
    prevWord = true;
    const first = root[f] as number;
    if (first === NO_CHILD) continue;
    const start = i - 1;
    const match = walk(text, start, i, first, index);
    if (match) {
      out.push(match);
      i = match.end;
      prevWord = false; // a match ends at a word boundary
    }
  }
  return out;
}

/** Walks the trie from the node reached by the unit at `start`; the longest fitting match, if any. */
function walk(text: string, start: number, from: number, node: number, index: AliasIndex): Candidate | undefined {
  const n = text.length;
  const { valueStart, firstEdge } = index;
  let best: Candidate | undefined;
  let j = from;
  for (;;) {
    if ((valueStart[node] as number) < (valueStart[node + 1] as number) && !wordContinuesAt(text, j)) {
      const found = fitting(text, start, j, valuesOf(index, node));
      if (found.length > 0) {
        // Take the combining marks that follow along, so a highlight keeps its accents.
        let end = j;
        while (end < n && flagsAt(text, end) & FLAG_MARK) end++;
        best = { start, end, text: text.slice(start, end), aliases: found };
      }
    }
    if ((firstEdge[node] as number) === (firstEdge[node + 1] as number)) break;
    // The next unit that counts: dropped ones vanish, a run of space is one space, a break ends the walk.
    let f = DROP;
    let sawSpace = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (FLAGS[c] === 0) learn(c);
      const g = FOLD[c] as number;
      if (g === DROP) {
        j++;
        continue;
      }
      if (g === BREAK) return best;
      if (g === SPACE) {
        sawSpace = true;
        j++;
        continue;
      }
      f = g;
      break;
    }
    if (sawSpace) {
      const next = childOf(index, node, SPACE);
      if (next < 0 || f === DROP) break;
      node = next;
    } else if (f === DROP) break;
    const child = childOf(index, node, f);
    if (child < 0) break;
    node = child;
    j++;
  }
  return best;
}

/** The aliases at a terminal that fit the surface's case. */
function fitting(text: string, start: number, end: number, aliases: AliasEntry[]): AliasEntry[] {
  const capital = !(flagsAt(text, start) & FLAG_LOWER);
  let surface: string | undefined;
  return aliases.filter((a) => {
    if (a.capital && !capital) return false;
    if (a.cased === undefined) return true;
    surface ??= casedSurface(text, start, end);
    return surface === a.cased;
  });
}
