import type { Note, Visit } from '../../db';
import type { MessageType, NoteTarget, Request, Response } from '../../messages';
import type { Saved } from '../../notes/notes';

/** Who sent a message: the content script of a tab, or one of Backstory's own pages. */
export interface Sender {
  tabId?: number;
  /** The URL of the sender's page (a content script's tab, or an extension page). */
  url?: string;
  /** True only for the extension's own pages (popup, options, notes, the note editor framed in a page's card), never for a content script. */
  extensionPage?: boolean;
  /** The sender's tab is in a private (incognito) window: nothing of it is kept. */
  incognito?: boolean;
}

/** The background's answer to every request of the contract (`lib/contract.ts`, `lib/messages.ts`). */
export type Handlers = {
  [K in MessageType]: (req: Request<K>, sender: Sender) => Promise<Response<K>>;
};

/**
 * The answers to some of the contract's requests: each part of the background
 * answers its own, and `createHandlers` joins the parts into `Handlers`, so a
 * request no part answers fails the typecheck.
 */
export type HandlersFor<K extends MessageType> = Pick<Handlers, K>;

/** The notes operations the background needs; lib/notes on Dexie in the browser. */
export interface NotesStore {
  onPage(url: string): Promise<Note[]>;
  onEntities(entityIds: readonly string[]): Promise<Note[]>;
  save(note: Note): Promise<Saved>;
  setOrphaned(id: string, orphaned: boolean): Promise<void>;
  get(id: string): Promise<Note | undefined>;
}

/**
 * What each tab's open note editor is about (one per tab): set by the page's
 * content script, read when the editor, a document of Backstory's own, saves.
 * Kept in `storage.session` in the browser, so a worker stopped while the
 * reader types still knows.
 */
export interface NoteEditors {
  get(tabId: number): Promise<NoteTarget | undefined>;
  set(tabId: number, target: NoteTarget): Promise<void>;
  delete(tabId: number): Promise<void>;
}

/**
 * What the background does beyond answering from the store: the database, the
 * settings, the session and the browser, given by `entrypoints/background.ts`
 * (and by `tests/fixtures/background-hooks.ts`, in memory, to the tests). Every
 * one is required, so that no answer depends on which of them a caller passed.
 */
export interface BackgroundHooks {
  /** Reloads the reader's packs into the store; resolves with the number of entities. */
  reloadPacks(): Promise<number>;
  /** Remembers that a pack is switched off (or on), and reloads the store; resolves with the number of entities. */
  setPackEnabled(packId: string, enabled: boolean): Promise<number>;
  /** When the store became ready, in ms since the worker started. */
  timings(): { bundledReadyMs: number; readyMs: number | null; stages?: Record<string, number> };
  /** The reader's history or its settings changed (from the options page). */
  historyChanged(): void;
  /** Remembers whether Backstory runs on a site. */
  setSiteEnabled(site: string, enabled: boolean): Promise<void>;
  /** Whether Backstory runs on a site (from memory: it is asked on every scan). */
  isSiteEnabled(site: string): Promise<boolean>;
  /** Remembers that the reader read an article (unless their history is paused). */
  recordVisit(visit: { url: string; title: string; site: string; entityIds: string[] }): Promise<void>;
  /** The reader's visits that mention any of these entities. */
  visitsMentioning(entityIds: string[]): Promise<Visit[]>;
  /** Today, as YYYY-MM-DD (how old a related story is). */
  today(): string;
  /** The reader's notes (the background and extension pages own the database). */
  notes: NotesStore;
  /** What each tab's open note editor is about. */
  editors: NoteEditors;
  /** Tells a tab's top-frame content script something (the note editor was saved or closed). */
  tellTab(tabId: number, message: { type: 'noteEditor'; saved: boolean }): void;
  /** Opens the popup on an entity's stories, or a tab where the popup cannot open. */
  openRelated(entityId: string, tabId: number | undefined): Promise<'popup' | 'tab'>;
  /** Runs the card's code (`card-ui.js`) in a tab's top-frame content script's world. */
  injectCardUi(tabId: number): Promise<void>;
}
