import { blockOf } from './blocks';
import type { TextMap } from './collect-text';

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
 * What the background has counted, block by block: each block's text as last
 * read, and the text of blocks that have left the page since. A scan sends
 * the old text of every block it reads again or that went, and the
 * background takes it off, so a block that keeps changing (a live blog's
 * "3 minutes ago") is not counted again at every change.
 */
export class CountedBlocks {
  /** Each block's text (its lines) as last read: what the background counted for it. */
  private readAs = new WeakMap<Element, string>();
  /** Text counted before whose blocks have left the page, to be taken off at the next scan. */
  private gone: string[] = [];

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

  /**
   * The text as read of every block that is read again now (those with text
   * in `lines`, and any under `roots` that has none left), and of blocks gone
   * since; forgets them all (remember records what is read now).
   */
  takePrevious(lines: ReadonlyMap<Element, string>, roots: readonly Element[]): string {
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
   * Records each block's text as now read (a whole read, `part` false, starts
   * afresh). A block that left the page while it was being read was counted
   * all the same: its text goes straight to what the next scan takes off.
   */
  remember(lines: ReadonlyMap<Element, string>, part: boolean): void {
    if (!part) {
      this.readAs = new WeakMap();
      this.gone = [];
    }
    for (const [block, text] of lines) {
      if (block.isConnected) this.readAs.set(block, text);
      else this.gone.push(text);
    }
  }

  /** Moves a block's text as read into `into`, if it was read. */
  private takeBlock(block: Element, into: string[]): void {
    const was = this.readAs.get(block);
    if (was === undefined) return;
    into.push(was);
    this.readAs.delete(block);
  }
}
