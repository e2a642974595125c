import { type ComponentChildren, render } from 'preact';
import { i18n } from '#i18n';
import { CARD_CSS } from '../../components/card.css';
import { EntityCard } from '../../components/EntityCard';
import type { Painted } from '../../lib/dom/annotator';
import { CardHost, placeCard } from '../../lib/dom/card-host';
import { readerLocale } from '../../lib/i18n/locale';
import type { LinkReason } from '../../lib/link/reasons';
import type { EntityCard as Card, EntityNote, EntityRef, NoteTarget } from '../../lib/messages';

/**
 * The note editor in the card: a document of Backstory's own origin, so the
 * keys, input, paste and composition of what the reader types raise events
 * there, never in the page. It takes focus when it has loaded.
 */
export function NoteFrame({ src, onGone }: { src: string; onGone: () => void }) {
  return (
    <iframe
      class="note-frame"
      src={src}
      title={i18n.t('common.yourNote')}
      onLoad={(e) => {
        const frame = e.currentTarget as HTMLIFrameElement;
        // Loaded once. A second load is another document (a page that navigated the frame
        // to a look-alike of its own): it goes, and the editor with it.
        if (frame.dataset.loaded) {
          frame.remove();
          onGone();
          return;
        }
        frame.dataset.loaded = 'yes';
        // In view inside the card's own scroll box (never by scrolling the page), then focused.
        const box = frame.closest('.card');
        if (box) {
          const below = frame.getBoundingClientRect().bottom - box.getBoundingClientRect().bottom;
          if (below > 0) box.scrollTop += below + 8;
        }
        frame.focus();
      }}
    />
  );
}

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
}

/**
 * The one card on the page: opens next to a painted name (or a passage),
 * follows it when the page scrolls, closes when it scrolls away. Opened from
 * the keyboard it takes focus, and gives it back when it closes.
 */
export class CardController {
  readonly host: CardHost;
  private open: { anchor: Range; painted?: Painted; keyboard: boolean } | undefined;
  private returnFocus: Element | null = null;
  private readonly cards = new Map<string, Card>();
  private generation = 0;
  /** What to do when the note editor open in the card is saved or closed. */
  private editing: ((saved: boolean) => void) | undefined;

  constructor(private readonly o: CardControllerOptions) {
    this.host = new CardHost(CARD_CSS, o.doc);
    // The card speaks the reader's language, whatever the page's (screen readers, hyphenation).
    this.host.mount.lang = readerLocale();
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
    let card = this.cards.get(entityId);
    const notesPromise = this.o.fetchNotes(entityId).catch(() => []);
    if (!card) {
      card = await this.o.fetchCard(entityId);
      if (!card || generation !== this.generation) return;
      this.cards.set(entityId, card);
    }
    const notes = await notesPromise;
    if (generation !== this.generation) return;
    const reason = options.reason ?? painted.mention.reason;
    const shown = card;
    const draw = (list: EntityNote[], writing = false, noteError?: string) => {
      this.panel(
        painted.range,
        (keyboard) => (
          <EntityCard
            card={shown}
            reason={reason}
            articleDate={this.o.articleDate?.()}
            focusable={keyboard}
            autoFocus={keyboard}
            notes={list}
            noteError={noteError}
            noteEditor={writing ? <NoteFrame src={this.o.editorUrl} onGone={() => this.close()} /> : undefined}
            onAddNote={async () => {
              const problem = await this.o.openEditor({ entityId });
              if (generation === this.generation) draw(list, !problem, problem);
            }}
            onClose={() => this.close()}
            onOpenEntity={(ref: EntityRef) =>
              void this.show(painted, { entityId: ref.id, reason: { why: 'related', name: shown.name } })
            }
            onDisableSite={this.o.onDisableSite}
            onOpenStories={() => this.o.onOpenStories(entityId)}
          />
        ),
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

  /** Opens `content` in the card with the note editor in it; `done` runs when it is saved or closed. */
  editor(anchor: Range, content: (keyboard: boolean) => ComponentChildren, done: (saved: boolean) => void): void {
    if (this.panel(anchor, content, { keyboard: true })) this.editing = done;
  }

  /** The note editor was saved (or closed without saving): the background says so. */
  editorDone(saved: boolean): void {
    const done = this.editing;
    this.editing = undefined;
    done?.(saved);
  }

  /**
   * Shows any content in the card's place, next to `anchor`; resolves whether it
   * did. A note being written is never replaced: nothing else is shown until it
   * is saved or closed.
   */
  panel(
    anchor: Range,
    content: (keyboard: boolean) => ComponentChildren,
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
    render(<>{content(keyboard)}</>, this.host.mount);
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
    if (!this.open) return;
    const keyboard = this.open.keyboard;
    this.open = undefined;
    this.editing = undefined;
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
