import { MAX_NOTE_CHARS } from '../contract';
import type { BackstoryDB, Note } from '../db';
import type { NoteDraftMessage, Problem } from '../messages';
import { pageKey } from '../related/rank';
import { siteOf } from '../site-settings';

/** The longest note body kept. */
export { MAX_NOTE_CHARS };

/** A note being saved: on an entity, or on a passage of a page (the contract's own shape). */
export type NoteDraft = NoteDraftMessage;

/** A note as the reader saves it: on an entity, or on a passage of a page. */
export function makeNote(draft: NoteDraft, now: number = Date.now(), id: string = crypto.randomUUID()): Note {
  const body = draft.body.slice(0, MAX_NOTE_CHARS);
  if ('entityId' in draft) return { id, entityId: draft.entityId, body, createdAt: now, updatedAt: now };
  const site = siteOf(draft.url);
  return {
    id,
    url: draft.url,
    body,
    createdAt: now,
    updatedAt: now,
    target: { source: draft.url, selector: draft.selector },
    ...(site ? { site } : {}),
    ...(draft.pageTitle ? { pageTitle: draft.pageTitle.slice(0, 300) } : {}),
  };
}

/** A note saved, or why not (`problem`: what the reader is told). */
export type Saved = { ok: true } | { ok: false; error: string; problem?: Problem };

/**
 * Saves a note. A quota error comes back as a message for the reader (the
 * editor keeps the text), never as a lost note.
 */
export async function saveNote(db: BackstoryDB, note: Note): Promise<Saved> {
  try {
    await db.notes.put(note);
    return { ok: true };
  } catch (error) {
    const name = (error as { name?: string; inner?: { name?: string } }).name;
    const inner = (error as { inner?: { name?: string } }).inner?.name;
    if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
      return {
        ok: false,
        error:
          'The browser has no room left to save this note. Your text is still here; free some space and save again.',
        problem: 'noRoom',
      };
    }
    return { ok: false, error: `The note could not be saved: ${String(error)}` };
  }
}

export async function updateNoteBody(
  db: BackstoryDB,
  id: string,
  body: string,
  now: number = Date.now(),
): Promise<Saved> {
  try {
    const changed = await db.notes.update(id, { body: body.slice(0, MAX_NOTE_CHARS), updatedAt: now });
    // Deleted meanwhile (in another window, or by an import): the edit is not lost silently.
    return changed === 1
      ? { ok: true }
      : { ok: false, error: 'This note no longer exists; copy your text before leaving.', problem: 'noteGone' };
  } catch (error) {
    return { ok: false, error: `Could not save the edit: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Deletes a note and returns it, so that the reader can undo. */
export async function deleteNote(db: BackstoryDB, id: string): Promise<Note | undefined> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    await db.notes.delete(id);
    return note;
  });
}

/** Notes on any of these entities, newest first. */
export async function notesOnEntities(db: BackstoryDB, entityIds: readonly string[]): Promise<Note[]> {
  if (entityIds.length === 0) return [];
  const notes = await db.notes
    .where('entityId')
    .anyOf([...entityIds])
    .toArray();
  return notes.sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Notes on passages of a page, matched by the page's key (URL without fragment or tracking). */
export async function notesOnPage(db: BackstoryDB, url: string): Promise<Note[]> {
  const key = pageKey(url);
  // The notes of the page's site only (indexed), when it has one.
  const site = siteOf(url);
  const onSite = site ? db.notes.where('site').equals(site) : db.notes.toCollection();
  const notes = await onSite.filter((n) => n.url !== undefined && pageKey(n.url) === key).toArray();
  return notes.sort((a, b) => a.createdAt - b.createdAt);
}

/** Records whether a passage note was found on its page's last visit. */
export async function setOrphaned(db: BackstoryDB, id: string, orphaned: boolean): Promise<void> {
  await db.notes.update(id, { orphaned });
}

export interface NoteFilter {
  text?: string;
  entityId?: string;
  site?: string;
  /** Only notes updated at or after this time (ms). */
  since?: number;
}

/** Every note matching a filter, newest first. */
export async function listNotes(db: BackstoryDB, filter: NoteFilter = {}): Promise<Note[]> {
  const text = filter.text?.trim().toLowerCase();
  const notes = await db.notes
    .orderBy('updatedAt')
    .reverse()
    .filter(
      (n) =>
        (!filter.entityId || n.entityId === filter.entityId) &&
        (!filter.site || n.site === filter.site) &&
        (!filter.since || n.updatedAt >= filter.since) &&
        (!text || `${n.body} ${n.pageTitle ?? ''} ${quoteOf(n) ?? ''}`.toLowerCase().includes(text)),
    )
    .toArray();
  return notes;
}

/** The quoted passage of a passage note. */
export function quoteOf(note: Note): string | undefined {
  const q = note.target?.selector.find((s) => s.type === 'TextQuoteSelector');
  return q?.type === 'TextQuoteSelector' ? q.exact : undefined;
}

/** The notes operations the background needs, on the database. */
export function notesStore(db: BackstoryDB) {
  return {
    onPage: (url: string) => notesOnPage(db, url),
    onEntities: (ids: readonly string[]) => notesOnEntities(db, ids),
    save: (note: Note) => saveNote(db, note),
    setOrphaned: (id: string, orphaned: boolean) => setOrphaned(db, id, orphaned),
    get: (id: string) => db.notes.get(id),
  };
}
