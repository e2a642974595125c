import type { PaintedMention } from '../messages';
import { blockOf, collectTextSliced, Slices, type TextMap } from './collect-text';
import type { Painter } from './highlights';
import { toRange } from './to-ranges';

/** The most characters sent to the background in one scan (its limit is 2,000,000). */
export const MAX_PIECE = 500_000;

/**
 * The most mentions painted on one page: past a few thousand, underlines stop
 * helping a reader, and every one costs the page's rendering. On a page
 * growing by 5,000 paragraphs, 5,000 painted ranges went with 1–3 tasks of
 * 50 ms or more and 3,000 with none (measured once, 2026-11-22, not traced);
 * 2,000 keeps a margin. A long article is painted from the top; when a page
 * changes past the cap, the underlines nearest the change are kept (keepNear).
 */
export const MAX_PAINTED = 2_000;

/** `[from, to)` pieces of `text` of at most `max` characters, cut after a newline where there is one. */
export function pieces(text: string, max: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + max);
    if (to < text.length) {
      const cut = text.lastIndexOf('\n', to);
      if (cut > from) to = cut + 1;
    }
    out.push([from, to]);
    from = to;
  }
  return out;
}

/** Text maps joined end to end, a newline (a block break) between each. */
function joinMaps(maps: readonly TextMap[]): TextMap {
  if (maps.length === 1) return maps[0] as TextMap;
  const out: TextMap = { text: '', nodes: [], starts: [] };
  const parts: string[] = [];
  let length = 0;
  for (const m of maps) {
    if (m.text.length === 0) continue;
    if (length > 0) {
      parts.push('\n');
      length++;
    }
    for (let i = 0; i < m.nodes.length; i++) {
      out.nodes.push(m.nodes[i] as Text);
      out.starts.push((m.starts[i] as number) + length);
    }
    parts.push(m.text);
    length += m.text.length;
  }
  out.text = parts.join('');
  return out;
}

/** A mention painted on the page. */
export interface Painted {
  mention: PaintedMention;
  range: Range;
}

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
 */
export class Annotator {
  /** In document order. */
  painted: Painted[] = [];
  // Start offsets already painted per text node, so a rescan never paints twice.
  private starts = new WeakMap<Node, Set<number>>();
  /** Each block's text (its lines) as last read: what the background counted for it. */
  private readAs = new WeakMap<Element, string>();
  /** Text counted before whose blocks have left the page, to be taken off at the next scan. */
  private gone: string[] = [];
  private timed = false;
  /** Counts the clears: a read begun before the last one paints nothing (its page is gone or off). */
  private epoch = 0;
  /** The article's text as last read whole (for anchoring notes and reading selections). */
  articleMap: TextMap | undefined;

