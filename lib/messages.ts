import type { Selector } from './anchor/quote';
import type { MessageType, Request, RequestFields } from './contract';
import type { EntityType, PackAbout } from './factstore/schema';
import type { Mention } from './link/link-mentions';

/**
 * A failure the reader can act on, as a value: the page that shows it words it
 * in the reader's language (components/problem-text.ts).
 */
export type Problem = 'privateWindow' | 'tooManyNotes' | 'editorGone' | 'noRoom' | 'noteGone';

/**
 * A serialisable result, for calls that can fail in ways the caller shows: `error`
 * says what failed in English (for developers), `problem` what the reader is told.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; problem?: Problem };

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
  /** Asked with `notes`: the page's notes, and which of the names sent back have notes. */
  notes?: PageNotesAnswer;
}

/** A page's notes as it may know them: its own passages, and counts of notes on names found on it. */
export interface PageNotesAnswer {
  passages: PassageNote[];
  entityNotes: Record<string, number>;
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
  /** The source's own qualifier of the fact, in its words ("the US recognized Jerusalem as Israel’s capital in 2017, …"). */
  note?: string;
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
/**
 * What the background answers to each request (the requests themselves, their
 * fields and their callers, are defined once in `lib/contract.ts`).
 */
export interface Responses {
  scan: ScanResult;
  card: Result<EntityCard>;
  cardUi: Result<null>;
  tabEntities: { url: string; entities: TabEntity[] } | null;
  notesFor: PageNotesAnswer;
  saveNote: Result<{ id: string }>;
  openEditor: Result<null>;
  editorSave: Result<{ id: string }>;
  editorClose: Result<null>;
  noteAnchored: Result<null>;
  entityNotes: EntityNote[];
  notesForTab: { passages: PassageNote[]; entities: (EntityNote & { entity: EntityRef })[] } | null;
  relatedCoverage: RelatedItem[] | null;
  entityCoverage: Result<{ entity: TabEntity; stories: Story[] }>;
  openRelated: Result<{ opened: 'popup' | 'tab' }>;
  bundledPacks: PackSummary[];
  stats: StoreStats;
  siteEnabled: { enabled: boolean };
  setSiteEnabled: Result<{ site: string; enabled: boolean }>;
  historyChanged: Result<null>;
  packsChanged: Result<{ entities: number }>;
  setPackEnabled: Result<{ entities: number }>;
}

// Every request has an answer, and every answer a request.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyRequestAnswered: Same<keyof Responses, MessageType> = true;
void everyRequestAnswered;

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

export type { MessageType, Request };
export type Response<K extends MessageType> = Responses[K];
/** A refused request's answer (it fit no schema, or its sender may not send it). */
export interface Refused {
  ok: false;
  error: string;
}

/** Anything that can carry a message to the background: `browser.runtime` in production. */
export interface MessageChannel {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * Sends a typed request to the background and returns its typed answer, or
 * the refusal (a request the background does not accept, or one its sender
 * may not make).
 */
export async function call<K extends MessageType>(
  channel: MessageChannel,
  request: { type: K } & RequestFields<K>,
): Promise<Response<K>> {
  return (await channel.sendMessage(request)) as Response<K>;
}
