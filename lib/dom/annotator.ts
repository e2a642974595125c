import type { PaintedMention } from '../messages';
import { collectText, type TextMap } from './collect-text';
import type { Painter } from './highlights';
import { toRange } from './to-ranges';

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
 * `part` is true when the text is only new or changed parts of the page.
 */
export type Scan = (text: string, part: boolean) => Promise<PaintedMention[] | null>;

/**
 * The page's painted mentions: scans a part of the page, paints what it finds,
 * keeps them in reading order, and forgets those whose text left the page.
 */
export class Annotator {
  /** In document order. */
  painted: Painted[] = [];
  // Start offsets already painted per text node, so a rescan never paints twice.
  private starts = new WeakMap<Node, Set<number>>();
  private timed = false;
  /** The article's text as last read whole (for anchoring notes and reading selections). */
  articleMap: TextMap | undefined;

  constructor(
    private readonly painter: Painter,
    private readonly scan: Scan,
  ) {}

  /** Scans the text under `root` and paints its mentions; resolves with how many were added. */
  annotate(root: Element): Promise<number> {
    return this.annotateAll([root], false);
  }

  /**
   * Scans the text under several elements in one request (each element its
   * own block, so no match spans two) and paints their mentions.
   */
  async annotateAll(roots: readonly Element[], part = true): Promise<number> {
    const first = !this.timed;
    this.timed = true;
    const map = joinMaps(roots.map((root) => collectText(root)));
    if (!part) this.articleMap = map;
    // User Timing marks for the first scan only (read by `npm run bench:page`).
    if (first) performance.mark('backstory-collected');
    if (map.text.trim().length === 0) return 0;
    const mentions = await this.scan(map.text, part);
    if (first) performance.mark('backstory-scanned');
    if (!mentions) return 0;
    let added = 0;
    for (const mention of mentions) {
      const range = toRange(map, mention.start, mention.end);
      if (!range || !range.startContainer.isConnected) continue;
      let starts = this.starts.get(range.startContainer);
      if (starts?.has(range.startOffset)) continue;
      if (!starts) {
        starts = new Set();
        this.starts.set(range.startContainer, starts);
      }
      starts.add(range.startOffset);
      this.painted.push({ mention, range });
      this.painter.add(mention.type, range);
      added++;
    }
    if (added > 0) this.painted.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return added;
  }

  /** Unpaints the mentions inside `el` (before it is scanned again). */
  forget(el: Element): void {
    this.removeWhere((p) => el.contains(p.range.startContainer));
  }

  /** Unpaints mentions whose text is gone from the page or was edited under them. */
  prune(): void {
    this.removeWhere((p) => !p.range.startContainer.isConnected || p.range.toString() !== p.mention.text);
  }

  /** Unpaints everything. */
  clear(): void {
    this.painter.clear();
    this.painted = [];
    this.starts = new WeakMap();
  }

  private removeWhere(test: (p: Painted) => boolean): void {
    const keep: Painted[] = [];
    for (const p of this.painted) {
      if (test(p)) {
        this.painter.remove(p.mention.type, p.range);
        this.starts.get(p.range.startContainer)?.delete(p.range.startOffset);
      } else keep.push(p);
    }
    this.painted = keep;
  }
}
