import './style.css';
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Annotator, type Painted } from '../../lib/dom/annotator';
import { articleDate } from '../../lib/dom/article-date';
import { findArticleRoot } from '../../lib/dom/collect-text';
import { Painter, pageHighlightEnv } from '../../lib/dom/highlights';
import { HoverIntent } from '../../lib/dom/hover';
import { PageSession } from '../../lib/dom/page-session';
import { watchPage } from '../../lib/dom/page-watch';
import { PrivateMarks, PrivateNames } from '../../lib/dom/private-marks';
import { call, type MessageChannel, type PaintedMention } from '../../lib/messages';
import { PORT_NAME, portChannel } from '../../lib/port-channel';
import { siteOf } from '../../lib/site-settings';
import { NEWS_SITE_MATCHES } from '../../lib/sites';
import { TabMessageSchema } from '../../lib/tab-messages';
import { CardController } from './card';
import { PageNotes } from './notes';

/** The page's canonical URL, when it declares an http(s) one. */
function canonicalUrl(): string | undefined {
  const href = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return href && /^https?:/.test(href) ? href : undefined;
}

/**
 * How many times this script started in this frame's isolated world: the
 * page cannot reach this global (nor forge it), while a second copy of the
 * script injected into the same world counts up.
 */
const WORLD = globalThis as { __backstoryStarted?: number };
WORLD.__backstoryStarted = (WORLD.__backstoryStarted ?? 0) + 1;

