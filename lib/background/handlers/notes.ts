import type { Note } from '../../db';
import type { FactStore } from '../../factstore/store';
import type { PassageNote } from '../../messages';
import { pageKey } from '../../related/rank';
import type { TabScans } from './tab-scans';
import type { BackgroundHooks, HandlersFor } from './types';

function passageNote(n: Note): PassageNote[] {
  return n.target ? [{ id: n.id, body: n.body, selector: n.target.selector, orphaned: Boolean(n.orphaned) }] : [];
}

/** Notes once each, in order (a page's notes are looked up under more than one address). */
function once(notes: readonly Note[]): Note[] {
  const seen = new Set<string>();
  return notes.filter((n) => !seen.has(n.id) && seen.add(n.id));
}

/** The passages noted under `urls` (a page's own addresses), each once. */
export async function passagesOn(notes: BackgroundHooks['notes'], urls: readonly string[]): Promise<PassageNote[]> {
  const pages = await Promise.all(urls.map((u) => notes.onPage(u)));
  return once(pages.flat()).flatMap(passageNote);
}

/** How many notes each of `ids` (names found on a page) has; names with none are left out. */
export async function noteCounts(
  notes: BackgroundHooks['notes'],
  ids: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const n of ids.length > 0 ? await notes.onEntities(ids) : [])
    if (n.entityId) counts[n.entityId] = (counts[n.entityId] ?? 0) + 1;
  return counts;
}

/**
 * Reading the reader's notes: a page learns only of its own passages and of
 * the names found on it; Backstory's own pages, of any page or tab. (Notes are
 * written through the note editor: `note-editor.ts`.)
 */
export function noteHandlers(
  store: () => FactStore,
  scans: TabScans,
  hooks: Pick<BackgroundHooks, 'notes'>,
): HandlersFor<'notesFor' | 'noteAnchored' | 'entityNotes' | 'notesForTab'> {
  const { notes } = hooks;
  return {
    async notesFor(req, sender) {
      // A page sees only its own notes: under its address, or its canonical address on the same site.
      const urls = sender.extensionPage ? [req.url] : await scans.pageUrls(sender);
      // Which names have notes, only for names found on the page.
      const [passages, entityNotes] = await Promise.all([
        passagesOn(notes, urls),
        scans.askable(sender, req.entityIds).then((ids) => noteCounts(notes, ids)),
      ]);
      return { passages, entityNotes };
    },
    async noteAnchored(req, sender) {
      const note = await notes.get(req.id);
      if (!note) return { ok: false, error: 'No such note.' };
      // (Its own: under its address, or its canonical address on the same site.)
      const own =
        sender.extensionPage ||
        (note.url !== undefined &&
          (await scans.pageUrls(sender)).some((u) => pageKey(u) === pageKey(note.url as string)));
      if (!own) return { ok: false, error: 'A page may only report on its own notes.' };
      await notes.setOrphaned(req.id, !req.found);
      return { ok: true, value: null };
    },
    async entityNotes(req, sender) {
      // A page reads the notes only of a name found on it.
      if ((await scans.askable(sender, [req.entityId])).length === 0) return [];
      const found = await notes.onEntities([req.entityId]);
      return found.map((n) => ({ id: n.id, body: n.body, updatedAt: n.updatedAt }));
    },
    async notesForTab(req) {
      const scan = await scans.get(req.tabId);
      if (!scan) return null;
      const s = store();
      const ids = Object.keys(scan.counts);
      const [onPage, onEntities] = await Promise.all([notes.onPage(scan.canonical ?? scan.url), notes.onEntities(ids)]);
      const alsoOnUrl = scan.canonical ? await notes.onPage(scan.url) : [];
      return {
        passages: once([...onPage, ...alsoOnUrl]).flatMap(passageNote),
        entities: onEntities.flatMap((n) => {
          const e = n.entityId ? s.info(n.entityId) : undefined;
          return e
            ? [{ id: n.id, body: n.body, updatedAt: n.updatedAt, entity: { id: e.id, name: e.name, type: e.type } }]
            : [];
        }),
      };
    },
  };
}
