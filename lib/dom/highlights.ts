import type { EntityType } from '../factstore/schema';

/** The highlight names the page stylesheet styles: one per entity type. */
export const HIGHLIGHT_PREFIX = 'backstory-';

export function highlightName(type: EntityType): string {
  return `${HIGHLIGHT_PREFIX}${type}`;
}

/** A `Highlight`: a set of ranges. */
export interface HighlightLike {
  add(range: Range): unknown;
  delete(range: Range): boolean;
  readonly size: number;
}

/** What `CSS.highlights` offers; passed in so tests and other windows can supply their own. */
export interface HighlightEnv {
  highlights: {
    set(name: string, h: HighlightLike): unknown;
    delete(name: string): boolean;
    get?(name: string): HighlightLike | undefined;
  };
  Highlight: new (...ranges: Range[]) => HighlightLike;
}

/** The page's highlight registry, when the browser has the CSS Custom Highlight API. */
export function pageHighlightEnv(win: Window & typeof globalThis = window): HighlightEnv | undefined {
  const css = win.CSS as unknown as { highlights?: HighlightEnv['highlights'] } | undefined;
  const H = (win as unknown as { Highlight?: HighlightEnv['Highlight'] }).Highlight;
  if (!css?.highlights || !H) return undefined;
  return { highlights: css.highlights, Highlight: H };
}

/** Paints names out of the page's reach (see PrivateMarks). */
export interface PrivatePaint {
  add(type: EntityType, range: Range): void;
  remove(type: EntityType, range: Range): void;
  clear(): void;
}

/**
 * Paints ranges with one highlight per entity type, adding and removing them
 * one at a time. The page's DOM is never touched.
 */
export class Painter {
  /**
   * Where names that are the reader's own (found only through their packs) are
   * drawn instead: never in the page's registry, which the page's scripts can list.
   */
  privately: PrivatePaint | undefined;
  /** Backstory's highlights by name (`backstory-person`, `backstory-note`, …), made on first use. */
  private readonly sets = new Map<string, HighlightLike>();
  /** How many ranges each holds by Backstory's own adds and removes: the page's changes show as a difference. */
  private readonly sizes = new Map<string, number>();

  constructor(private readonly env: HighlightEnv) {}

  private named(name: string): HighlightLike {
    let set = this.sets.get(name);
    if (!set) {
      set = new this.env.Highlight();
      this.env.highlights.set(name, set);
      this.sets.set(name, set);
    }
    return set;
  }

  /** Paints a name; `mine` (a name from the reader's packs) goes to `privately`, or is not painted. */
  add(type: EntityType, range: Range, mine = false): void {
    if (mine) {
      this.privately?.add(type, range);
      return;
    }
    const name = highlightName(type);
    const set = this.named(name);
    const before = set.size;
    set.add(range);
    this.sizes.set(name, (this.sizes.get(name) ?? 0) + set.size - before);
  }

  remove(type: EntityType, range: Range, mine = false): void {
    if (mine) {
      this.privately?.remove(type, range);
      return;
    }
    const name = highlightName(type);
    if (this.sets.get(name)?.delete(range)) this.sizes.set(name, (this.sizes.get(name) ?? 0) - 1);
  }

  /** Marks a range for a moment (`::highlight(backstory-flash)`), as when the popup shows where a name is. */
  flash(range: Range, ms = 1600): void {
    const name = `${HIGHLIGHT_PREFIX}flash`;
    const flash = new this.env.Highlight(range);
    this.env.highlights.set(name, flash);
    setTimeout(() => {
      if (flash.size > 0) this.env.highlights.delete(name);
    }, ms);
  }

  /**
   * Whether the page took or altered Backstory's highlights (the registry is
   * the page's too): one is gone from it or replaced, or holds another number
   * of ranges than Backstory put in. A few lookups, however many ranges.
   */
  tampered(): boolean {
    for (const [name, set] of this.sets) {
      if (set.size !== this.sizes.get(name)) return true;
      if (this.env.highlights.get && this.env.highlights.get(name) !== set) return true;
    }
    return false;
  }

  /** Paints `painted` afresh, in new highlights (after the page took or altered them). */
  repaint(painted: readonly { type: EntityType; range: Range; mine?: boolean }[]): void {
    this.clear();
    for (const p of painted) this.add(p.type, p.range, p.mine);
  }

  /** Removes every highlight Backstory painted. */
  clear(): void {
    this.privately?.clear();
    for (const name of this.sets.keys()) this.env.highlights.delete(name);
    this.sets.clear();
    this.sizes.clear();
  }
}
