/** The caret position under a point, from whichever API the browser has. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
  }
  return undefined;
}

function inside(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/**
 * The range under the point `(x, y)`, or undefined; where several are, the
 * first in `ranges`. The caret snaps to the nearest character even over blank
 * space, so the point must also lie in one of the range's client rects.
 *
 * This runs once a frame while the pointer moves, over every painted range:
 * ranges inside one text node (nearly all names) are matched by their node,
 * and only ranges spanning several nodes are asked whether they hold the
 * caret's node (on a long page that question walks the DOM).
 */
export function hitTest(doc: Document, ranges: readonly Range[], x: number, y: number): Range | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret) return undefined;
  const onText = caret.node.nodeType === 3;
  for (const range of ranges) {
    if (onText && range.startContainer === range.endContainer) {
      if (range.startContainer !== caret.node) continue;
    } else if (!range.intersectsNode(caret.node)) continue;
    for (const rect of range.getClientRects()) if (inside(rect, x, y)) return range;
  }
  return undefined;
}
