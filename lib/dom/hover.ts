import { hitTest } from './hit-test';

/** Timers, injectable so tests can drive them. */
export interface Clock {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface HoverIntentOptions {
  doc: Document;
  /** The painted ranges, in the order the callbacks refer to them. */
  ranges: () => readonly Range[];
  /** Whether an event target belongs to the open card. */
  isOnCard: (event: Event) => boolean;
  onOpen: (index: number) => void;
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
  private openIndex = -1;
  private pendingIndex = -1;
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
  setOpen(index: number): void {
    this.cancelOpen();
    this.cancelClose();
    this.openIndex = index;
  }

  private readonly onMove = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
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
    if (event.pointerType !== 'touch' || this.o.isOnCard(event)) return;
    const index = hitTest(this.o.doc, this.o.ranges(), event.clientX, event.clientY);
    if (index >= 0) this.open(index);
    else if (this.openIndex >= 0) this.close();
  };

  /** Feeds the name under the pointer (-1 for none). */
  update(index: number): void {
    if (index >= 0) {
      if (index === this.openIndex) {
        this.cancelClose();
        return;
      }
      if (index !== this.pendingIndex) {
        this.cancelOpen();
        this.pendingIndex = index;
        this.openTimer = this.clock.setTimeout(() => this.open(index), this.openDelay);
      }
      return;
    }
    this.cancelOpen();
    if (this.openIndex >= 0 && this.closeTimer === undefined) {
      this.closeTimer = this.clock.setTimeout(() => this.close(), this.closeDelay);
    }
  }

  private open(index: number): void {
    this.cancelOpen();
    this.cancelClose();
    this.openIndex = index;
    this.o.onOpen(index);
  }

  close(): void {
    this.cancelOpen();
    this.cancelClose();
    if (this.openIndex < 0) return;
    this.openIndex = -1;
    this.o.onClose();
  }

  private cancelOpen(): void {
    if (this.openTimer !== undefined) this.clock.clearTimeout(this.openTimer);
    this.openTimer = undefined;
    this.pendingIndex = -1;
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) this.clock.clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }
}
