import { BLOCK_SELECTOR as BLOCK } from './blocks';
import { insideUnread } from './unread-regions';

/** What `watchPage` needs: which nodes are Backstory's own, and whom to tell of a change. */
export interface PageWatchOptions {
  /** Whether a node belongs to Backstory's own UI. */
  isOwn: (node: Node) => boolean;
  /**
   * Called with the top-most changed blocks (each a block the collector
   * reads as one) and the nodes the page removed, once the page has been
   * quiet for `quietMs`, or at the latest `maxWaitMs` after the first change
   * (a page that never stops changing, like a live blog, still gets read).
   */
  onChange: (roots: Element[], removed: Node[]) => void;
  quietMs?: number;
  maxWaitMs?: number;
  signal?: AbortSignal;
}

/** Of `elements`, each once, those not inside another: an element inside a changed one is read with it. */
export function topMost(elements: readonly Element[]): Element[] {
  const set = new Set<Node>(elements);
  return [...set].filter((el) => {
    for (let n = el.parentNode; n; n = n.parentNode) if (set.has(n)) return false;
    return true;
  }) as Element[];
}

/**
 * One MutationObserver for the page, debounced: collects the elements where
 * text was added or changed (ignoring Backstory's own nodes and the regions
 * it does not read, `unread-regions.ts`), and hands over only the top-most
 * of them. A change is ignored by where it happened, not by the block around
 * it: a counter ticking in a button, or a form's message inside the article,
 * is no reason to read its paragraph, or the whole article, again.
 */
export function watchPage(doc: Document, o: PageWatchOptions): MutationObserver {
  const view = doc.defaultView as Window;
  let pending = new Set<Element>();
  let removed: Node[] = [];
  let timer: number | undefined;
  let firstChange = 0;
  const flush = () => {
    timer = undefined;
    firstChange = 0;
    // An inline element added inside a paragraph: the whole paragraph is scanned again.
    // Once each: an added element and a changed text in one paragraph are one block to read.
    // The page may have moved a block into a region it does not read since: asked again now.
    const memo = new Map<Element, boolean>();
    const changed = [...new Set([...pending].map((el) => (el.matches(BLOCK) ? el : (el.closest(BLOCK) ?? el))))].filter(
      (el) => el.isConnected && !o.isOwn(el) && !insideUnread(el, memo),
    );
    pending = new Set();
    const roots = topMost(changed);
    const gone = removed;
    removed = [];
    if (roots.length > 0 || gone.length > 0) o.onChange(roots, gone);
  };
  const observer = new MutationObserver((records) => {
    // One page for all the records of a batch: its answers are kept (a thousand paragraphs added
    // to one article ask about the same ancestors).
    const memo = new Map<Element, boolean>();
    const readable = (el: Element) => !insideUnread(el, memo);
    for (const r of records) {
      if (o.isOwn(r.target)) continue;
      for (const node of r.removedNodes) {
        if (o.isOwn(node)) continue;
        removed.push(node);
        // Text or an inline element taken out of a block that stays: the block is read again.
        const inline =
          node.nodeType === 3
            ? (node as Text).data.trim() !== ''
            : node.nodeType === 1 &&
              !(node as Element).matches(BLOCK) &&
              !(node as Element).querySelector(BLOCK) &&
              (node as Element).textContent?.trim() !== '';
        const target = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
        if (inline && target && readable(target)) pending.add(target.closest(BLOCK) ?? target);
      }
      if (r.type === 'characterData') {
        const parent = r.target.parentElement;
        const block = parent && readable(parent) ? parent.closest(BLOCK) : null;
        if (block) pending.add(block);
        continue;
      }
      for (const node of r.addedNodes) {
        if (o.isOwn(node)) continue;
        if (node.nodeType === 1) {
          // A script, an image or an empty box brings no text: nothing to read again
          // (its container may be the whole page). Text added to it later is seen then.
          const el = node as Element;
          if (readable(el) && el.textContent?.trim()) pending.add(el);
        } else if (node.nodeType === 3 && node.parentElement && readable(node.parentElement))
          pending.add(node.parentElement.closest(BLOCK) ?? node.parentElement);
      }
    }
    if (pending.size > 0 || removed.length > 0) {
      const now = view.performance.now();
      if (!firstChange) firstChange = now;
      if (timer !== undefined) view.clearTimeout(timer);
      const wait = Math.max(0, Math.min(o.quietMs ?? 250, firstChange + (o.maxWaitMs ?? 1000) - now));
      timer = view.setTimeout(flush, wait);
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  o.signal?.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) view.clearTimeout(timer);
  });
  return observer;
}
