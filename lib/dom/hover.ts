import { hitTest } from './hit-test';

/** Timers, injectable so tests can drive them. */
export interface Clock {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface HoverIntentOptions {
  doc: Document;
  /** The painted ranges, first those that win where two overlap. */
  ranges: () => readonly Range[];
  /** Whether an event target belongs to the open card. */
  isOnCard: (event: Event) => boolean;
  /**
   * Opens the card of the range the pointer dwelt on. Ranges, not positions
   * in the list, name what is hovered: the list changes while a page loads,
   * and the card must be the one for the name under the pointer.
   */
  onOpen: (range: Range) => void;
  onClose: () => void;
  /** Dwell before a card opens (Wikipedia's Page Previews wait about 500 ms). */
  openDelay?: number;
  /** Grace before a card closes once the pointer leaves name and card. */
  closeDelay?: number;
  clock?: Clock;
}

/**
 * Hover intent over painted text: a card opens after the pointer dwells on a
 * name, stays while the pointer moves onto it, and closes shortly after the
 * pointer leaves both. A tap opens at once.
 */
export class HoverIntent {
  private opened: Range | undefined;
  private pending: Range | undefined;
  private openTimer: number | undefined;
  private closeTimer: number | undefined;
  private frame = 0;
  private lastMove: PointerEvent | undefined;
  private readonly clock: Clock;
  private readonly openDelay: number;
  private readonly closeDelay: number;

  constructor(private readonly o: HoverIntentOptions) {
    const view = o.doc.defaultView as Window;
    this.clock = o.clock ?? {
      setTimeout: (fn, ms) => view.setTimeout(fn, ms),
      clearTimeout: (id) => view.clearTimeout(id),
    };
    this.openDelay = o.openDelay ?? 500;
    this.closeDelay = o.closeDelay ?? 300;
  }

  /** Starts listening, until `signal` aborts. */
  listen(signal?: AbortSignal): void {
    const opts = { passive: true, capture: true, ...(signal ? { signal } : {}) };
    this.o.doc.addEventListener('pointermove', this.onMove, opts);
    this.o.doc.addEventListener('pointerup', this.onTap, opts);
  }

  /** Marks a card as open (for keyboard navigation) or closed. */
  setOpen(range: Range | undefined): void {
    this.cancelOpen();
    this.cancelClose();
    this.opened = range;
  }

  // Only the reader's own pointer: a page's script can dispatch events (isTrusted false),
  // and must not open cards (nor learn, by their timing, what is underlined).
  private readonly onMove = (event: PointerEvent): void => {
    if (!event.isTrusted || event.pointerType === 'touch') return;
    if (this.o.isOnCard(event)) {
      this.cancelClose();
      this.cancelOpen();
      return;
    }
    this.lastMove = event;
    if (this.frame) return;
    const view = this.o.doc.defaultView as Window;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      const e = this.lastMove;
      if (e) this.update(hitTest(this.o.doc, this.o.ranges(), e.clientX, e.clientY));
    });
  };

  private readonly onTap = (event: PointerEvent): void => {
    if (!event.isTrusted || event.pointerType !== 'touch' || this.o.isOnCard(event)) return;
    const range = hitTest(this.o.doc, this.o.ranges(), event.clientX, event.clientY);
    if (range) this.open(range);
    else if (this.opened) this.close();
  };

  /** Feeds the name under the pointer (undefined for none). */
  update(range: Range | undefined): void {
    if (range) {
      if (range === this.opened) {
        this.cancelClose();
        return;
      }
      if (range !== this.pending) {
        this.cancelOpen();
        this.pending = range;
        this.openTimer = this.clock.setTimeout(() => this.open(range), this.openDelay);
      }
      return;
    }
    this.cancelOpen();
    if (this.opened && this.closeTimer === undefined) {
      this.closeTimer = this.clock.setTimeout(() => this.close(), this.closeDelay);
    }
  }

  private open(range: Range): void {
    this.cancelOpen();
    this.cancelClose();
    this.opened = range;
    this.o.onOpen(range);
  }

  close(): void {
    this.cancelOpen();
    this.cancelClose();
    if (!this.opened) return;
    this.opened = undefined;
    this.o.onClose();
  }

  private cancelOpen(): void {
    if (this.openTimer !== undefined) this.clock.clearTimeout(this.openTimer);
    this.openTimer = undefined;
    this.pending = undefined;
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) this.clock.clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }
}
