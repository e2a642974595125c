import { render } from 'preact';
import { CARD_CSS } from '../../components/card.css';
import { EntityCard } from '../../components/EntityCard';
import type { Painted } from '../../lib/dom/annotator';
import { CardHost, placeCard } from '../../lib/dom/card-host';
import type { EntityCard as Card, EntityRef } from '../../lib/messages';

export interface CardControllerOptions {
  doc: Document;
  fetchCard: (entityId: string) => Promise<Card | undefined>;
  onDisableSite: () => void;
  onOpenStories: (entityId: string) => void;
}

/**
 * The one card on the page: opens next to a painted name, follows it when
 * the page scrolls, closes when the name scrolls away. Opened from the
 * keyboard it takes focus, and gives it back when it closes.
 */
export class CardController {
  readonly host: CardHost;
  private open: { painted: Painted; keyboard: boolean } | undefined;
  private returnFocus: Element | null = null;
  private readonly cards = new Map<string, Card>();
  private generation = 0;

  constructor(private readonly o: CardControllerOptions) {
    this.host = new CardHost(CARD_CSS, o.doc);
  }

  get current(): Painted | undefined {
    return this.open?.painted;
  }

  async show(
    painted: Painted,
    options: { keyboard?: boolean; entityId?: string; reason?: string } = {},
  ): Promise<void> {
    const generation = ++this.generation;
    const entityId = options.entityId ?? painted.mention.entityId;
    let card = this.cards.get(entityId);
    if (!card) {
      card = await this.o.fetchCard(entityId);
      if (!card || generation !== this.generation) return;
      this.cards.set(entityId, card);
    }
    const keyboard = options.keyboard ?? this.open?.keyboard ?? false;
    if (keyboard && !this.open?.keyboard) {
      const active = this.o.doc.activeElement;
      this.returnFocus = active === this.host.host ? this.returnFocus : active;
    }
    this.open = { painted, keyboard };
    this.host.attach();
    const reason = options.reason ?? painted.mention.reason;
    render(
      <EntityCard
        card={card}
        reason={reason}
        focusable={keyboard}
        autoFocus={keyboard}
        onClose={() => this.close()}
        onOpenEntity={(ref: EntityRef) =>
          void this.show(painted, { entityId: ref.id, reason: `related to ${card?.name ?? ''}` })
        }
        onDisableSite={this.o.onDisableSite}
        onOpenStories={() => this.o.onOpenStories(entityId)}
      />,
      this.host.mount,
    );
    this.host.place(-10_000, -10_000); // lay out off-screen to measure
    this.reposition();
  }

  /** Keeps the card next to its name; closes it when the name has left the viewport. */
  reposition(): void {
    if (!this.open) return;
    const view = this.o.doc.defaultView as Window;
    const rect = this.open.painted.range.getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > view.innerHeight || (rect.width === 0 && rect.height === 0)) {
      this.close();
      return;
    }
    const spot = placeCard(rect, this.host.size(), { width: view.innerWidth, height: view.innerHeight });
    this.host.place(spot.left, spot.top, spot.maxHeight);
  }

  close(): void {
    if (!this.open) return;
    const keyboard = this.open.keyboard;
    this.open = undefined;
    this.generation++;
    this.host.hide();
    render(null, this.host.mount);
    if (keyboard && this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) this.returnFocus.focus();
    this.returnFocus = null;
  }

  remove(): void {
    this.close();
    this.host.remove();
  }
}
