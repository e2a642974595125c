import './style.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Annotator } from '../../lib/dom/annotator';
import { findArticleRoot } from '../../lib/dom/article-root';
import { Painter, pageHighlightEnv } from '../../lib/dom/highlights';
import { PageSession } from '../../lib/dom/page-session';
import { watchPage } from '../../lib/dom/page-watch';
import { PrivateMarks, PrivateNames } from '../../lib/dom/private-marks';
import { call } from '../../lib/messages';
import { NEWS_SITES_PLACEHOLDER } from '../../lib/news-sites-placeholder';
import { siteOf } from '../../lib/site-settings';
import { CardController } from './card';
import { PageNotes } from './notes';
import { followNavigation, listenToExtension, listenToReader } from './reader';
import { backgroundChannels, canonicalUrl, pageScan, publishedDate } from './scan';
import { ignoreForgedStarts } from './start-guard';

export default defineContentScript({
  // The manifest's list of news sites is put in its place at build (wxt.config.ts).
  matches: [NEWS_SITES_PLACEHOLDER],
  runAt: 'document_idle',
  // WXT announces a new copy of the script to the page with a postMessage that
  // names the extension's id; the page has no business knowing it.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    ignoreForgedStarts(ctx);
    // User Timing marks: visible in the browser's performance tools, and read by `npm run bench:page`.
    performance.mark('backstory-start');
    const env = pageHighlightEnv(window);
    if (!env) return; // no CSS Custom Highlight API: nothing we can paint without touching the page
    const site = siteOf(location.href);
    const painter = new Painter(env);
    const { runtime, channel, connect } = backgroundChannels(ctx);
    if (site !== undefined) connect(); // on a page it reads, opened while the article is collected
    const published = publishedDate();
    const layer = document.createElement('div'); // the private marks' (CardControllerOptions.marks)
    const scan = pageScan(channel, {
      isInvalid: () => ctx.isInvalid,
      published,
      off: () => {
        session.enabled = false;
      },
      notes: (answer, mentions) => notes.early(answer, mentions),
      // Backstory's element is on every page read (its arrival with a private mark would say where one is).
      sent: () => site !== undefined && card.host.attach(),
    });
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
      loadUi: async () => (await call(channel, { type: 'cardUi' }))?.ok === true,
      marks: layer,
    });
    // The page shares the highlight registry: if it takes or alters Backstory's
    // highlights, they are painted again (checked every two seconds: a few lookups).
    ctx.setInterval(() => {
      if (session.enabled && painter.tampered())
        painter.repaint(
          annotator.painted.map((p) => ({ type: p.mention.type, range: p.range, mine: p.mention.private === true })),
        );
    }, 2000);
    // The reader's marks (noted passages, names with notes, names of their own packs): in the
    // card's closed shadow root, on the page from the start on every page read (its arrival
    // with the first private mark would tell the page where one is).
    const marks = new PrivateMarks(layer, () => card.host.attach());
    marks.listen(ctx.signal);
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
          isOwn: (node) => card.owns(node),
          signal: ctx.signal,
          onChange,
        }),
      isInvalid: () => ctx.isInvalid,
    });
    // The whole article read and painted, with the reader's notes.
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
    const reader = listenToReader({ ctx, annotator, painter, marks, card, notes, session });

    followNavigation(ctx, card, session);

    // What the background and the popup tell this page (lib/tab-messages.ts).
    listenToExtension({ ctx, site, card, session, notes, reader });
  },
});