export default defineContentScript({
  matches: [...NEWS_SITE_MATCHES],
  runAt: 'document_idle',
  // WXT announces a new copy of the script to the page with a postMessage that
  // names the extension's id; the page has no business knowing it.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // WXT stops this copy when a newer one announces itself with an event on the
    // document, which a page can forge to take every underline off. A real newer
    // copy either runs in this world (the count went up) or this one's extension
    // context is gone (reloaded or updated); any other announcement is the page's.
    const started = WORLD.__backstoryStarted;
    ctx.addEventListener(
      window,
      // (WXT's own name for the event; private in its types.)
      (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
        .SCRIPT_STARTED_MESSAGE_TYPE as keyof WindowEventMap,
      (event) => {
        const newer = (WORLD.__backstoryStarted ?? 0) > (started ?? 0);
        if (!newer && browser.runtime?.id) event.stopImmediatePropagation();
      },
      { capture: true },
    );
    // User Timing marks: visible in the browser's performance tools, and read by `npm run bench:page`.
    performance.mark('backstory-start');
    const env = pageHighlightEnv(window);
    if (!env) return; // no CSS Custom Highlight API: nothing we can paint without touching the page
    const site = siteOf(location.href);
    const painter = new Painter(env);
    // Every request goes through a guard: once the extension is reloaded or
    // removed, this old instance stops asking (and cleans up) instead of
    // throwing "Extension context invalidated" into the page's console.
    const guard = (inner: MessageChannel): MessageChannel => ({
      async sendMessage(message) {
        if (ctx.isInvalid) return undefined;
        try {
          return await inner.sendMessage(message);
        } catch (error) {
          if (ctx.isInvalid) return undefined;
          throw error;
        }
      },
    });
    const runtime = guard(browser.runtime);
    const channel = guard(portChannel(() => browser.runtime.connect({ name: PORT_NAME }), browser.runtime));
    // The article's date, read once per address (a single-page site's next article has its own).
    let dated: { url: string; date: string | undefined } | undefined;
    const published = () => {
      if (dated?.url !== location.href) dated = { url: location.href, date: articleDate(document, location.href) };
      return dated.date;
    };
    const scan = async (
      text: string,
      part: boolean,
      limit: number,
      previous?: string,
    ): Promise<PaintedMention[] | null> => {
      if (ctx.isInvalid) return null;
      const canonical = canonicalUrl();
      const date = published();
      const res = await call(channel, {
        type: 'scan',
        url: location.href,
        title: document.title,
        text,
        limit,
        ...(part ? { part: true } : {}),
        ...(previous ? { previous } : {}),
        ...(document.documentElement.lang ? { lang: document.documentElement.lang } : {}),
        ...(date ? { date } : {}),
        ...(canonical ? { canonical } : {}),
      });
      if (!res || typeof res !== 'object' || !Array.isArray(res.mentions)) return null;
      // The background answers `enabled: false` where the reader turned Backstory off. (Only
      // the reader's switch turns it on again: a late answer does not undo a switch-off.)
      if (!res.enabled) session.enabled = false;
      return res.enabled ? res.mentions : null;
    };
    const annotator = new Annotator(painter, scan);
    const editorUrl = browser.runtime.getURL('/note-editor.html');
    const card = new CardController({
      doc: document,
      articleDate: published,
      fetchCard: async (entityId) => {
        const res = await call(channel, { type: 'card', entityId });
        return res?.ok ? res.value : undefined;
      },
      fetchNotes: async (entityId) => {
        const res = await call(channel, { type: 'entityNotes', entityId });
        return Array.isArray(res) ? res : [];
      },
      openEditor: (target): Promise<string | undefined> => notes.openEditor(target),
      editorUrl,
      onDisableSite: () => void call(runtime, { type: 'setSiteEnabled', enabled: false }),
      onOpenStories: (entityId) => void call(runtime, { type: 'openRelated', entityId }),
    });
    // The page shares the highlight registry: if it takes or alters Backstory's
    // highlights, they are painted again (checked every two seconds: a few lookups).
    ctx.setInterval(() => {
      if (session.enabled && painter.tampered())
        painter.repaint(
          annotator.painted.map((p) => ({ type: p.mention.type, range: p.range, mine: p.mention.private === true })),
        );
    }, 2000);
    // The reader's marks (noted passages, names with notes): in the card's closed shadow root.
    const marks = new PrivateMarks(card.host.marks, () => card.host.attach());
    // On the page from the start, on every page read: its arrival later (with the first private
    // mark) would tell the page which paragraph holds a name of the reader's packs or notes.
    if (site !== undefined) card.host.attach();
    marks.listen(ctx.signal);
    // Names known only from the reader's own packs are underlined there too.
    painter.privately = new PrivateNames(marks);
    const notes = new PageNotes({
      doc: document,
      channel,
      annotator,
      marks,
      card,
      pageUrl: () => canonicalUrl() ?? location.href,
      editorUrl,
    });
    // Hover over names, then over noted passages (a name inside a passage wins).
    const hover = new HoverIntent({
      doc: document,
      ranges: () => [...annotator.painted.map((p) => p.range), ...notes.passages.map((p) => p.range)],
      isOnCard: (event) => event.composedPath().includes(card.host.host),
      onOpen: (range) => {
        // A note being written is never replaced by another card.
        if (card.writing) return;
        const p = annotator.painted.find((m) => m.range === range);
        if (p) void card.show(p, { keyboard: false });
        else notes.showNoteFor(range);
      },
      // A card with a note being written stays until the reader saves or closes it.
      onClose: () => {
        if (!card.writing) card.close();
      },
    });
    ctx.onInvalidated(() => {
      card.remove();
      annotator.clear();
      marks.clear();
    });

    // The reading session: the article, then the living page as it changes (lib/dom/page-session.ts).
    const session = new PageSession({
      annotator,
      marks,
      notes,
      articleRoot: () => findArticleRoot(document),
      watch: (onChange) =>
        void watchPage(document, {
          isOwn: (node) => node === card.host.host || card.host.host.contains(node),
          signal: ctx.signal,
          onChange,
        }),
      isInvalid: () => ctx.isInvalid,
    });
    // The whole article read and painted, with the reader's notes (changes
    // the page made meanwhile are read after this, as later changes are).
    const markPainted = () => {
      if (!ctx.isInvalid) performance.measure('backstory-first-paint', 'backstory-start');
    };
    if (site !== undefined) await session.read(markPainted);
    else {
      session.enabled = false;
      session.startWatching();
      markPainted();
    }
    if (ctx.isInvalid) return;

    hover.listen(ctx.signal);

    // Single-page navigation: a new article, read afresh once it has rendered. The event
    // is an ordinary one on the page's window, which the page can dispatch too: only a
    // change of address that really happened is acted on.
    let readAt = location.href;
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(() => {
        if (location.href === readAt) return;
        readAt = location.href;
        card.close();
        if (session.enabled) void session.read();
      }, 400);
    });

    // From the popup: show where an entity is first named, with a brief flash.
    const reveal = (entityId: string) => {
      const first = annotator.painted.find((p) => p.mention.entityId === entityId);
      if (!first) return;
      first.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (first.mention.private) {
        marks.set('flash', [first.range]);
        ctx.setTimeout(() => marks.set('flash', []), 1600);
      } else painter.flash(first.range);
    };

    // Keyboard: the manifest's commands reach us through the background.
    const step = async (direction: 1 | -1) => {
      const list = annotator.painted;
      if (list.length === 0) return;
      const current = card.current ? list.indexOf(card.current) : -1;
      const next =
        current === -1 ? (direction === 1 ? 0 : list.length - 1) : (current + direction + list.length) % list.length;
      const target = list[next] as Painted;
      target.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      hover.setOpen(target.range);
      await card.show(target, { keyboard: true });
    };
    // Messages from the background or the popup (only the extension reaches this listener),
    // checked against the contract (lib/contract.ts).
    browser.runtime.onMessage.addListener((message: unknown) => {
      const parsed = v.safeParse(TabMessageSchema, message);
      if (ctx.isInvalid || !parsed.success) return undefined;
      const m = parsed.output;
      switch (m.type) {
        // The site switch, from the card or the popup, applies at once: the background tells
        // this site's tabs (the settings themselves are out of a content script's reach).
        case 'siteEnabled':
          if (m.site === site) {
            card.close();
            void session.setEnabled(m.enabled);
          }
          break;
        case 'mentionStep':
          void step(m.direction);
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
          reveal(m.entityId);
          break;
      }
      return undefined;
    });
    ctx.addEventListener(
      document,
      'keydown',
      (event) => {
        // (The reader's own key: a page's made-up Escape does not close a note being written.)
        if (event.key === 'Escape' && event.isTrusted && card.isOpen) {
          hover.close();
          card.close();
        }
      },
      { capture: true },
    );
    // A selection in the article offers a note on it.
    ctx.addEventListener(document, 'mouseup', (event) => {
      // (The reader's own mouse only: a page's script cannot make the offer appear.)
      if (!session.enabled || !event.isTrusted || (event as MouseEvent).composedPath().includes(card.host.host)) return;
      ctx.setTimeout(() => {
        if (!card.writing && (!card.isOpen || !card.current)) notes.offerForSelection();
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
  },
});
