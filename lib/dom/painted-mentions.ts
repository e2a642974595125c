import type { PaintedMention } from '../messages';
import type { TextMap } from './collect-text';
import type { Painter } from './highlights';
import { keepNear, mergeInOrder } from './paint-order';
import { Slices } from './slices';
import { toRange } from './to-ranges';

/** A mention painted on the page. */
export interface Painted {
  mention: PaintedMention;
  range: Range;
}

/**
 * The mentions painted on the page, in reading order, each place painted
 * once: a rescan that finds a mention again where one is painted adds
 * nothing. Painting is in two steps, ranges made in slices, then painted at
 * once, so that its owner can drop a batch whose page is gone in between.
 */
export class PaintedMentions {
  /** In document order. */
  list: Painted[] = [];
  // Start offsets painted (or about to be) per text node, so a rescan never paints twice.
  private starts = new WeakMap<Node, Set<number>>();

  constructor(private readonly painter: Painter) {}

  /**
   * The ranges of mentions found at `offset` of the map's text, but none
   * where one is painted already, and no more than make `cap` painted in all.
   * Their places are claimed; `paint` paints them. Made in slices, yielding
   * to the page every few milliseconds.
   */
  async prepare(map: TextMap, mentions: readonly PaintedMention[], offset: number, cap: number): Promise<Painted[]> {
    const batch: Painted[] = [];
    const slices = new Slices();
    for (const mention of mentions) {
      if (this.list.length + batch.length >= cap) break;
      if (slices.due) await slices.tick();
      const range = toRange(map, mention.start + offset, mention.end + offset);
      if (!range?.startContainer.isConnected) continue;
      let starts = this.starts.get(range.startContainer);
      if (starts?.has(range.startOffset)) continue;
      if (!starts) {
        starts = new Set();
        this.starts.set(range.startContainer, starts);
      }
      starts.add(range.startOffset);
      batch.push({ mention: { ...mention, start: mention.start + offset, end: mention.end + offset }, range });
    }
    return batch;
  }

  /**
   * Paints a prepared batch all at once, so the page renders its new
   * underlines in one frame (every frame with a change to the highlights
   * costs the browser a paint of the page, which on a very long page is tens
   * of milliseconds). Returns those painted.
   */
  paint(batch: readonly Painted[]): Painted[] {
    const painted: Painted[] = [];
    for (const p of batch) {
      // Text edited while the ranges were made is left for the next rescan.
      if (p.range.toString() !== p.mention.text) {
        this.starts.get(p.range.startContainer)?.delete(p.range.startOffset);
        continue;
      }
      this.list.push(p);
      this.painter.add(p.mention.type, p.range, p.mention.private === true);
      painted.push(p);
    }
    return painted;
  }

  /**
   * Puts `fresh` (painted for a change) into reading order among the others
   * (another change may have been painted meanwhile); past `max`, unpaints
   * those farthest from what changed (see keepNear).
   */
  order(fresh: readonly Painted[], max: number): void {
    const isFresh = new Set(fresh);
    const others = this.list.filter((p) => !isFresh.has(p));
    this.list = mergeInOrder([...others, ...fresh], others.length);
    if (this.list.length > max) {
      const keep = keepNear(
        this.list.map((p) => isFresh.has(p)),
        max,
      );
      this.removeWhere((_, i) => !keep[i]);
    }
  }

  /**
   * Unpaints the mentions inside any of `els` (they are about to be scanned
   * again) and those whose text is gone from the page or was edited under
   * them. Every painted mention is checked, so the checking is done in
   * slices; the unpainting is then done at once, of the mentions found
   * (others painted meanwhile stay).
   */
  async refresh(els: readonly Element[], slices: Slices): Promise<void> {
    if (this.list.length === 0) return;
    const set = new Set<Node>(els);
    // Walk up from each mention (a few levels) rather than ask every element about every mention.
    const inside = (node: Node | null): boolean => {
      for (let n = node; n; n = n.parentNode) if (set.has(n)) return true;
      return false;
    };
    const stale = new Set<Painted>();
    for (const p of this.list) {
      if (slices.due) await slices.tick();
      if (
        !p.range.startContainer.isConnected ||
        (set.size > 0 && inside(p.range.startContainer)) ||
        p.range.toString() !== p.mention.text
      )
        stale.add(p);
    }
    if (stale.size > 0) this.removeWhere((p) => stale.has(p));
  }

  /** Unpaints everything. */
  clear(): void {
    this.painter.clear();
    this.list = [];
    this.starts = new WeakMap();
  }

  private removeWhere(test: (p: Painted, index: number) => boolean): void {
    const keep: Painted[] = [];
    for (const [i, p] of this.list.entries()) {
      if (test(p, i)) {
        this.painter.remove(p.mention.type, p.range, p.mention.private === true);
        this.starts.get(p.range.startContainer)?.delete(p.range.startOffset);
      } else keep.push(p);
    }
    this.list = keep;
  }
}
