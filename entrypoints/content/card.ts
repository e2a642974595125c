import { MARKS_CSS } from '../../components/card.css';
import type { Painted } from '../../lib/dom/annotator';
import { CardHost, placeCard } from '../../lib/dom/card-host';
import type { LinkReason } from '../../lib/link/reasons';
import type { EntityCard as Card, EntityNote, EntityRef, NoteTarget } from '../../lib/messages';
import { CARD_UI_KEY, type CardUi } from './card-ui-api';

/** Draws something in the card's mount with the card's code. */
export type Draw = (ui: CardUi, mount: HTMLElement, keyboard: boolean) => void;

export interface CardControllerOptions {
  doc: Document;
  fetchCard: (entityId: string) => Promise<Card | undefined>;
  fetchNotes: (entityId: string) => Promise<EntityNote[]>;
  /** Opens the note editor on an entity with the background; resolves with an error to show, or nothing. */
  openEditor: (target: NoteTarget) => Promise<string | undefined>;
  /** The address of the note editor, a document of Backstory's own. */
  editorUrl: string;
  onDisableSite: () => void;
  onOpenStories: (entityId: string) => void;
  /** The date the page says its article was published, if it says. */
  articleDate?: () => string | undefined;
  /**
   * Has the background run the card's code in this content script's world
   * (`entrypoints/card-ui.ts`); resolves whether it did.
   */
  loadUi: () => Promise<boolean>;
  /** The layer of the reader's private marks, which the host takes in when it is made. */
  marks?: HTMLElement;
}

/**
 * The one card on the page: opens next to a painted name (or a passage),
 * follows it when the page scrolls, closes when it scrolls away. Opened from
 * the keyboard it takes focus, and gives it back when it closes. Its code
 * (Preact, the components, the styles) is loaded when a card is first needed
 * (`load`): the content script that reads every page does not carry it.
 */
export class CardController {
  private made: CardHost | undefined;
  private open: { anchor: Range; painted?: Painted; keyboard: boolean } | undefined;
  private returnFocus: Element | null = null;
  private readonly cards = new Map<string, Card>();
  private generation = 0;
  /** What to do when the note editor open in the card is saved or closed. */
  private editing: ((saved: boolean) => void) | undefined;

  /** The card's code, once loaded. */
  private ui: CardUi | undefined;
  private loading: Promise<CardUi | undefined> | undefined;

  constructor(private readonly o: CardControllerOptions) {}

  /**
   * Backstory's one element on the page, made when first needed: on a page
   * read, once its text has gone to the background (index.tsx), so that the
   * first uses of the shadow root's interfaces fall in the wait for the
   * answer. Until the card's code is loaded it holds only the marks' styles.
   */
  get host(): CardHost {
    this.made ??= new CardHost(MARKS_CSS, this.o.doc, this.o.marks);
    return this.made;
  }

  /** Whether `node` is Backstory's own element, or inside it (never makes it). */
  owns(node: Node): boolean {
    const host = this.made?.host;
    return host !== undefined && (node === host || host.contains(node));
  }

  /**
   * The card's code, loaded into this world by the background the first time
   * a card is needed (or the reader first moves the pointer); tried again next
   * time if it could not be loaded.
   */
  load(): Promise<CardUi | undefined> {
    this.loading ??= (async () => {
      const start = performance.now();
      try {
        const ran = await this.o.loadUi();
        const ui = ran ? (globalThis as { [CARD_UI_KEY]?: CardUi })[CARD_UI_KEY] : undefined;
        if (!ui) throw new Error('the card’s code did not load');
        this.host.adopt(ui.css);
        // The card speaks the reader's language, whatever the page's (screen readers, hyphenation).
        this.host.mount.lang = ui.lang;
        this.ui = ui;
        // How long the card's code took to arrive, for `npm run bench:page`: in the test build
        // only (the page can read User Timing entries).
        if (import.meta.env.MODE === 'e2e') performance.measure('backstory-card-code', { start });
        return ui;
      } catch {
        // Tried again when a card is next needed.
        this.loading = undefined;
        return undefined;
      }
    })();
    return this.loading;
  }

  /** The painted name whose card is open, if a name's card is open. */
  get current(): Painted | undefined {
    return this.open?.painted;
  }

  /** Whether a note is being written in the card (it then stays open until saved or closed). */
  get writing(): boolean {
    return this.editing !== undefined;
  }

  get isOpen(): boolean {
    return this.open !== undefined;
  }

