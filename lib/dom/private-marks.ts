import type { EntityType } from '../factstore/schema';
import type { PrivatePaint } from './highlights';

/**
 * Marks for what is the reader's own: a passage they noted, a name they wrote
 * notes on. The page's highlight registry (`CSS.highlights`) is shared with
 * the page's scripts, which can list every range in it; these marks are drawn
 * instead as boxes inside Backstory's closed shadow root, from the ranges'
 * client rects, with `pointer-events: none` (so they are never hit, nor
 * returned by `elementsFromPoint`), and drawn again as the page scrolls,
 * resizes or reflows.
 */
export class PrivateMarks {
  private readonly sets = new Map<string, Set<Range>>();
  private frame = 0;

  /**
   * @param layer a `position: fixed` box at the viewport's origin, inside the closed shadow root
   * @param show called before drawing, so the layer's host is on the page
   */
  constructor(
    private readonly layer: HTMLElement,
    private readonly show: () => void,
  ) {}

  /** Marks `ranges` as `name` (`note`, `has-notes`), replacing what was so marked. */
  set(name: string, ranges: readonly Range[]): void {
    if (ranges.length === 0) this.sets.delete(name);
    else this.sets.set(name, new Set(ranges));
    this.schedule();
  }

  /** Marks one more range as `name`. */
  add(name: string, range: Range): void {
    const set = this.sets.get(name);
    if (set) set.add(range);
    else this.sets.set(name, new Set([range]));
    this.schedule();
  }

  /** Takes a range's `name` mark off. */
  remove(name: string, range: Range): void {
    const set = this.sets.get(name);
    if (!set?.delete(range)) return;
    if (set.size === 0) this.sets.delete(name);
    this.schedule();
  }

  /** The ranges marked as `name`. */
  get(name: string): readonly Range[] {
    return [...(this.sets.get(name) ?? [])];
  }

  /** Takes every mark off, or those whose name starts with `prefix`. */
  clear(prefix = ''): void {
    for (const name of [...this.sets.keys()]) if (name.startsWith(prefix)) this.sets.delete(name);
    this.schedule();
  }

  /** Draws again at the next frame (once, however often asked). */
  schedule(): void {
    const view = this.layer.ownerDocument.defaultView;
    // Nothing marked and nothing drawn (most pages): scrolling and page changes cost nothing.
    if (this.frame || !view || (this.sets.size === 0 && !this.layer.firstChild)) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Keeps the marks on their text as the page scrolls, resizes or reflows, until `signal` aborts. */
  listen(signal: AbortSignal): void {
    const doc = this.layer.ownerDocument;
    const view = doc.defaultView;
    if (!view) return;
    const again = () => this.schedule();
    view.addEventListener('scroll', again, { capture: true, passive: true, signal });
    view.addEventListener('resize', again, { passive: true, signal });
    if (typeof view.ResizeObserver === 'function') {
      const observer = new view.ResizeObserver(again);
      observer.observe(doc.documentElement);
      signal.addEventListener('abort', () => observer.disconnect());
    }
  }

  /** Draws every mark near the viewport now. */
  draw(): void {
    const doc = this.layer.ownerDocument;
    const view = doc.defaultView;
    this.layer.replaceChildren();
    if (!view || this.sets.size === 0) return;
    this.show();
    const height = view.innerHeight;
    for (const [name, ranges] of this.sets) {
      for (const range of ranges) {
        if (!range.startContainer.isConnected) continue;
        let first = true;
        for (const r of range.getClientRects()) {
          // Only what is on screen or a screen away: a long page's marks cost nothing off it.
          if (r.bottom < -height || r.top > 2 * height || r.width === 0) continue;
          const box = doc.createElement('div');
          box.className = name.startsWith('name-') ? `mark name mark-${name}` : `mark mark-${name}`;
          // (For the reader's tests: the closed shadow root keeps it from the page.)
          if (first) box.dataset.text = range.toString();
          first = false;
          const s = box.style;
          s.left = `${r.left}px`;
          s.top = `${r.top}px`;
          s.width = `${r.width}px`;
          s.height = `${r.height}px`;
          this.layer.append(box);
        }
      }
    }
  }
}

/**
 * Names found through the reader's own packs, underlined as private marks
 * (`name-person`, `name-place`, …) instead of in the page's highlight registry.
 */
export class PrivateNames implements PrivatePaint {
  constructor(private readonly marks: PrivateMarks) {}

  add(type: EntityType, range: Range): void {
    this.marks.add(`name-${type}`, range);
  }

  remove(type: EntityType, range: Range): void {
    this.marks.remove(`name-${type}`, range);
  }

  clear(): void {
    this.marks.clear('name-');
  }
}
