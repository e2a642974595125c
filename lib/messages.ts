import type { Selector } from './anchor/quote';
import type { EntityType, PackAbout } from './factstore/schema';
import type { Mention } from './link/link-mentions';

/** A serialisable result, for calls that can fail in ways the caller shows. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** A mention as the content script paints it: the linked span plus its entity type. */
export interface PaintedMention extends Mention {
  type: EntityType;
  /** The entity comes from the reader's own packs: its underline is drawn out of the page's reach. */
  private?: boolean;
}

/**
 * The answer to a scan. The background, which keeps the reader's site
 * settings, answers `enabled: false` (and scans nothing) on a site where
 * Backstory is off, so a page never waits for a settings read.
 */
export interface ScanResult {
  enabled: boolean;
  mentions: PaintedMention[];
}

/** One source, as a card shows it. */
export interface CardSource {
  outlet: string;
  title?: string;
  date?: string;
  url?: string;
}

/** One dated fact with its source, as a card shows it. */
export interface CardFact {
  label: string;
  value: string;
  /** A date or a `from`–`to` span, as ISO-like strings (YYYY, YYYY-MM, YYYY-MM-DD). */
  date?: string;
  from?: string;
  to?: string;
  /** For an open-ended fact from data no longer updated: the date it was last confirmed ("as of Aug 2022"). */
  asOf?: string;
  source?: CardSource;
}

/** A reference to another entity: enough to show a chip. */
export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

/** Everything the hover card shows for one entity. */
export interface EntityCard {
  id: string;
  name: string;
  type: EntityType;
  description: string;
  /** A person's current role, when the store knows it. */
  role?: CardFact;
  facts: CardFact[];
  agreement?: {
    kind: string;
    parties: EntityRef[];
    signatories: EntityRef[];
    signed: { date: string; place?: EntityRef };
    status: string;
    reactions: { who: EntityRef; stance: string; date: string; summary: string; source?: CardSource }[];
  };
  related: EntityRef[];
  /** How many coverage items mention this entity. */
  relatedStories: number;
}

/** The entities on one tab, as the popup lists them. */
export interface TabEntity extends EntityRef {
  description: string;
  count: number;
}

/** The one contract between the content script, the popup and the background. */
export interface Protocol {
  /** Find and link mentions in an article's text. */
  scan(req: {
    url: string;
    title: string;
    text: string;
    lang?: string;
    /** The date the page says its article was published ("2015-03-18", "2015-03"). */
    date?: string;
    canonical?: string;
    part?: boolean;
    /** The most mentions to send back (the page paints only so many); all are counted for the popup. */
    limit?: number;
    /**
     * With `part`: text of the same page counted before that is now read again
     * or gone; its mentions come off the counts.
     */
    previous?: string;
  }): ScanResult;
  /** Everything the hover card shows for one entity. */
  card(req: { entityId: string }): Result<EntityCard>;
  /** The entities found on a tab, most mentioned first. */
  tabEntities(req: { tabId: number }): { url: string; entities: TabEntity[] } | null;
  /** The reader's notes that concern a page: on its passages, and (as counts) on the entities it names. */
  notesFor(req: { url: string; entityIds: string[] }): { passages: PassageNote[]; entityNotes: Record<string, number> };
  /** Saves a new note: on an entity, or on a passage of a page. Extension pages only. */
  saveNote(req: { draft: NoteDraftMessage }): Result<{ id: string }>;
  /**
   * A page's content script opens the note editor (a document of Backstory's
   * own, in the card) on an entity found on the page, or a passage of it.
   */
  openEditor(req: { target: NoteTarget }): Result<null>;
  /** The note editor in a tab saves the reader's text on what its page opened it for. The editor only. */
  editorSave(req: { body: string }): Result<{ id: string }>;
  /** The note editor in a tab was closed without saving. The editor only. */
  editorClose(req: Record<never, never>): Result<null>;
  /** Whether a passage note was found again on its page. */
  noteAnchored(req: { id: string; found: boolean }): Result<null>;
  /** The reader's notes on one entity, newest first. */
  entityNotes(req: { entityId: string }): EntityNote[];
  /** Notes that concern a tab: on its page's passages and on the entities it names. */
  notesForTab(req: {
    tabId: number;
  }): { passages: PassageNote[]; entities: (EntityNote & { entity: EntityRef })[] } | null;
  /** Articles related to a tab's page, ranked: from the packs' coverage and the reader's own reading. */
  relatedCoverage(req: { tabId: number }): RelatedItem[] | null;
  /** The stories (coverage items) about an entity, newest first. */
  entityCoverage(req: { entityId: string }): Result<{ entity: TabEntity; stories: Story[] }>;
  /** Opens the popup (or, where it cannot open, a tab) on the stories about an entity. */
  openRelated(req: { entityId: string }): Result<{ opened: 'popup' | 'tab' }>;
  /** The packs bundled with the extension. */
  bundledPacks(req: Record<never, never>): PackSummary[];
  /** How the background's fact store loaded: for the options page and the benchmarks. */
  stats(req: Record<never, never>): StoreStats;
  /**
   * Turns Backstory on or off for a site. From a content script, only for its
   * own tab's site (`site` is ignored); from an extension page, for `site`.
   */
  setSiteEnabled(req: { enabled: boolean; site?: string }): Result<{ site: string; enabled: boolean }>;
  /** Whether Backstory runs on a site (the popup's switch). Extension pages only. */
  siteEnabled(req: { site: string }): { enabled: boolean };
  /** The reader's history changed in the database (a visit forgotten, all cleared). Extension pages only. */
  historyChanged(req: Record<never, never>): Result<null>;
  /** The reader's packs changed in the database: reload them. Extension pages only. */
  packsChanged(req: Record<never, never>): Result<{ entities: number }>;
  /** Switches a bundled pack off (its names are not matched, its facts not shown) or on again. Extension pages only. */
  setPackEnabled(req: { packId: string; enabled: boolean }): Result<{ entities: number }>;
}

