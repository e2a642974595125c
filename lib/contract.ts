import * as v from 'valibot';
import { SelectorSchema } from './anchor/selector-schema';

/**
 * The one message contract, both directions. Each request to the background
 * is defined once here: its fields (a valibot schema, from which its type is
 * inferred) and who may send it. Its answer's type is in `lib/messages.ts`
 * (`Responses`). Messages the background (or the popup) sends to a page's
 * content script are defined here too, and parsed there with the same schema.
 */

/** The largest article text the background accepts in one scan (characters). */
export const MAX_SCAN_CHARS = 2_000_000;
/** The longest note (characters). */
export const MAX_NOTE_CHARS = 20_000;

/**
 * Who may send a request: `extension` — only Backstory's own pages (popup,
 * options, notes, the note editor); `page` — also the top frame's content
 * script of a tab, answered only about that tab's page (its address as the
 * browser knows it now, the names found on it).
 */
export type Callers = 'extension' | 'page';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = text(200);
const tabId = v.pipe(v.number(), v.integer());
const NoteBody = v.pipe(v.string(), v.trim(), v.minLength(1, 'the note is empty'), v.maxLength(MAX_NOTE_CHARS));
const EntityTarget = { entityId: id };
const PassageTarget = {
  url: v.pipe(v.string(), v.maxLength(4096), v.regex(/^https?:/, 'expected an http(s) page')),
  pageTitle: v.optional(text(1000)),
  selector: v.pipe(v.array(SelectorSchema), v.minLength(1), v.maxLength(4)),
};

/** Each request's fields (besides `type`) and its callers. */
export const REQUESTS = {
  /** Find and link mentions in an article's text. */
  scan: {
    callers: 'page',
    fields: {
      url: text(4096),
      title: text(4096),
      text: v.pipe(v.string(), v.maxLength(MAX_SCAN_CHARS, 'text too long')),
      lang: v.optional(text(35)),
      /** The date the page says its article was published ("2015-03-18", "2015-03"). */
      date: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'date must be YYYY-MM or YYYY-MM-DD'))),
      canonical: v.optional(text(4096)),
      part: v.optional(v.boolean()),
      /** The most mentions to send back (the page paints only so many); all are counted for the popup. */
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      /** With `part`: text of the same page counted before that is now read again or gone. */
      previous: v.optional(v.pipe(v.string(), v.maxLength(MAX_SCAN_CHARS, 'previous text too long'))),
      /** The page's notes too, as `notesFor` answers them, for the mentions sent back (the first scan of a read). */
      notes: v.optional(v.literal(true)),
    },
  },
  /** Everything the hover card shows for one entity. */
  card: { callers: 'page', fields: { entityId: id } },
  /** The card's code, into the asking page's content script (loaded when a card is first needed). */
  cardUi: { callers: 'page', fields: {} },
  /** The entities found on a tab, most mentioned first. */
  tabEntities: { callers: 'extension', fields: { tabId } },
  /** The reader's notes that concern a page: on its passages, and (as counts) on the entities it names. */
  notesFor: { callers: 'page', fields: { url: text(4096), entityIds: v.pipe(v.array(id), v.maxLength(2000)) } },
  /** Saves a new note: on an entity, or on a passage of a page. */
  saveNote: {
    callers: 'extension',
    fields: {
      draft: v.union([
        v.strictObject({ ...EntityTarget, body: NoteBody }),
        v.strictObject({ ...PassageTarget, body: NoteBody }),
      ]),
    },
  },
  /** A page's content script opens the note editor on an entity found on the page, or a passage of it. */
  openEditor: {
    callers: 'page',
    fields: { target: v.union([v.strictObject(EntityTarget), v.strictObject(PassageTarget)]) },
  },
  /** The note editor in a tab saves the reader's text on what its page opened it for. */
  editorSave: { callers: 'extension', fields: { body: NoteBody } },
  /** The note editor in a tab was closed without saving. */
  editorClose: { callers: 'extension', fields: {} },
  /** Whether a passage note was found again on its page. */
  noteAnchored: { callers: 'page', fields: { id: text(64), found: v.boolean() } },
  /** The reader's notes on one entity, newest first. */
  entityNotes: { callers: 'page', fields: { entityId: id } },
  /** Notes that concern a tab: on its page's passages and on the entities it names. */
  notesForTab: { callers: 'extension', fields: { tabId } },
  /** Articles related to a tab's page, ranked: from the packs' coverage and the reader's own reading. */
  relatedCoverage: { callers: 'extension', fields: { tabId } },
  /** The stories (coverage items) about an entity, newest first. */
  entityCoverage: { callers: 'extension', fields: { entityId: id } },
  /** Opens the popup (or, where it cannot open, a tab) on the stories about an entity. */
  openRelated: { callers: 'page', fields: { entityId: id } },
  /** The packs bundled with the extension. */
  bundledPacks: { callers: 'extension', fields: {} },
  /** How the background's fact store loaded: for the options page and the benchmarks. */
  stats: { callers: 'extension', fields: {} },
  /** Whether Backstory runs on a site (the popup's switch). */
  siteEnabled: { callers: 'extension', fields: { site: text(253) } },
  /** Turns Backstory on or off for a site: a content script only for its own tab's site (`site` is ignored). */
  setSiteEnabled: {
    callers: 'page',
    fields: {
      enabled: v.boolean(),
      site: v.optional(v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]+(:\d+)?$/i, 'expected a host name'))),
    },
  },
  /** The reader's history (or its settings) changed in the database. */
  historyChanged: { callers: 'extension', fields: {} },
  /** The reader's packs changed in the database: reload them. */
  packsChanged: { callers: 'extension', fields: {} },
  /** Switches a bundled pack off (its names are not matched, its facts not shown) or on again. */
  setPackEnabled: { callers: 'extension', fields: { packId: id, enabled: v.boolean() } },
} as const satisfies Record<string, { callers: Callers; fields: v.ObjectEntries }>;

export type MessageType = keyof typeof REQUESTS;

type Entries<K extends MessageType> = { type: v.LiteralSchema<K, undefined> } & (typeof REQUESTS)[K]['fields'];
type RequestSchemaOf<K extends MessageType> =
  Entries<K> extends infer E extends v.ObjectEntries ? v.StrictObjectSchema<E, undefined> : never;

/** A request's fields, besides its `type`, as its sender writes them. */
export type RequestFields<K extends MessageType> = Omit<v.InferInput<RequestSchemaOf<K>>, 'type'>;

/** A request as its sender writes it. */
export type Request<K extends MessageType = MessageType> = K extends MessageType
  ? { type: K } & RequestFields<K>
  : never;

/** Every request, checked as it arrives. */
export const RequestSchema = v.variant(
  'type',
  (Object.keys(REQUESTS) as MessageType[]).map((type) =>
    v.strictObject({ type: v.literal(type), ...REQUESTS[type].fields }),
  ) as unknown as [RequestSchemaOf<MessageType>, ...RequestSchemaOf<MessageType>[]],
);

export { type TabMessage, TabMessageSchema } from './tab-messages';
