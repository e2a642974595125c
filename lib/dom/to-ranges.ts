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

const indexes = new WeakMap<TextMap, Map<Node, number>>();

/** The first text node at or after a DOM boundary point, with the offset in it. */
function textPoint(node: Node, offset: number, atEnd: boolean): { node: Node; offset: number } {
  if (node.nodeType === 3) return { node, offset };
  const children = node.childNodes;
  let target: Node | null = atEnd ? (children[offset - 1] ?? null) : (children[offset] ?? null);
  if (!target) return { node, offset };
  // Descend to the nearest text node on the boundary's side.
  while (target && target.nodeType !== 3) target = atEnd ? target.lastChild : target.firstChild;
  if (!target) return { node, offset };
  return { node: target, offset: atEnd ? (target as Text).data.length : 0 };
}

/** The offsets in the collected text of a DOM range (a selection), or undefined when it is not in that text. */
export function toOffsets(map: TextMap, range: Range): { start: number; end: number } | undefined {
  let index = indexes.get(map);
  if (!index) {
    index = new Map(map.nodes.map((n, i) => [n, i]));
    indexes.set(map, index);
  }
  const a = textPoint(range.startContainer, range.startOffset, false);
  const b = textPoint(range.endContainer, range.endOffset, true);
  const i = index.get(a.node);
  const j = index.get(b.node);
  if (i === undefined || j === undefined) return undefined;
  const start = (map.starts[i] as number) + a.offset;
  const end = (map.starts[j] as number) + b.offset;
  return end > start ? { start, end } : undefined;
}
