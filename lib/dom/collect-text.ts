/**
 * The article's text in reading order, with the text nodes it came from, so
 * that offsets into the text can be turned back into DOM ranges.
 */
export interface TextMap {
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset in `text` where `nodes[i]` begins. */
  starts: number[];
}

// Subtrees a reader does not read as the article.
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'SVG',
  'MATH',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'NAV',
  'ASIDE',
  'FOOTER',
  'FORM',
  'DIALOG',
]);

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

const WHITESPACE_ONLY = /^[\s\u200B]*$/;
const WHITESPACE_END = /\s$/;
const COMMENTS = /(^|[\s_-])(comments?|disqus|replies)([\s_-]|$)/i;

/** Marks the extension's own UI, so the collector never reads it. */
export const OWN_UI_ATTRIBUTE = 'data-backstory-ui';

function skipElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute(OWN_UI_ATTRIBUTE) || el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'complementary' || role === 'contentinfo') return true;
  const idClass = `${el.id} ${el.getAttribute('class') ?? ''}`;
  return COMMENTS.test(idClass);
}

/**
 * Picks the element that holds the article: the `<article>` (or
 * `articleBody`) with the most paragraph text, else `<main>`, else the body.
 */
export function findArticleRoot(doc: Document = document): Element {
  const candidates = [...doc.querySelectorAll('article, [itemprop="articleBody"]')];
  let best: Element | undefined;
  let bestLength = 0;
  for (const el of candidates) {
    let length = 0;
    for (const p of el.querySelectorAll('p')) length += p.textContent?.length ?? 0;
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  }
  return best ?? doc.querySelector('main, [role="main"]') ?? doc.body ?? doc.documentElement;
}

/**
 * Collects the visible text under `root` in document order. Blocks are
 * separated by a newline, which the matcher never crosses.
 */
export function collectText(root: Element): TextMap {
  const doc = root.ownerDocument;
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let pendingBreak = false;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(node) {
      if (node.nodeType === 1 && skipElement(node as Element)) return 2; // FILTER_REJECT: skip subtree
      return 1; // FILTER_ACCEPT
    },
  });
  let lastBlock: Element | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      if (BLOCK_TAGS.has((node as Element).tagName.toUpperCase())) {
        pendingBreak = true;
        lastBlock = node as Element;
      }
      continue;
    }
    const data = (node as Text).data;
    if (data.length === 0) continue;
    // Leaving a block also ends it: text after </p> is a new block.
    if (lastBlock && !lastBlock.contains(node)) {
      pendingBreak = true;
      lastBlock = null;
    }
    // White space between blocks is not text a reader sees.
    if (
      WHITESPACE_ONLY.test(data) &&
      (pendingBreak || length === 0 || WHITESPACE_END.test(parts[parts.length - 1] ?? ''))
    ) {
      continue;
    }
    if (pendingBreak && length > 0) {
      parts.push('\n');
      length += 1;
    }
    pendingBreak = false;
    nodes.push(node as Text);
    starts.push(length);
    // Line breaks inside a text node are only white space when rendered;
    // the collected text keeps "\n" for block boundaries alone.
    parts.push(data.replace(/[\n\r\u2029]/g, ' '));
    length += data.length;
  }
  return { text: parts.join(''), nodes, starts };
}
