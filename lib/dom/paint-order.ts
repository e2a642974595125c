/**
 * The most mentions painted on one page: past a few thousand, underlines stop
 * helping a reader, and every one costs the page's rendering. On a page
 * growing by 5,000 paragraphs, 5,000 painted ranges went with 1–3 tasks of
 * 50 ms or more and 3,000 with none (measured once, 2026-11-22, not traced);
 * 2,000 keeps a margin. A long article is painted from the top; when a page
 * changes past the cap, the underlines nearest the change are kept (keepNear).
 */
export const MAX_PAINTED = 2_000;

/**
 * Which of the painted mentions (in document order; `fresh[i]` for those a
 * change just brought) to keep when they are more than `max`: the new ones
 * first, then the old ones nearest to any new one. New posts at the top of a
 * live blog keep the top painted; text added at the bottom (a page that loads
 * more as the reader scrolls down) keeps the bottom; new text at both ends
 * keeps both.
 */
export function keepNear(fresh: readonly boolean[], max: number): boolean[] {
  const n = fresh.length;
  if (n <= max) return fresh.map(() => true);
  // Distance from each mention to the nearest new one, in list positions.
  const dist = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  for (let i = 0, last = -1; i < n; i++) {
    if (fresh[i]) last = i;
    if (last >= 0) dist[i] = i - last;
  }
  for (let i = n - 1, next = -1; i >= 0; i--) {
    if (fresh[i]) next = i;
    if (next >= 0) dist[i] = Math.min(dist[i] as number, next - i);
  }
  const order = [...dist.keys()].sort((a, b) => (dist[a] as number) - (dist[b] as number) || a - b);
  const keep = new Array<boolean>(n).fill(false);
  for (const i of order.slice(0, max)) keep[i] = true;
  return keep;
}

/** Anything painted on the page: ordered by where its range starts. */
interface Placed {
  range: Range;
}

const before = (a: Placed, b: Placed): number => a.range.compareBoundaryPoints(Range.START_TO_START, b.range);

/**
 * Puts mentions painted after `split` into document order among the earlier
 * ones, which are already in order. New text is usually added after the old,
 * so that case costs one comparison; otherwise a merge, never a full sort
 * (comparing two places in a long page walks the DOM, and a sort of thousands
 * was a long task on a page that keeps growing).
 */
export function mergeInOrder<T extends Placed>(list: readonly T[], split: number): T[] {
  const old = list.slice(0, split);
  const added = list.slice(split).sort(before);
  const lastOld = old[old.length - 1];
  const firstNew = added[0];
  if (!lastOld || !firstNew || before(lastOld, firstNew) <= 0) return old.concat(added);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < old.length && j < added.length) {
    const a = old[i] as T;
    const b = added[j] as T;
    if (before(a, b) <= 0) {
      out.push(a);
      i++;
    } else {
      out.push(b);
      j++;
    }
  }
  return out.concat(old.slice(i), added.slice(j));
}