  constructor(
    private readonly painter: Painter,
    private readonly scan: Scan,
  ) {}

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
    // the background takes it off, so a block that keeps changing (a live
    // blog's "3 minutes ago") is not counted again at every change.
    const lines = linesByBlock(map);
    const previous = part ? this.takePrevious(lines, roots) : '';
    this.remember(lines, part);
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
      const limit = part ? MAX_PAINTED : MAX_PAINTED - this.painted.length;
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
      fresh.push(
        ...(await this.paintSliced(map, mentions, from, part ? Number.POSITIVE_INFINITY : MAX_PAINTED, epoch)),
      );
    }
    if (part && fresh.length > 0) {
      // Into reading order among the others (another change may have been painted meanwhile).
      const isFresh = new Set(fresh);
      const others = this.painted.filter((p) => !isFresh.has(p));
      this.painted = mergeInOrder([...others, ...fresh], others.length);
      if (this.painted.length > MAX_PAINTED) {
        const keep = keepNear(
          this.painted.map((p) => isFresh.has(p)),
          MAX_PAINTED,
        );
        this.removeWhere((_, i) => !keep[i]);
      }
    }
    return fresh.length;
  }

  /**
   * Paints mentions found at `offset` of the map's text. Their ranges are made
   * in slices, yielding to the page every few milliseconds; they are then
   * painted all at once, so the page renders its new underlines in one frame
   * (every frame with a change to the highlights costs the browser a paint
   * of the page, which on a very long page is tens of milliseconds).
   */
  private async paintSliced(
    map: TextMap,
    mentions: readonly PaintedMention[],
    offset: number,
    cap: number,
    epoch: number,
  ): Promise<Painted[]> {
    const batch: Painted[] = [];
    const slices = new Slices();
    for (const mention of mentions) {
      if (this.painted.length + batch.length >= cap) break;
      if (slices.due) await slices.tick();
      const range = toRange(map, mention.start + offset, mention.end + offset);
      if (!range || !range.startContainer.isConnected) continue;
      let starts = this.starts.get(range.startContainer);
      if (starts?.has(range.startOffset)) continue;
      if (!starts) {
        starts = new Set();
        this.starts.set(range.startContainer, starts);
      }
      starts.add(range.startOffset);
      batch.push({ mention: { ...mention, start: mention.start + offset, end: mention.end + offset }, range });
    }
    const painted: Painted[] = [];
    if (epoch !== this.epoch) return painted;
    for (const p of batch) {
      // Text edited while the ranges were made is left for the next rescan.
      if (p.range.toString() !== p.mention.text) {
        this.starts.get(p.range.startContainer)?.delete(p.range.startOffset);
        continue;
      }
      this.painted.push(p);
      this.painter.add(p.mention.type, p.range, p.mention.private === true);
      painted.push(p);
    }
    return painted;
  }

  /** Whether text has left the page since the last scan, not yet taken off the counts. */
  get hasGone(): boolean {
    return this.gone.length > 0;
  }

  /**
   * Notes elements the page removed: the blocks read in them are taken off
   * the counts at the next scan. (Text or inline elements removed from a
   * block still on the page are handled by reading that block again.)
   * Returns whether any read text went.
   */
  forget(removed: readonly Node[]): boolean {
    const before = this.gone.length;
    for (const top of removed) {
      if (top.nodeType !== 1) continue;
      const el = top as Element;
      this.takeBlock(el, this.gone);
      for (const inner of el.getElementsByTagName('*')) this.takeBlock(inner, this.gone);
    }
    return this.gone.length > before;
  }

  /** Moves a block's text as read into `into`, if it was read. */
  private takeBlock(block: Element, into: string[]): void {
    const was = this.readAs.get(block);
    if (was === undefined) return;
    into.push(was);
    this.readAs.delete(block);
  }

  /**
   * The text as read of every block that is read again now (those with text
   * in `lines`, and any under `roots` that has none left), and of blocks gone
   * since; forgets them all (remember records what is read now).
   */
  private takePrevious(lines: ReadonlyMap<Element, string>, roots: readonly Element[]): string {
    const out = this.gone;
    this.gone = [];
    for (const block of lines.keys()) this.takeBlock(block, out);
    for (const root of roots) {
      this.takeBlock(root, out);
      for (const inner of root.getElementsByTagName('*')) this.takeBlock(inner, out);
    }
    return out.join('\n');
  }

  /**
   * Records each block's text as now read (a whole read starts afresh). A
   * block that left the page while it was being read was counted all the
   * same: its text goes straight to what the next scan takes off.
   */
  private remember(lines: ReadonlyMap<Element, string>, part: boolean): void {
    if (!part) {
      this.readAs = new WeakMap();
      this.gone = [];
    }
    for (const [block, text] of lines) {
      if (block.isConnected) this.readAs.set(block, text);
      else this.gone.push(text);
    }
  }

  /**
   * After the page changed: unpaints the mentions inside any of `els` (they
   * are about to be scanned again) and those whose text is gone from the page
   * or was edited under them. Every painted mention is checked, up to
   * MAX_PAINTED of them, so the checking is done in slices; the unpainting is
   * then done at once, of the mentions found (others painted meanwhile stay).
   */
  async refresh(els: readonly Element[], slices = new Slices()): Promise<void> {
    if (this.painted.length === 0) return;
    const set = new Set<Node>(els);
    // Walk up from each mention (a few levels) rather than ask every element about every mention.
    const inside = (node: Node | null): boolean => {
      for (let n = node; n; n = n.parentNode) if (set.has(n)) return true;
      return false;
    };
    const stale = new Set<Painted>();
    for (const p of this.painted) {
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
    this.epoch++;
    this.painter.clear();
    this.painted = [];
    this.starts = new WeakMap();
  }

  private removeWhere(test: (p: Painted, index: number) => boolean): void {
    const keep: Painted[] = [];
    for (const [i, p] of this.painted.entries()) {
      if (test(p, i)) {
        this.painter.remove(p.mention.type, p.range, p.mention.private === true);
        this.starts.get(p.range.startContainer)?.delete(p.range.startOffset);
      } else keep.push(p);
    }
    this.painted = keep;
  }
}

