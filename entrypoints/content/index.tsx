import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CARD_CSS } from '../../components/card.css';
import { EntityCard } from '../../components/EntityCard';
import { CardHost, placeCard } from '../../lib/dom/card-host';
import { collectText, findArticleRoot } from '../../lib/dom/collect-text';
import { pageHighlightEnv, paint } from '../../lib/dom/highlights';
import { HoverIntent } from '../../lib/dom/hover';
import { toRange } from '../../lib/dom/to-ranges';
import type { EntityType } from '../../lib/factstore/schema';
import { type EntityCard as Card, call, type PaintedMention } from '../../lib/messages';
import { NEWS_SITE_MATCHES } from '../../lib/sites';

export default defineContentScript({
  matches: [...NEWS_SITE_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    const highlights = pageHighlightEnv(window);
    if (!highlights) return; // no CSS Custom Highlight API: nothing we can paint without touching the page

    const map = collectText(findArticleRoot(document));
    if (map.text.trim().length === 0) return;
    const mentions = await call(browser.runtime, {
      type: 'scan',
      url: location.href,
      title: document.title,
      text: map.text,
      lang: document.documentElement.lang || undefined,
    });
    if (!Array.isArray(mentions) || ctx.isInvalid) return;

    const painted: { mention: PaintedMention; range: Range }[] = [];
    const byType = new Map<EntityType, Range[]>();
    for (const mention of mentions) {
      const range = toRange(map, mention.start, mention.end);
      if (!range) continue;
      painted.push({ mention, range });
      const list = byType.get(mention.type) ?? [];
      list.push(range);
      byType.set(mention.type, list);
    }
    const names = paint(highlights, byType);
    ctx.onInvalidated(() => {
      for (const name of names) highlights.highlights.delete(name);
    });

    const host = new CardHost(CARD_CSS, document);
    ctx.onInvalidated(() => host.remove());
    const cards = new Map<string, Card>();
    let anchor: Range | undefined;

    const show = async (entityId: string, reason: string | undefined, range: Range) => {
      let card = cards.get(entityId);
      if (!card) {
        const res = await call(browser.runtime, { type: 'card', entityId });
        if (!res.ok) return;
        card = res.value;
        cards.set(entityId, card);
      }
      anchor = range;
      host.attach();
      render(
        <EntityCard
          card={card}
          {...(reason ? { reason } : {})}
          onClose={() => hover.close()}
          onOpenEntity={(ref) => void show(ref.id, `related to ${card?.name ?? ''}`, range)}
        />,
        host.mount,
      );
      host.place(-10_000, -10_000); // lay out off-screen to measure
      const rect = range.getBoundingClientRect();
      const spot = placeCard(rect, host.size(), { width: window.innerWidth, height: window.innerHeight });
      host.place(spot.left, spot.top, spot.maxHeight);
    };

    const hide = () => {
      anchor = undefined;
      host.hide();
    };

    const hover = new HoverIntent({
      doc: document,
      ranges: () => painted.map((p) => p.range),
      isOnCard: (event) => event.composedPath().includes(host.host),
      onOpen: (index) => {
        const p = painted[index];
        if (p) void show(p.mention.entityId, p.mention.reason, p.range);
      },
      onClose: hide,
    });
    hover.listen(ctx.signal);

    ctx.addEventListener(document, 'keydown', (event) => {
      if (event.key === 'Escape' && hover.current >= 0) hover.close();
    });
    // A card that stays put while the name scrolls away is wrong: close it.
    ctx.addEventListener(
      window,
      'scroll',
      () => {
        if (anchor) hover.close();
      },
      { passive: true },
    );
  },
});
