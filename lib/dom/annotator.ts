import type { PaintedMention } from '../messages';
import { collectTextSliced, type TextMap } from './collect-text';
import { CountedBlocks, linesByBlock } from './counted-blocks';
import type { Painter } from './highlights';
import { MAX_PAINTED } from './paint-order';
import { type Painted, PaintedMentions } from './painted-mentions';
import { joinMaps, MAX_PIECE, pieces } from './pieces';
import { Slices } from './slices';

// The annotator's cap, and the type of its `painted` list, for its callers.
export { MAX_PAINTED } from './paint-order';
export type { Painted } from './painted-mentions';

/**
 * Asks the background to find mentions in a text; null when it cannot answer.
 * `part` is true when the text is only new or changed parts of the page;
 * `limit` is the most mentions the page can still paint (the background counts
 * them all for the popup, and sends back only the first `limit`).
 */
export type Scan = (text: string, part: boolean, limit: number, previous?: string) => Promise<PaintedMention[] | null>;

/**
 * The page's painted mentions: scans a part of the page, paints what it finds,
 * keeps them in reading order, and forgets those whose text left the page.
 * It coordinates: the text is collected (`collect-text.ts`), cut in pieces
 * (`pieces.ts`), sent with what was counted before (`counted-blocks.ts`), and
 * what comes back painted once each, in order, within the cap
 * (`painted-mentions.ts`, `paint-order.ts`).
 */
export class Annotator {
  private readonly mentions: PaintedMentions;
  private readonly counted = new CountedBlocks();
  private timed = false;
  /** Counts the clears: a read begun before the last one paints nothing (its page is gone or off). */
  private epoch = 0;
  /** The article's text as last read whole (for anchoring notes and reading selections). */
  articleMap: TextMap | undefined;

  constructor(
    painter: Painter,
    private readonly scan: Scan,
  ) {
    this.mentions = new PaintedMentions(painter);
  }

  /** The painted mentions, in document order. */
  get painted(): Painted[] {
    return this.mentions.list;
  }

  /** Whether text has left the page since the last scan, not yet taken off the counts. */
  get hasGone(): boolean {
    return this.counted.hasGone;
  }

  /** Scans the text under `root` and paints its mentions; resolves with how many were added. */
  annotate(root: Element, onCollected?: () => void): Promise<number> {
    return this.annotateAll([root], false, onCollected);
  }

  /**
   * Scans the text under several elements in one request (each element its
   * own block, so no match spans two) and paints their mentions.
   */
  async annotateAll(
    roots: readonly Element[],
    part = true,
    onCollected?: () => void,
    slices = new Slices(),
  ): Promise<number> {
    const first = !this.timed;
    this.timed = true;
    const epoch = this.epoch;
    const maps: TextMap[] = [];
    // One clock for all the roots: a change of a hundred paragraphs yields between them too.
    for (const root of roots) maps.push(await collectTextSliced(root, !part, slices));
    // Cleared while collecting (a newer read, the site switched off): this read is dropped whole,
    // before it touches what the newer one keeps or sends the old page's text.
    if (epoch !== this.epoch) return 0;
    const map = joinMaps(maps);
    // In the same task as the last of the collecting: nothing the page does in between is missed.
    onCollected?.();
    if (!part) this.articleMap = map;
    // User Timing marks for the first scan only (read by `npm run bench:page`).
    if (first) performance.mark('backstory-collected');
    // What was counted before and is read again now, or has left the page:
    // the background takes it off (see CountedBlocks).
    const lines = linesByBlock(map);
    const previous = part ? this.counted.takePrevious(lines, roots) : '';
    this.counted.remember(lines, part);
    const hasText = map.text.trim().length > 0;
    if (!hasText && previous.length === 0) return 0;
    const fresh: Painted[] = [];
    // A very long text goes in pieces, cut between blocks, each within the background's limit.
    const textPieces = hasText ? pieces(map.text, MAX_PIECE) : [];
    const previousPieces = pieces(previous, MAX_PIECE);
    for (let k = 0; k < Math.max(textPieces.length, previousPieces.length); k++) {
      const [from, to] = textPieces[k] ?? [map.text.length, map.text.length];
      const before = previousPieces[k];
      // The article is painted from its top down to the cap. A changed part
      // may bring up to the cap on its own: the page keeps the underlines
      // nearest to what changed (see keepNear).
      const limit = part ? MAX_PAINTED : MAX_PAINTED - this.mentions.list.length;
      if (epoch !== this.epoch) break;
      const mentions = await this.scan(
        map.text.slice(from, to),
        part || from > 0,
        Math.max(0, limit),
        before ? previous.slice(before[0], before[1]) : undefined,
      );
      if (first && k === 0) performance.mark('backstory-scanned');
      // Cleared meanwhile (a newer read, the site switched off): this read paints nothing.
      if (!mentions || epoch !== this.epoch) break;
      const cap = part ? Number.POSITIVE_INFINITY : MAX_PAINTED;
      const batch = await this.mentions.prepare(map, mentions, from, cap);
      if (epoch !== this.epoch) break;
      fresh.push(...this.mentions.paint(batch));
    }
    if (part && fresh.length > 0) this.mentions.order(fresh, MAX_PAINTED);
    return fresh.length;
  }

  /**
   * Notes elements the page removed: the blocks read in them are taken off
   * the counts at the next scan. Returns whether any read text went.
   */
  forget(removed: readonly Node[]): boolean {
    return this.counted.forget(removed);
  }

  /**
   * After the page changed: unpaints the mentions inside any of `els` (they
   * are about to be scanned again) and those whose text is gone from the
   * page or was edited under them, checking in slices of `slices`.
   */
  refresh(els: readonly Element[], slices = new Slices()): Promise<void> {
    return this.mentions.refresh(els, slices);
  }

  /** Unpaints everything, and drops what any read in progress would paint. */
  clear(): void {
    this.epoch++;
    this.mentions.clear();
  }
}