/**
 * The map's text by block: each line (text between block breaks) under the
 * block its first text node belongs to, lines of one block joined by a break.
 */
export function linesByBlock(map: TextMap): Map<Element, string> {
  const out = new Map<Element, string>();
  const { text, nodes, starts } = map;
  let node = 0;
  for (let from = 0; from < text.length; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    while (node < nodes.length && (starts[node] as number) < from) node++;
    const first = nodes[node];
    if (first && (starts[node] as number) < to) {
      const block = blockOf(first);
      if (block) {
        const had = out.get(block);
        const line = text.slice(from, to);
        out.set(block, had === undefined ? line : `${had}\n${line}`);
      }
    }
    from = to + 1;
  }
  return out;
}

/**
 * Which of the painted mentions (in document order; `fresh[i]` for those a
 * change just brought) to keep when they are more than `max`: the new ones
 * first, then the old ones nearest to any new one. New posts at the top of a
 * live blog keep the top painted; text added at the bottom (a page that loads
 * more as the reader scrolls down) keeps the bottom; new text at both ends
 * keeps both.
 */
export function keepNear(fresh: readonly boolean[], max: number): boolean[] {
  const n = fresh.length;
  if (n <= max) return fresh.map(() => true);
  // Distance from each mention to the nearest new one, in list positions.
  const dist = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  for (let i = 0, last = -1; i < n; i++) {
    if (fresh[i]) last = i;
    if (last >= 0) dist[i] = i - last;
  }
  for (let i = n - 1, next = -1; i >= 0; i--) {
    if (fresh[i]) next = i;
    if (next >= 0) dist[i] = Math.min(dist[i] as number, next - i);
  }
  const order = [...dist.keys()].sort((a, b) => (dist[a] as number) - (dist[b] as number) || a - b);
  const keep = new Array<boolean>(n).fill(false);
  for (const i of order.slice(0, max)) keep[i] = true;
  return keep;
}

const before = (a: Painted, b: Painted): number => a.range.compareBoundaryPoints(Range.START_TO_START, b.range);

/**
 * Puts mentions painted after `split` into document order among the earlier
 * ones, which are already in order. New text is usually added after the old,
 * so that case costs one comparison; otherwise a merge, never a full sort
 * (comparing two places in a long page walks the DOM, and a sort of thousands
 * was a long task on a page that keeps growing).
 */
export function mergeInOrder(list: Painted[], split: number): Painted[] {
  const old = list.slice(0, split);
  const added = list.slice(split).sort(before);
  const lastOld = old[old.length - 1];
  const firstNew = added[0];
  if (!lastOld || !firstNew || before(lastOld, firstNew) <= 0) return old.concat(added);
  const out: Painted[] = [];
  let i = 0;
  let j = 0;
  while (i < old.length && j < added.length) {
    const a = old[i] as Painted;
    const b = added[j] as Painted;
    if (before(a, b) <= 0) {
      out.push(a);
      i++;
    } else {
      out.push(b);
      j++;
    }
  }
  return out.concat(old.slice(i), added.slice(j));
}
