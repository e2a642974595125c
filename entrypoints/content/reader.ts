import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Annotator, Painted } from '../../lib/dom/annotator';
import type { Painter } from '../../lib/dom/highlights';
import { HoverIntent } from '../../lib/dom/hover';
import type { PageSession } from '../../lib/dom/page-session';
import type { PrivateMarks } from '../../lib/dom/private-marks';
import { TabMessageSchema } from '../../lib/tab-messages';
import type { CardController } from './card';
import type { PageNotes } from './notes';

export interface ReaderDeps {
  ctx: ContentScriptContext;
  annotator: Annotator;
  painter: Painter;
  marks: PrivateMarks;
  card: CardController;
  notes: PageNotes;
  session: PageSession;
}

/**
 * What the reader does on the page, and what Backstory answers: hovering a
 * name or a noted passage opens its card; the keyboard commands step through
 * the names; Escape closes the card; a selection offers a note; the card
 * follows its name as the page scrolls; the popup shows where a name is. Only
 * the reader's own input counts (a page's made-up events do nothing), and a
 * note being written is never replaced nor thrown away.
 */
export function listenToReader(d: ReaderDeps): {
  step: (direction: 1 | -1) => Promise<void>;
  reveal: (entityId: string) => void;
} {
  const { ctx, annotator, card, notes, session } = d;
  // Hover over names, then over noted passages (a name inside a passage wins).
  const hover = new HoverIntent({
    doc: document,
    ranges: () => [...annotator.painted.map((p) => p.range), ...notes.passages.map((p) => p.range)],
    isOnCard: (event) => event.composedPath().includes(card.host.host),
    onOpen: (range) => {
      const p = annotator.painted.find((m) => m.range === range);
      if (p) void card.show(p, { keyboard: false });
      else notes.showNoteFor(range);
    },
    onClose: () => card.dismiss(),
  });
  hover.listen(ctx.signal);
  // The card's code loads at the reader's first movement of the pointer, anywhere on the page,
  // well before any card's dwell ends. Where the pointer is must not decide when: the page
  // could time the load (its work on the main thread) over a private mark.
  let loading = false;
  ctx.addEventListener(
    document,
    'pointermove',
    (event) => {
      // (Not on a site where Backstory is switched off: no card opens there.)
      if (loading || !event.isTrusted || !session.enabled) return;
      loading = true;
      void card.load();
    },
    { capture: true, passive: true },
  );

  ctx.addEventListener(
    document,
    'keydown',
    (event) => {
      if (event.key === 'Escape' && event.isTrusted && card.isOpen) {
        hover.close();
        card.close();
      }
    },
    { capture: true },
  );
  // A selection in the article offers a note on it.
  ctx.addEventListener(document, 'mouseup', (event) => {
    if (!session.enabled || !event.isTrusted || (event as MouseEvent).composedPath().includes(card.host.host)) return;
    ctx.setTimeout(() => {
      if (!card.isOpen || !card.current) void notes.offerForSelection();
    }, 0);
  });
  // The offer goes when the selection does.
  ctx.addEventListener(document, 'selectionchange', () => {
    if (notes.offering && document.getSelection()?.isCollapsed) {
      notes.offering = false;
      card.close();
    }
  });
  // The card follows its name as the page scrolls, and closes when the name leaves the screen.
  let frame = 0;
  ctx.addEventListener(
    window,
    'scroll',
    () => {
      if (!card.isOpen || frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        card.reposition();
        if (!card.isOpen) hover.close();
      });
    },
    { passive: true, capture: true },
  );

  return {
    // The manifest's keyboard commands (through the background): the next or previous name's card.
    async step(direction) {
      const list = annotator.painted;
      if (list.length === 0) return;
      const current = card.current ? list.indexOf(card.current) : -1;
      const next =
        current === -1 ? (direction === 1 ? 0 : list.length - 1) : (current + direction + list.length) % list.length;
      const target = list[next] as Painted;
      target.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      hover.setOpen(target.range);
      await card.show(target, { keyboard: true });
    },
    // From the popup: where an entity is first named, with a brief flash (among the private
    // marks for a name of the reader's packs).
    reveal(entityId) {
      const first = annotator.painted.find((p) => p.mention.entityId === entityId);
      if (!first) return;
      first.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (first.mention.private) {
        d.marks.set('flash', [first.range]);
        ctx.setTimeout(() => d.marks.set('flash', []), 1600);
      } else d.painter.flash(first.range);
    },
  };
}

/**
 * Messages from the background or the popup (only the extension reaches this
 * listener), checked against the contract (lib/tab-messages.ts).
 */
export function listenToExtension(d: {
  ctx: ContentScriptContext;
  site: string | undefined;
  card: CardController;
  session: PageSession;
  notes: PageNotes;
  reader: ReturnType<typeof listenToReader>;
}): void {
  const { ctx, card, session, notes, reader } = d;
  browser.runtime.onMessage.addListener((message: unknown) => {
    const parsed = v.safeParse(TabMessageSchema, message);
    if (ctx.isInvalid || !parsed.success) return undefined;
    const m = parsed.output;
    switch (m.type) {
      // The site switch, from the card or the popup (the settings are out of a content script's reach).
      // A note being written stays until the reader saves or closes it: only the underlines go.
      case 'siteEnabled':
        if (m.site === d.site) {
          card.dismiss();
          void session.setEnabled(m.enabled);
        }
        break;
      case 'mentionStep':
        void reader.step(m.direction);
        break;
      case 'notePassage':
        if (session.enabled) notes.editCurrentSelection();
        break;
      // The note editor (Backstory's own document in the card) was saved or closed.
      case 'noteEditor':
        card.editorDone(m.saved);
        if (m.saved) void notes.refresh().catch(() => undefined);
        break;
      case 'reveal':
        reader.reveal(m.entityId);
        break;
    }
    return undefined;
  });
}

/**
 * Single-page navigation: a new article, read afresh once it has rendered. The
 * event is an ordinary one on the page's window, which the page can dispatch
 * too: only a change of address that really happened is acted on. A note
 * being written is never thrown away: while the reader writes (a site that
 * changes its address as they scroll, a link to a heading), the new article
 * waits until the note is saved or closed.
 */
export function followNavigation(
  ctx: Pick<ContentScriptContext, 'addEventListener' | 'setTimeout'>,
  card: Pick<CardController, 'writing' | 'close'>,
  session: Pick<PageSession, 'enabled' | 'read'>,
): void {
  let readAt = location.href;
  let waiting = false;
  const check = () => {
    if (location.href === readAt || waiting) return;
    if (card.writing) {
      waiting = true;
      ctx.setTimeout(() => {
        waiting = false;
        check();
      }, 1000);
      return;
    }
    readAt = location.href;
    card.close();
    if (session.enabled) void session.read();
  };
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    ctx.setTimeout(check, 400);
  });
}
