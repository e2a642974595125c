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

const WHITESPACE_ONLY = /^[\s\u200B]*$/;
const WHITESPACE_END = /\s$/;
const COMMENTS = /(^|[\s_-])(comments?|disqus|replies)([\s_-]|$)/i;
// Boxes inside an article that are not the article: ads, share bars, related
// and most-read lists, newsletter sign-ups, text only screen readers get.
// Whole words of a class ("ad-container", "most-read", "social__item"), never
// parts of one ("shareable", "headline"); ids are left out, as they are often
// slugs of the article's own headings ("debt-as-a-share-of-gdp").
const NOT_ARTICLE =
  /(^|[\s_-])(ads?|adslot|adverts?|advertising|advertisement|sponsor(ed)?|promo(ted)?|outbrain|taboola|teads|related|recommended|recommendations|most-?read|most-?viewed|popular|trending|newsletters?|subscribe|signup|share|sharing|sharetools|sharebar|social|syndication|breadcrumbs?|rail|sidebar|recirculation|sr-only|visually-?hidden|screen-reader-text|player|cta|byline|bylines|author|authors|author-?bio|bio|credits?|contributors?|tags|topics|timestamp)([\s_-]|$)/i;

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
  const cls = el.getAttribute('class') ?? '';
  return COMMENTS.test(`${el.id} ${cls}`) || NEVER_ARTICLE.test(cls);
}

// Boxes that are never the article, whatever their size: a video player's controls and
// menus ("vjs-…"), a gallery of other stories' pictures.
const NEVER_ARTICLE = /(^|[\s_-])(vjs|video-?js|gallery)([\s_-]|$)/i;

/**
 * How much article text `el` holds: its paragraph text, or on a page without
 * paragraphs, all its text.
 */
function textSize(el: Element, byParagraphs: boolean): number {
  return byParagraphs ? paragraphText(el, MIN_PARAGRAPH) : (el.textContent?.length ?? 0);
}

/**
 * Whether `el` is a box that is not the article (see NOT_ARTICLE). A box
 * holding a third or more of the text under `top` is read all the same: its
 * name says less than its content.
 */
function notArticle(el: Element, byParagraphs: boolean, topSize: () => number): boolean {
  if (!NOT_ARTICLE.test(el.getAttribute('class') ?? '')) return false;
  return textSize(el, byParagraphs) * 3 < topSize();
}

/** Whether `el` holds a paragraph of body text (stops at the first). */
function hasParagraph(el: Element): boolean {
  for (const p of el.querySelectorAll('p')) if ((p.textContent?.trim().length ?? 0) >= MIN_PARAGRAPH) return true;
  return false;
}

const ARTICLE_SELECTOR = 'article, [itemprop="articleBody"], [property="articleBody"]';
// Paragraphs shorter than this are captions, datelines and teasers, not body text.
const MIN_PARAGRAPH = 25;

/** Characters of paragraph text under `el`. */
function paragraphText(el: Element, min = 0): number {
  let length = 0;
  for (const p of el.querySelectorAll('p')) {
    const n = p.textContent?.trim().length ?? 0;
    if (n >= min) length += n;
  }
  return length;
}

/** Whether `el` or an ancestor (below the body) is one the collector skips. */
function insideSkipped(el: Element): boolean {
  for (let e: Element | null = el; e && e.tagName.toUpperCase() !== 'BODY'; e = e.parentElement) {
    if (skipElement(e)) return true;
  }
  return false;
}

const normalise = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The page's headline: the longest visible `<h1>` whose text is (or holds)
 * the page's title, so a logo or section-name `<h1>` is never taken for it.
 */
function findHeadline(doc: Document): Element | undefined {
  const titles = [
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content'),
    doc.querySelector('meta[name="twitter:title"]')?.getAttribute('content'),
    doc.title,
  ]
    .map(normalise)
    .filter((t) => t.length > 0);
  let best: Element | undefined;
  let bestLength = 0;
  for (const h1 of doc.querySelectorAll('h1')) {
    const text = normalise(h1.textContent);
    if (text.length <= bestLength || text.length < 10) continue;
    if (!titles.some((t) => t.includes(text) || text.includes(t))) continue;
    if (insideSkipped(h1)) continue;
    best = h1;
    bestLength = text.length;
  }
  return best;
}

/** The page's headline when `root` does not already hold it. */
function headlineOutside(root: Element): Element | undefined {
  const doc = root.ownerDocument;
  const headline = doc && findHeadline(doc);
  if (!headline || root.contains(headline) || headline.contains(root)) return undefined;
  const text = normalise(headline.textContent);
  for (const h1 of root.querySelectorAll('h1')) if (normalise(h1.textContent) === text) return undefined;
  return headline;
}

/**
 * The element whose own paragraphs hold the most body text (paragraphs
 * also count, at half weight, for their grandparent), outside skipped regions.
 */
function densestContainer(doc: Document): Element | undefined {
  const scores = new Map<Element, number>();
  for (const p of doc.querySelectorAll('p')) {
    const n = p.textContent?.trim().length ?? 0;
    if (n < MIN_PARAGRAPH || !p.parentElement) continue;
    scores.set(p.parentElement, (scores.get(p.parentElement) ?? 0) + n);
    const grand = p.parentElement.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + n / 2);
  }
  const ranked = [...scores].sort((x, y) => y[1] - x[1]);
  for (const [el, score] of ranked.slice(0, 5)) {
    if (score < 2 * MIN_PARAGRAPH) break;
    if (!insideSkipped(el)) return el;
  }
  return undefined;
}

