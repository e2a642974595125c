import type { Candidate } from '../match/find-candidates';

/**
 * The candidates in `all` (sorted, non-overlapping) that lie within
 * `[from, to)`, other than the one at `i`: read outward from `i`, so a long
 * text costs the neighbourhood, not the whole list.
 */
export function neighbours(all: readonly Candidate[], i: number, from: number, to: number): Candidate[] {
  const out: Candidate[] = [];
  for (let j = i - 1; j >= 0 && (all[j] as Candidate).start >= from; j--) out.push(all[j] as Candidate);
  for (let j = i + 1; j < all.length && (all[j] as Candidate).end <= to; j++) out.push(all[j] as Candidate);
  return out;
}
