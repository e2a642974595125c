import * as v from 'valibot';
import { SelectorSchema } from '../anchor/selector-schema';
import type { MessageType } from '../messages';
import { MAX_NOTE_CHARS } from '../notes/notes';
import type { Handlers, Sender } from './handlers';

/** The largest article text the background accepts in one scan (characters). */
export const MAX_SCAN_CHARS = 2_000_000;

const NoteBody = v.pipe(v.string(), v.trim(), v.minLength(1, 'the note is empty'), v.maxLength(MAX_NOTE_CHARS));

const EntityTarget = { entityId: v.pipe(v.string(), v.maxLength(200)) };
const PassageTarget = {
  url: v.pipe(v.string(), v.maxLength(4096), v.regex(/^https?:/, 'expected an http(s) page')),
  pageTitle: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  selector: v.pipe(v.array(SelectorSchema), v.minLength(1), v.maxLength(4)),
};
const NoteTargetSchema = v.union([v.strictObject(EntityTarget), v.strictObject(PassageTarget)]);
const NoteDraftSchema = v.union([
  v.strictObject({ ...EntityTarget, body: NoteBody }),
  v.strictObject({ ...PassageTarget, body: NoteBody }),
]);

const RequestSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('scan'),
    url: v.pipe(v.string(), v.maxLength(4096)),
    title: v.pipe(v.string(), v.maxLength(4096)),
    text: v.pipe(v.string(), v.maxLength(MAX_SCAN_CHARS, 'text too long')),
    lang: v.optional(v.pipe(v.string(), v.maxLength(35))),
    date: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'date must be YYYY-MM or YYYY-MM-DD'))),
    canonical: v.optional(v.pipe(v.string(), v.maxLength(4096))),
    part: v.optional(v.boolean()),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    previous: v.optional(v.pipe(v.string(), v.maxLength(MAX_SCAN_CHARS, 'previous text too long'))),
  }),
  v.strictObject({ type: v.literal('relatedCoverage'), tabId: v.pipe(v.number(), v.integer()) }),
  v.strictObject({
    type: v.literal('notesFor'),
    url: v.pipe(v.string(), v.maxLength(4096)),
    entityIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(2000)),
  }),
  v.strictObject({ type: v.literal('saveNote'), draft: NoteDraftSchema }),
  v.strictObject({ type: v.literal('openEditor'), target: NoteTargetSchema }),
  v.strictObject({ type: v.literal('editorSave'), body: NoteBody }),
  v.strictObject({ type: v.literal('editorClose') }),
  v.strictObject({ type: v.literal('noteAnchored'), id: v.pipe(v.string(), v.maxLength(64)), found: v.boolean() }),
  v.strictObject({ type: v.literal('entityNotes'), entityId: v.pipe(v.string(), v.maxLength(200)) }),
  v.strictObject({ type: v.literal('notesForTab'), tabId: v.pipe(v.number(), v.integer()) }),
  v.strictObject({ type: v.literal('card'), entityId: v.pipe(v.string(), v.maxLength(200)) }),
  v.strictObject({ type: v.literal('tabEntities'), tabId: v.pipe(v.number(), v.integer()) }),
  v.strictObject({ type: v.literal('entityCoverage'), entityId: v.pipe(v.string(), v.maxLength(200)) }),
  v.strictObject({ type: v.literal('openRelated'), entityId: v.pipe(v.string(), v.maxLength(200)) }),
  v.strictObject({ type: v.literal('bundledPacks') }),
  v.strictObject({ type: v.literal('stats') }),
  v.strictObject({ type: v.literal('packsChanged') }),
  v.strictObject({
    type: v.literal('setPackEnabled'),
    packId: v.pipe(v.string(), v.maxLength(200)),
    enabled: v.boolean(),
  }),
  v.strictObject({ type: v.literal('historyChanged') }),
  v.strictObject({ type: v.literal('siteEnabled'), site: v.pipe(v.string(), v.maxLength(253)) }),
  v.strictObject({
    type: v.literal('setSiteEnabled'),
    enabled: v.boolean(),
    site: v.optional(v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]+(:\d+)?$/i, 'expected a host name'))),
  }),
]);

/**
 * Messages that act on the reader's stored data, or answer for a whole tab or
 * the reading history: refused from content scripts, which a page may subvert.
 */
const EXTENSION_PAGES_ONLY: ReadonlySet<string> = new Set([
  // Notes are written in the note editor, a document of Backstory's own: a page
  // (or its subverted content script) cannot save one, nor type into it.
  'saveNote',
  'editorSave',
  'editorClose',
  'packsChanged',
  'historyChanged',
  'setPackEnabled',
  'tabEntities',
  'notesForTab',
  'relatedCoverage',
  'entityCoverage',
  'bundledPacks',
  'stats',
  'siteEnabled',
]);

/**
 * Checks an incoming message against the protocol and calls its handler.
 * Messages come from pages we do not control: anything that does not fit is
 * refused with a reason, never passed on.
 */
export async function dispatch(handlers: Handlers, message: unknown, sender: Sender): Promise<unknown> {
  const parsed = v.safeParse(RequestSchema, message);
  if (!parsed.success) {
    return { ok: false, error: `Refused message: ${v.summarize(parsed.issues).split('\n')[0]}` };
  }
  const req = parsed.output;
  if (EXTENSION_PAGES_ONLY.has(req.type) && !sender.extensionPage) {
    return { ok: false, error: `Refused message: “${req.type}” is accepted only from Backstory's own pages` };
  }
  const handler = handlers[req.type as MessageType] as (r: typeof req, s: Sender) => Promise<unknown>;
  return handler(req, sender);
}