/**
 * Picks the element that holds the article: the `<article>` (or
 * `articleBody`) with the most paragraph text; else the block whose
 * paragraphs hold the most text, widened to its ancestors while that adds
 * little other paragraph text and does not take in the page's headline (the
 * headline is read anyway, and the block holding it often holds the sidebar
 * too); else `<main>`, else the body.
 */
export function findArticleRoot(doc: Document = document): Element {
  const articles = doc.querySelectorAll(ARTICLE_SELECTOR);
  // One candidate needs no measuring (a pass over all its text on a long page).
  if (articles.length === 1 && hasParagraph(articles[0] as Element)) return articles[0] as Element;
  let best: Element | undefined;
  let bestLength = 0;
  for (const el of articles) {
    const length = paragraphText(el);
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  }
  if (best) return best;
  const dense = densestContainer(doc);
  if (dense) {
    const headline = findHeadline(doc);
    const limit = 1.5 * paragraphText(dense, MIN_PARAGRAPH);
    let root = dense;
    for (
      let up = root.parentElement;
      up &&
      up !== doc.body &&
      up !== doc.documentElement &&
      !(headline && up.contains(headline)) &&
      paragraphText(up, MIN_PARAGRAPH) <= limit;
      up = up.parentElement
    ) {
      root = up;
    }
    return root;
  }
  return doc.querySelector('main, [role="main"]') ?? doc.body ?? doc.documentElement;
}

/**
 * Collects the visible text under `root` in document order, headed by the
 * page's headline when `root` does not hold it (an `<article>` often leaves
 * the `<h1>` out). Blocks are separated by a newline, which the matcher
 * never crosses. A part of the page read again after a change
 * (`withHeadline` false) is read alone: looking for the headline costs a
 * search of the whole page, too much to do for each paragraph of a live blog.
 *
 * Walks siblings by hand rather than with a filtered TreeWalker: some DOMs
 * (linkedom, used by the scripts and tests) ignore a TreeWalker's filter, and
 * skipped subtrees must be skipped the same way everywhere.
 */
export function collectText(root: Element, withHeadline = true): TextMap {
  const steps = collectSteps(root, withHeadline);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * A clock for work done in slices: `tick()` gives the page back its main
 * thread (a task boundary, not a microtask) once the current slice has run
 * for `sliceMs`. One clock is shared by all the steps of one piece of work,
 * so that many small steps (a hundred changed paragraphs, each read quickly)
 * still yield, which a fresh clock per step never would.
 */
export class Slices {
  private start = performance.now();
  constructor(
    private readonly sliceMs = 8,
    private readonly pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  ) {}

  /** Whether the slice is used up (then call `tick`). Cheap enough to ask per item. */
  get due(): boolean {
    return performance.now() - this.start > this.sliceMs;
  }

  async tick(): Promise<void> {
    if (!this.due) return;
    await this.pause();
    this.start = performance.now();
  }
}

/**
 * As {@link collectText}, in slices of `slices`: it gives the page back its
 * main thread whenever a slice has run its time, so that a very large
 * article never blocks it for long (no task of 50 ms or more).
 */
export async function collectTextSliced(root: Element, withHeadline = true, slices = new Slices()): Promise<TextMap> {
  const steps = collectSteps(root, withHeadline);
  for (;;) {
    // Before the first step too: one small root after another is due between them.
    if (slices.due) await slices.tick();
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The collector's walk, yielding every few hundred nodes so that a caller can pause it. */
function* collectSteps(root: Element, withHeadline: boolean): Generator<void, TextMap, void> {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let pendingBreak = false;
  let count = 0;
  const isBlock = (node: Node) => node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName.toUpperCase());

  function* walk(top: Element): Generator<void, void, void> {
    const byParagraphs = hasParagraph(top);
    // Measured only when a box inside looks like it is not the article: on a
    // very long article, measuring it is a pass over all of its text.
    let size: number | undefined;
    const topSize = () => {
      size ??= textSize(top, byParagraphs);
      return size;
    };
    let node: Node | null = top.firstChild;
    while (node) {
      if ((++count & 255) === 0) yield;
      if (node.nodeType === 1) {
        if (!skipElement(node as Element) && !notArticle(node as Element, byParagraphs, topSize)) {
          // Entering a block ends the text before it.
          if (isBlock(node)) pendingBreak = true;
          if (node.firstChild) {
            node = node.firstChild;
            continue;
          }
        }
      } else if (node.nodeType === 3) {
        const data = (node as Text).data;
        // White space between blocks is not text a reader sees.
        const skip =
          data.length === 0 ||
          (WHITESPACE_ONLY.test(data) &&
            (pendingBreak || length === 0 || WHITESPACE_END.test(parts[parts.length - 1] ?? '')));
        if (!skip) {
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
      }
      // Next node in document order, leaving finished elements; leaving a
      // block also ends it, so text after </p> is a new block.
      let next: Node | null = node.nextSibling;
      while (!next) {
        node = node.parentNode;
        if (!node || node === top) break;
        if (isBlock(node)) pendingBreak = true;
        next = node.nextSibling;
      }
      node = next;
    }
    pendingBreak = true;
  }

  // A headline reads before its article, wherever the page's markup puts it.
  const headline = withHeadline ? headlineOutside(root) : undefined;
  if (headline) yield* walk(headline);
  yield* walk(root);
  return { text: parts.join(''), nodes, starts };
}
