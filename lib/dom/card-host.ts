import { OWN_UI_ATTRIBUTE } from './unread-regions';

// Written here rather than with WXT's `createShadowRootUi` (issue #15 named
// it; measured 2026-11-29): importing it adds 8.6 kB to the minified content
// script that runs on every page (82.8 → 91.4 kB, with
// @webext-core/isolated-element and its CSS splitting), for what this class
// does in a hundred lines; and it is created asynchronously and wraps the UI in its own
// `<html><body>`, where this host must exist, closed, before the first
// underline is painted (the private marks live in it). Its `<style>` element
// would have worked under a strict page CSP in Chromium (checked with a probe
// extension on a `style-src 'none'` page: the style applied); this class
// adopts a constructed stylesheet, which no CSP governs.

/**
 * The one element Backstory adds to a page: a host with a closed shadow root
 * that holds the card, and the layer of the reader's private marks (see
 * PrivateMarks). Styles are isolated both ways. The host itself has no size:
 * the card is shown and hidden inside it, and the marks stay.
 */
export class CardHost {
  readonly host: HTMLElement;
  readonly mount: HTMLElement;
  /** A `position: fixed` layer at the viewport's origin for private marks, under the card. */
  readonly marks: HTMLElement;
  private readonly root: ShadowRoot;

  /** `marks`: the layer of private marks, when it was made before the host (see CardController). */
  constructor(css: string, doc: Document = document, marks: HTMLElement = doc.createElement('div')) {
    this.host = doc.createElement('div');
    this.host.setAttribute(OWN_UI_ATTRIBUTE, '');
    // CSSOM writes are allowed under a strict style-src CSP; a style attribute is not.
    const s = this.host.style;
    s.setProperty('all', 'initial', 'important');
    s.setProperty('position', 'fixed', 'important');
    s.setProperty('z-index', '2147483647', 'important');
    s.setProperty('top', '0', 'important');
    s.setProperty('left', '0', 'important');
    s.setProperty('display', 'block', 'important');
    s.setProperty('width', '0', 'important');
    s.setProperty('height', '0', 'important');
    s.setProperty('overflow', 'visible', 'important');
    this.root = this.host.attachShadow({ mode: 'closed' });
    this.adopt(css);
    this.marks = marks;
    this.marks.className = 'marks';
    this.mount = doc.createElement('div');
    this.mount.className = 'mount';
    this.mount.style.setProperty('display', 'none');
    this.root.append(this.marks, this.mount);
  }

  /** Adds styles to the shadow root (the card's, when its code is loaded). */
  adopt(css: string): void {
    const doc = this.host.ownerDocument;
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    if (view && 'adoptedStyleSheets' in this.root && typeof view.CSSStyleSheet === 'function') {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      this.root.adoptedStyleSheets = [...this.root.adoptedStyleSheets, sheet];
    } else {
      const style = doc.createElement('style');
      style.textContent = css;
      this.root.prepend(style);
    }
  }

  /** Adds the host to the page if it is not there (a page may remove it). */
  attach(doc: Document = this.host.ownerDocument): void {
    if (!this.host.isConnected) doc.documentElement.append(this.host);
  }

  /** Shows the card at viewport coordinates, at most `maxHeight` tall. */
  place(left: number, top: number, maxHeight?: number): void {
    if (maxHeight !== undefined) this.mount.style.setProperty('--backstory-max-height', `${Math.floor(maxHeight)}px`);
    else this.mount.style.removeProperty('--backstory-max-height');
    const s = this.mount.style;
    s.setProperty('left', `${Math.round(left)}px`);
    s.setProperty('top', `${Math.round(top)}px`);
    s.setProperty('display', 'block');
  }

  hide(): void {
    this.mount.style.setProperty('display', 'none');
  }

  get visible(): boolean {
    return this.host.isConnected && this.mount.style.getPropertyValue('display') !== 'none';
  }

  /** The card's size as laid out. */
  size(): { width: number; height: number } {
    const r = this.mount.getBoundingClientRect();
    return { width: r.width, height: r.height };
  }

  remove(): void {
    this.host.remove();
  }
}

/**
 * Where to put a card of `size` next to the name at `anchor`: below it when
 * it fits, else above when it fits there, else on the roomier side with its
 * height capped to the room. Kept inside the viewport; never over the name.
 */
export function placeCard(
  anchor: { left: number; top: number; bottom: number },
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 8,
): { left: number; top: number; side: 'below' | 'above'; maxHeight: number } {
  const left = Math.max(gap, Math.min(anchor.left, viewport.width - size.width - gap));
  const roomBelow = viewport.height - anchor.bottom - 2 * gap;
  const roomAbove = anchor.top - 2 * gap;
  const below = size.height <= roomBelow || (size.height > roomAbove && roomBelow >= roomAbove);
  if (below) {
    const maxHeight = Math.max(0, roomBelow);
    return { left, top: anchor.bottom + gap, side: 'below', maxHeight };
  }
  const height = Math.min(size.height, roomAbove);
  return { left, top: anchor.top - gap - height, side: 'above', maxHeight: Math.max(0, roomAbove) };
}
