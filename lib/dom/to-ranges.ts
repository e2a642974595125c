import type { TextMap } from './collect-text';

/** Where offset `offset` of the collected text lies: node index and offset in it. */
function locate(map: TextMap, offset: number, preferEnd: boolean): { node: Text; offset: number } | undefined {
  const { starts, nodes } = map;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] as number;
    if (s < offset || (s === offset && !preferEnd)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  const start = starts[lo];
  if (!node || start === undefined) return undefined;
  const inNode = offset - start;
  if (inNode < 0 || inNode > node.data.length) return undefined;
  return { node, offset: inNode };
}

/** The DOM range of text offsets `[start, end)`, or undefined when they fall outside the map. */
export function toRange(map: TextMap, start: number, end: number): Range | undefined {
  const a = locate(map, start, false);
  const b = locate(map, end, true);
  if (!a || !b) return undefined;
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
