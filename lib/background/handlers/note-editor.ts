import type { FactStore } from '../../factstore/store';
import type { NoteDraftMessage, NoteTarget, Problem, Result } from '../../messages';
import { makeNote } from '../../notes/notes';
import { siteOf } from '../../site-settings';
import { perMinute } from './per-minute';
import type { TabScans } from './tab-scans';
import type { BackgroundHooks, HandlersFor, Sender } from './types';

/** The most notes a page may save in a minute: more than a reader writes, few enough to stop a flood. */
export const NOTES_PER_MINUTE = 20;

/**
 * Writing notes: a page's content script opens the note editor on a name found
 * on it or a passage of its own site; the editor (a document of Backstory's
 * own, out of the page's reach) saves or closes it; Backstory's other pages
 * save notes directly.
 */
export function noteEditorHandlers(
  store: () => FactStore,
  scans: TabScans,
  hooks: Pick<BackgroundHooks, 'notes' | 'editors' | 'tellTab'>,
): HandlersFor<'saveNote' | 'openEditor' | 'editorSave' | 'editorClose'> {
  const { notes, editors } = hooks;
  const withinNoteRate = perMinute(NOTES_PER_MINUTE);
  // Why a sender may not save this note, if it may not.
  const refuse = async (
    draft: NoteTarget,
    sender: Sender,
  ): Promise<{ ok: false; error: string; problem?: Problem } | undefined> => {
    // A private window keeps nothing: its notes would outlive it in the normal profile.
    if (sender.incognito)
      return { ok: false, error: 'Notes are not saved from a private window.', problem: 'privateWindow' };
    if ('entityId' in draft) {
      if (!store().info(draft.entityId)) return { ok: false, error: `No entry “${draft.entityId}” in the fact store.` };
      // A page writes notes only on names found on it.
      if ((await scans.askable(sender, [draft.entityId])).length === 0)
        return { ok: false, error: `No entry “${draft.entityId}” on this page.` };
    }
    // A content script writes notes only about its own page.
    if ('url' in draft && !sender.extensionPage && sender.url && siteOf(sender.url) !== siteOf(draft.url))
      return { ok: false, error: 'A page may only save notes on itself.' };
    return undefined;
  };
  const save = async (draft: NoteDraftMessage, sender: Sender): Promise<Result<{ id: string }>> => {
    const refused = await refuse(draft, sender);
    if (refused) return refused;
    // A page that subverted its content script cannot fill the reader's notes (through the
    // editor in its tab, where the reader types them).
    if (!sender.extensionPage && !withinNoteRate(sender.tabId ?? -1, Date.now()))
      return {
        ok: false,
        error: 'Too many notes from this page at once; try again in a minute.',
        problem: 'tooManyNotes',
      };
    const note = makeNote(draft);
    const saved = await notes.save(note);
    return saved.ok ? { ok: true, value: { id: note.id } } : saved;
  };
  return {
    async saveNote(req, sender) {
      return save(req.draft, sender);
    },
    async openEditor(req, sender) {
      // The editor is framed in the card on a tab's page, and kept per tab.
      if (sender.tabId === undefined) return { ok: false, error: 'The note editor opens only on a page in a tab.' };
      const refused = await refuse(req.target, sender);
      if (refused) return refused;
      // A passage note is kept under the page's one key (its canonical address on the same
      // site, else its address), whatever address the page's script gives.
      const target =
        'url' in req.target && !sender.extensionPage
          ? { ...req.target, url: (await scans.pageUrls(sender))[0] ?? req.target.url }
          : req.target;
      await editors.set(sender.tabId, target);
      return { ok: true, value: null };
    },
    async editorSave(req, sender) {
      const target = sender.tabId === undefined ? undefined : await editors.get(sender.tabId);
      if (sender.tabId === undefined || !target)
        return {
          ok: false,
          error: 'This note is no longer open on its page. Your text is still here.',
          problem: 'editorGone',
        };
      // Checked as the page's own note (its site was checked when the page opened the editor).
      const page: Sender = { tabId: sender.tabId, ...(sender.incognito ? { incognito: true } : {}) };
      const saved = await save({ ...target, body: req.body }, page);
      if (saved.ok) {
        await editors.delete(sender.tabId);
        hooks.tellTab(sender.tabId, { type: 'noteEditor', saved: true });
      }
      return saved;
    },
    async editorClose(_req, sender) {
      if (sender.tabId === undefined) return { ok: false, error: 'No note is open here.' };
      await editors.delete(sender.tabId);
      hooks.tellTab(sender.tabId, { type: 'noteEditor', saved: false });
      return { ok: true, value: null };
    },
  };
}
