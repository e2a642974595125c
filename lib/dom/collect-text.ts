import { notArticleWithin } from './article-root';
import { isBlockElement } from './blocks';
import { headlineOutside } from './headline';
import { Slices } from './slices';
import { isUnread } from './unread-regions';

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

const WHITESPACE_ONLY = /^[\s\u200B]*$/;
const WHITESPACE_END = /\s$/;

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
  const isBlock = (node: Node) => node.nodeType === 1 && isBlockElement(node as Element);

  function* walk(top: Element): Generator<void, void, void> {
    const notArticle = notArticleWithin(top);
    let node: Node | null = top.firstChild;
    while (node) {
      if ((++count & 255) === 0) yield;
      if (node.nodeType === 1) {
        if (!isUnread(node as Element) && !notArticle(node as Element)) {
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