/** The background's fact store, in numbers. */
export interface StoreStats {
  entities: number;
  aliases: number;
  /** Milliseconds from the service worker's start until the bundled store was ready. */
  bundledReadyMs: number;
  /** Milliseconds from the service worker's start until the reader's packs were merged in. */
  readyMs: number | null;
  /** When each step of the cold start ended (begin, fetched, loaded, prepared), ms since the worker's start. */
  stages?: Record<string, number>;
}

/** A note on a passage, as the page and the popup need it. */
export interface PassageNote {
  id: string;
  body: string;
  selector: Selector[];
  orphaned: boolean;
}

/** A note on an entity, as the card shows it. */
export interface EntityNote {
  id: string;
  body: string;
  updatedAt: number;
}

/** What a note is about: an entity, or a passage of a page. */
export type NoteTarget = { entityId: string } | { url: string; pageTitle?: string; selector: Selector[] };

/** A note the reader is saving. */
export type NoteDraftMessage = NoteTarget & { body: string };

/** A related article, as the popup lists it. */
export interface RelatedItem {
  key: string;
  title?: string;
  outlet: string;
  date: string;
  url?: string;
  summary?: string;
  /** The reader read it (it comes from their history). */
  read: boolean;
  /** The entities it shares with the page, strongest first. */
  shared: EntityRef[];
}

/** A story about an entity, as the popup lists it. */
export interface Story {
  id: string;
  title?: string;
  outlet: string;
  date: string;
  url?: string;
  summary: string;
}

/** A pack as the options page lists it. */
export interface PackSummary {
  id: string;
  name: string;
  version: string;
  license: string;
  entities: number;
  /** Kind, region and the datasets behind a generated pack (with their licences and attribution). */
  about?: PackAbout;
  /** False when the reader switched the pack off. */
  enabled: boolean;
}

export type MessageType = keyof Protocol;
export type Request<K extends MessageType = MessageType> = K extends MessageType
  ? { type: K } & Parameters<Protocol[K]>[0]
  : never;
export type Response<K extends MessageType> = ReturnType<Protocol[K]>;

/** Anything that can carry a message to the background: `browser.runtime` in production. */
export interface MessageChannel {
  sendMessage(message: unknown): Promise<unknown>;
}

/** Sends a typed request to the background and returns its typed response. */
export async function call<K extends MessageType>(channel: MessageChannel, request: Request<K>): Promise<Response<K>> {
  return (await channel.sendMessage(request)) as Response<K>;
}
