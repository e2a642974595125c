import { describe, expect, it } from 'vitest';
import { neighbours } from '../../lib/link/neighbours';
import type { Candidate } from '../../lib/match/find-candidates';

/** Sorted, non-overlapping candidates of random lengths and gaps. */
function candidates(count: number, seed: number): Candidate[] {
  let s = seed;
  const random = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const out: Candidate[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const start = at + Math.floor(random() * 30);
    const end = start + 1 + Math.floor(random() * 20);
    out.push({ start, end, text: 'x'.repeat(end - start), aliases: [] });
    at = end;
  }
  return out;
}

describe('neighbours', () => {
  it('finds exactly the candidates a scan of the whole list would, for every candidate and window', () => {
    for (const seed of [1, 2, 3]) {
      const all = candidates(300, seed);
      for (let i = 0; i < all.length; i += 7) {
        const c = all[i] as Candidate;
        for (const [before, after] of [
          [0, 0],
          [40, 10],
          [200, 200],
          [5000, 5000],
        ] as const) {
          const from = c.start - before;
          const to = c.end + after;
          const expected = all.filter((o) => o !== c && o.start >= from && o.end <= to);
          const got = neighbours(all, i, from, to).sort((a, b) => a.start - b.start);
          expect(got).toEqual(expected);
        }
      }
    }
  });
});