  async show(
    painted: Painted,
    options: { keyboard?: boolean; entityId?: string; reason?: LinkReason } = {},
  ): Promise<void> {
    if (this.writing) return;
    const generation = ++this.generation;
    const entityId = options.entityId ?? painted.mention.entityId;
    const loaded = this.load();
    let card = this.cards.get(entityId);
    const notesPromise = this.o.fetchNotes(entityId).catch(() => []);
    if (!card) {
      card = await this.o.fetchCard(entityId);
      if (!card || generation !== this.generation) return;
      this.cards.set(entityId, card);
    }
    const notes = await notesPromise;
    const ui = await loaded;
    if (!ui || generation !== this.generation) return;
    const reason = options.reason ?? painted.mention.reason;
    const shown = card;
    const draw = (list: EntityNote[], writing = false, noteError?: string) => {
      this.place(
        ui,
        painted.range,
        (ui, mount, keyboard) =>
          ui.entity(mount, {
            card: shown,
            reason,
            articleDate: this.o.articleDate?.(),
            keyboard,
            notes: list,
            noteError,
            editor: writing ? { src: this.o.editorUrl, onGone: () => this.close() } : undefined,
            onAddNote: async () => {
              const problem = await this.o.openEditor({ entityId });
              if (generation === this.generation) draw(list, !problem, problem);
            },
            onClose: () => this.close(),
            onOpenEntity: (ref: EntityRef) =>
              void this.show(painted, { entityId: ref.id, reason: { why: 'related', name: shown.name } }),
            onDisableSite: this.o.onDisableSite,
            onOpenStories: () => this.o.onOpenStories(entityId),
          }),
        { keyboard: options.keyboard, painted },
      );
      if (writing)
        this.editing = async (saved) => {
          const fresh = saved ? await this.o.fetchNotes(entityId).catch(() => list) : list;
          if (generation === this.generation) draw(fresh);
        };
    };
    draw(notes);
  }

  /** Opens `draw`'s content in the card with the note editor in it; `done` runs when it is saved or closed. */
  async editor(anchor: Range, draw: Draw, done: (saved: boolean) => void): Promise<void> {
    if (await this.panel(anchor, draw, { keyboard: true })) this.editing = done;
  }

  /** The note editor was saved (or closed without saving): the background says so. */
  editorDone(saved: boolean): void {
    const done = this.editing;
    this.editing = undefined;
    done?.(saved);
  }

  /**
   * Shows what `draw` draws in the card's place, next to `anchor`, once the
   * card's code is loaded; resolves whether it did (not if the card was
   * opened or closed meanwhile). A note being written is never replaced:
   * nothing else is shown until it is saved or closed.
   */
  async panel(
    anchor: Range,
    draw: Draw,
    options: { keyboard?: boolean | undefined; painted?: Painted } = {},
  ): Promise<boolean> {
    const generation = this.generation;
    const ui = await this.load();
    if (!ui || generation !== this.generation) return false;
    return this.place(ui, anchor, draw, options);
  }

  private place(
    ui: CardUi,
    anchor: Range,
    draw: Draw,
    options: { keyboard?: boolean | undefined; painted?: Painted } = {},
  ): boolean {
    if (this.writing) return false;
    const keyboard = options.keyboard ?? this.open?.keyboard ?? false;
    if (keyboard && !this.open?.keyboard) {
      const active = this.o.doc.activeElement;
      this.returnFocus = active === this.host.host ? this.returnFocus : active;
    }
    this.open = { anchor, keyboard, ...(options.painted ? { painted: options.painted } : {}) };
    this.editing = undefined;
    this.host.attach();
    draw(ui, this.host.mount, keyboard);
    this.host.place(-10_000, -10_000); // lay out off-screen to measure
    this.reposition();
    return true;
  }

  /** Keeps the card next to its anchor; closes it when the anchor has left the viewport. */
  reposition(): void {
    if (!this.open) return;
    const view = this.o.doc.defaultView as Window;
    const rect = this.open.anchor.getBoundingClientRect();
    if (rect.bottom < 0 || rect.top > view.innerHeight || (rect.width === 0 && rect.height === 0)) {
      this.dismiss();
      return;
    }
    const spot = placeCard(rect, this.host.size(), { width: view.innerWidth, height: view.innerHeight });
    this.host.place(spot.left, spot.top, spot.maxHeight);
  }

  /** Closes the card as the pointer or the page move away from it, unless a note is being written in it. */
  dismiss(): void {
    if (!this.writing) this.close();
  }

  close(): void {
    // Also what is still on its way (a card or an offer waiting for the card's code) is not shown.
    this.generation++;
    if (!this.open) return;
    const keyboard = this.open.keyboard;
    this.open = undefined;
    this.editing = undefined;
    this.host.hide();
    this.ui?.clear(this.host.mount);
    if (keyboard && this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) this.returnFocus.focus();
    this.returnFocus = null;
  }

  remove(): void {
    this.close();
    this.made?.remove();
  }
}
