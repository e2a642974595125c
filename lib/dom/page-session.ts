import type { Annotator } from './annotator';
import { topMost } from './page-watch';
import { Slices } from './slices';

/** What a reading session drives: the page's annotator, the reader's marks and notes, the page watch. */
export interface PageSessionDeps {
  annotator: Pick<Annotator, 'annotate' | 'annotateAll' | 'refresh' | 'forget' | 'hasGone' | 'clear'>;
  /** The reader's private marks: cleared with the underlines, drawn again when the page changes. */
  marks: { clear(): void; schedule(): void };
  /**
   * Loads and paints the reader's notes on the page; `early`: as the read's
   * first scan brought them, when it did (see PageNotes.early).
   */
  notes: { refresh(early?: boolean): Promise<void> };
  /** The article's root element, found afresh for each read. */
  articleRoot: () => Element;
  /** Starts watching the page (called once); `onChange` gets the changed blocks and what was removed. */
  watch: (onChange: (roots: Element[], removed: Node[]) => void) => void;
  /** Whether the extension's context is gone (reloaded or removed): nothing more is done. */
  isInvalid?: () => boolean;
}

/**
 * The page's reading session: the article read and painted, then the living
 * page read as it changes (only what changed), a single-page site's next
 * article read afresh, the site switched off and on. Reads never overlap
 * their paint: a change the page makes while the article is being read is
 * read once that read is painted, and a newer read (after a navigation or a
 * site switch) supersedes an older one, whose paint is dropped.
 */
export class PageSession {
  /** Whether Backstory runs on this page (the background says so with each scan). */
  enabled = true;
  /** The read in progress, 0 when none. */
  private reading = 0;
  private reads = 0;
  /** Changes the page made while it was read: handled once the read is painted. */
  private missedRoots: Element[] = [];
  private missedRemoved: Node[] = [];
  private watching = false;

  constructor(private readonly d: PageSessionDeps) {}

  /**
   * Reads and paints the article afresh; `painted` runs once it and the
   * reader's notes are painted (or once a newer read took over). The page
   * watch starts the moment the first read has collected the article's
   * text, in the same task, so that nothing the page adds meanwhile is missed.
   */
  async read(painted?: () => void): Promise<void> {
    const { annotator, marks, notes } = this.d;
    const read = ++this.reads;
    this.reading = read;
    this.missedRoots = [];
    this.missedRemoved = [];
    annotator.clear();
    marks.clear();
    try {
      await annotator.annotate(this.d.articleRoot(), () => this.startWatching());
    } finally {
      if (this.reading === read) this.reading = 0;
    }
    if (this.reading !== 0 || read !== this.reads || !this.enabled || this.d.isInvalid?.()) {
      // Superseded by a newer read (which paints), switched off, or gone: its own paint was
      // dropped (the annotator paints nothing for a read begun before its last clear).
      painted?.();
      return;
    }
    await notes.refresh(true);
    painted?.();
    // What the page changed or removed while it was read. A block read again
    // unchanged costs a scan, not a count: its old text comes off.
    const roots = topMost(this.missedRoots).filter((el) => el.isConnected);
    const removed = this.missedRemoved;
    this.missedRoots = [];
    this.missedRemoved = [];
    if (this.enabled) await this.readChanges(roots, removed);
  }

  /** Starts watching the page without reading it (a page Backstory does not read yet). */
  startWatching(): void {
    if (this.watching || this.d.isInvalid?.()) return;
    this.watching = true;
    this.d.watch((roots, removed) => this.changed(roots, removed));
  }

  /** The page changed: read the changed blocks now, or after the read in progress is painted. */
  changed(roots: Element[], removed: Node[]): void {
    if (!this.enabled) return;
    if (this.reading !== 0) {
      this.missedRoots.push(...roots);
      this.missedRemoved.push(...removed);
      return;
    }
    void this.readChanges(roots, removed);
  }

  /**
   * Turns Backstory off on this page (every underline and mark taken off, and
   * a read in progress paints nothing), or on again (the article read afresh).
   */
  setEnabled(enabled: boolean): Promise<void> {
    if (enabled === this.enabled) return Promise.resolve();
    this.enabled = enabled;
    if (enabled) return this.read();
    this.reads++;
    this.reading = 0;
    this.d.annotator.clear();
    this.d.marks.clear();
    return Promise.resolve();
  }

  /** Takes what the page removed off the counts, and reads the changed blocks. */
  private async readChanges(roots: Element[], removed: Node[]): Promise<number> {
    const { annotator, marks } = this.d;
    annotator.forget(removed);
    marks.schedule();
    if (roots.length === 0 && !annotator.hasGone) return 0;
    // One clock for the checking and the reading: the page gets its thread back between them too.
    const slices = new Slices();
    await annotator.refresh(roots, slices);
    // Past the cap new text is still read, so the popup's counts stay true.
    return annotator.annotateAll(roots, true, undefined, slices);
  }
}
