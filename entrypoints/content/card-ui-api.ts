import type { LinkReason } from '../../lib/link/reasons';
import type { EntityCard as Card, EntityNote, EntityRef } from '../../lib/messages';

/** The note editor in a card: its address, and what to do if the frame is taken over. */
export interface EditorFrame {
  src: string;
  onGone: () => void;
}

/** What an entity's card shows, and what its buttons do. */
export interface EntityPanel {
  card: Card;
  reason: LinkReason | undefined;
  articleDate: string | undefined;
  /** Opened from the keyboard: the card takes focus, and its controls are in the tab order. */
  keyboard: boolean;
  notes: EntityNote[];
  noteError?: string | undefined;
  /** The note editor, open in the card. */
  editor?: EditorFrame | undefined;
  onAddNote: () => void;
  onClose: () => void;
  onOpenEntity: (ref: EntityRef) => void;
  onDisableSite: () => void;
  onOpenStories: () => void;
}

/**
 * The card's code: Preact, the card's components and its styles. The content
 * script that reads every page does not carry it; it is loaded into the
 * content script's world when a card is first needed (`entrypoints/card-ui.ts`,
 * injected by the background), and draws into the card's mount in the closed
 * shadow root.
 */
export interface CardUi {
  /** The card's styles, added to the shadow root. */
  css: string;
  /** The reader's language, which the card speaks whatever the page's. */
  lang: string;
  entity(mount: HTMLElement, p: EntityPanel): void;
  /** The small "Note this passage" button next to a selection. */
  noteOffer(mount: HTMLElement, p: { onAdd: () => void }): void;
  /** The reader's note on a painted passage, shown on hover. */
  passageNote(mount: HTMLElement, p: { quote: string; body: string }): void;
  /** A new note on a passage: the quote, and the editor or why it could not open. */
  passageEditor(mount: HTMLElement, p: { quote: string; problem?: string | undefined; editor: EditorFrame }): void;
  clear(mount: HTMLElement): void;
}

/** The name under which the card's code waits in the content script's world (never the page's). */
export const CARD_UI_KEY = '__backstoryCardUi';
