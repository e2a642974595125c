// Elements that start a new block: a match never spans two of them.
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** The block elements as a selector, for `closest` and `matches`. */
export const BLOCK_SELECTOR = [...BLOCK_TAGS].map((t) => t.toLowerCase()).join(', ');

/** Whether `el` starts a block of the collected text (a match never spans two). */
export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

/** The block element a node's text belongs to: its nearest block ancestor (or the node, if it is one). */
export function blockOf(node: Node): Element | null {
  for (let n: Node | null = node; n; n = n.parentNode)
    if (n.nodeType === 1 && isBlockElement(n as Element)) return n as Element;
  return node.parentElement;
}
