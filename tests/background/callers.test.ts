// Who may ask what (issue #14): a content script, which a page may subvert,
// is answered only about its own tab's page; tab-wide lists and the reading
// history answer only Backstory's own pages.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../lib/background/dispatch';
import { createHandlers } from '../../lib/background/handlers';
import { NOTES_PER_MINUTE } from '../../lib/background/handlers/note-editor';
import type { Note } from '../../lib/db';
import { fakeHooks, memoryNotes } from '../fixtures/background-hooks';
import { seedStore } from '../fixtures/store';
import { memoryTabStore } from '../fixtures/tab-store';

const NOTES: Note[] = [
  { id: 'n1', entityId: 'ali-larijani', body: 'On Larijani', createdAt: 1, updatedAt: 1 },
  { id: 'n2', entityId: 'tammy-bruce', body: 'On Bruce, who is not on the page', createdAt: 2, updatedAt: 2 },
];

/** The background, with the reader's notes on Larijani and on Bruce (who is not on the page the tests scan). */
function background() {
  const notes = memoryNotes(NOTES);
  const hooks = fakeHooks({ notes });
  return { h: createHandlers(() => seedStore(), memoryTabStore(), hooks), hooks, notes };
}

const PAGE = { tabId: 7, url: 'https://example.org/a' };
const POPUP = { extensionPage: true };
/** The note editor framed in the card on tab 7's page: Backstory's own document. */
const EDITOR = { tabId: 7, url: 'chrome-extension://backstory/note-editor.html', extensionPage: true };
const LARIJANI = { entityId: 'ali-larijani' };

async function withScannedTab() {
  const { h } = background();
  await dispatch(h, { type: 'scan', url: PAGE.url, title: 'A', text: 'Ali Larijani arrived in Baghdad.' }, PAGE);
  return h;
}

describe('what a content script is answered', () => {
  it.each(['tabEntities', 'notesForTab', 'relatedCoverage'])('refuses %s, for its own tab or another', async (type) => {
    const h = await withScannedTab();
    for (const tabId of [7, 8]) {
      expect(await dispatch(h, { type, tabId }, PAGE)).toMatchObject({ ok: false });
    }
    expect(await dispatch(h, { type, tabId: 7 }, POPUP)).not.toMatchObject({ ok: false });
  });

  it('reads the notes only of a name found on its page', async () => {
    const h = await withScannedTab();
    expect(await dispatch(h, { type: 'entityNotes', entityId: 'ali-larijani' }, PAGE)).toEqual([
      { id: 'n1', body: 'On Larijani', updatedAt: 1 },
    ]);
    expect(await dispatch(h, { type: 'entityNotes', entityId: 'tammy-bruce' }, PAGE)).toEqual([]);
    // Backstory's own pages read any.
    expect(await dispatch(h, { type: 'entityNotes', entityId: 'tammy-bruce' }, POPUP)).toHaveLength(1);
  });

  it('learns which names have notes only for names found on its page', async () => {
    const h = await withScannedTab();
    const answer = (await dispatch(
      h,
      { type: 'notesFor', url: PAGE.url, entityIds: ['ali-larijani', 'tammy-bruce'] },
      PAGE,
    )) as { entityNotes: Record<string, number> };
    expect(answer.entityNotes).toEqual({ 'ali-larijani': 1 });
  });
});

describe('the card’s code', () => {
  it('is loaded into the asking page’s own tab, and never for an extension page', async () => {
    const { h, hooks } = background();
    expect(await dispatch(h, { type: 'cardUi' }, PAGE)).toEqual({ ok: true, value: null });
    expect(await dispatch(h, { type: 'cardUi' }, POPUP)).toMatchObject({ ok: false });
    expect(hooks.cardUiTabs).toEqual([PAGE.tabId]);
  });
});

describe('the notes a page’s first scan brings', () => {
  it('are its own passages and the counts of notes on the names sent back, whatever address it claims', async () => {
    const notes = memoryNotes([
      ...NOTES,
      {
        id: 'p1',
        url: PAGE.url,
        body: 'Mine',
        createdAt: 3,
        updatedAt: 3,
        target: { source: PAGE.url, selector: [{ type: 'TextQuoteSelector', exact: 'Baghdad' }] },
      },
      {
        id: 'p2',
        url: 'https://bank.example/b',
        body: 'Not this page’s',
        createdAt: 4,
        updatedAt: 4,
        target: { source: 'https://bank.example/b', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] },
      },
    ]);
    const h = createHandlers(() => seedStore(), memoryTabStore(), fakeHooks({ notes }));
    const scan = (url: string, withNotes: boolean) =>
      dispatch(
        h,
        {
          type: 'scan',
          url,
          title: 'A',
          text: 'Ali Larijani arrived in Baghdad.',
          ...(withNotes ? { notes: true } : {}),
        },
        PAGE,
      ) as Promise<{
        mentions: unknown[];
        notes?: { passages: { body: string }[]; entityNotes: Record<string, number> };
      }>;
    const first = await scan(PAGE.url, true);
    expect(first.mentions.length).toBe(2);
    expect(first.notes?.passages.map((p) => p.body)).toEqual(['Mine']);
    expect(first.notes?.entityNotes).toEqual({ 'ali-larijani': 1 });
    // The page's script claims another site's address: still only its own notes.
    const claimed = await scan('https://bank.example/b', true);
    expect(claimed.notes?.passages.map((p) => p.body)).toEqual(['Mine']);
    // A later part of the page asks for none.
    expect((await scan(PAGE.url, false)).notes).toBeUndefined();
  });

  it('never hold the underlines back: notes that do not come at once are left out of the answer', async () => {
    const hanging = { ...memoryNotes(NOTES), onPage: () => new Promise<never>(() => {}) };
    const h = createHandlers(() => seedStore(), memoryTabStore(), fakeHooks({ notes: hanging }));
    const answer = (await dispatch(
      h,
      { type: 'scan', url: PAGE.url, title: 'A', text: 'Ali Larijani arrived in Baghdad.', notes: true },
      PAGE,
    )) as { mentions: unknown[]; notes?: unknown };
    expect(answer.mentions).toHaveLength(2);
    expect(answer.notes).toBeUndefined();
  });
});

describe('a private window', () => {
  it('keeps nothing: no visit in the reading history, no note saved, while names are still found', async () => {
    const { h, hooks, notes } = background();
    const PRIVATE = { ...PAGE, incognito: true };
    const scan = (await dispatch(
      h,
      { type: 'scan', url: PAGE.url, title: 'A', text: 'Ali Larijani arrived in Baghdad.' },
      PRIVATE,
    )) as { mentions: unknown[] };
    expect(scan.mentions.length).toBeGreaterThan(0);
    expect(await dispatch(h, { type: 'openEditor', target: LARIJANI }, PRIVATE)).toEqual({
      ok: false,
      error: 'Notes are not saved from a private window.',
      problem: 'privateWindow',
    });
    expect(await dispatch(h, { type: 'editorSave', body: 'x' }, { ...EDITOR, incognito: true })).toMatchObject({
      ok: false,
    });
    // The same in a normal window is kept.
    await dispatch(h, { type: 'scan', url: PAGE.url, title: 'A', text: 'Ali Larijani arrived in Baghdad.' }, PAGE);
    await dispatch(h, { type: 'openEditor', target: LARIJANI }, PAGE);
    await dispatch(h, { type: 'editorSave', body: 'x' }, EDITOR);
    await new Promise((r) => setTimeout(r, 10));
    expect(hooks.visits).toHaveLength(1);
    expect(notes.saved).toHaveLength(1);
  });
});

describe('related coverage', () => {
  it('is ranked again for the tab’s next article, never the previous one’s', async () => {
    const { h } = background();
    const keys = async () =>
      (((await dispatch(h, { type: 'relatedCoverage', tabId: 7 }, POPUP)) as { key: string }[] | null) ?? []).map(
        (r) => r.key,
      );
    await dispatch(h, { type: 'scan', url: PAGE.url, title: 'A', text: 'Ali Larijani arrived in Baghdad.' }, PAGE);
    const first = await keys();
    expect(first.length).toBeGreaterThan(0);
    await dispatch(h, { type: 'scan', url: 'https://example.org/b', title: 'B', text: 'Nothing named here.' }, PAGE);
    expect(await keys()).toEqual([]);
  });
});

describe('the page’s address', () => {
  it('is the tab’s: a page can write no history for another address, by its declared URL or a canonical on another site', async () => {
    const { h, hooks } = background();
    const text = 'Ali Larijani arrived in Baghdad.';
    await dispatch(
      h,
      { type: 'scan', url: 'https://bank.example/statement', title: 'A', text, canonical: 'https://bank.example/x' },
      PAGE,
    );
    await dispatch(
      h,
      {
        type: 'scan',
        url: PAGE.url,
        title: 'A',
        text: `${text} Tammy Bruce too.`,
        canonical: 'https://example.org/canonical',
      },
      PAGE,
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(hooks.visits.map((v) => v.url)).toEqual([PAGE.url, 'https://example.org/canonical']);
  });
});

describe('one page key', () => {
  it('keeps a passage note under the page’s canonical address on its site, and finds it from the address', async () => {
    const { h, notes } = background();
    const text = 'Ali Larijani arrived in Baghdad.';
    const canonical = 'https://example.org/story';
    await dispatch(h, { type: 'scan', url: PAGE.url, title: 'A', text, canonical }, PAGE);
    const selector = [{ type: 'TextQuoteSelector', exact: 'Baghdad' }];
    // The page's script names another address of its site: the note goes under the page's key.
    await dispatch(h, { type: 'openEditor', target: { url: 'https://example.org/elsewhere', selector } }, PAGE);
    expect(await dispatch(h, { type: 'editorSave', body: 'On the arrival' }, EDITOR)).toMatchObject({ ok: true });
    expect(notes.saved.map((n) => n.url)).toEqual([canonical]);
    const found = (await dispatch(h, { type: 'notesFor', url: PAGE.url, entityIds: [] }, PAGE)) as {
      passages: { body: string }[];
    };
    expect(found.passages.map((p) => p.body)).toEqual(['On the arrival']);
    // The same page under a fragment (an anchor the reader followed): still its note.
    const underHash = (await dispatch(
      h,
      { type: 'notesFor', url: PAGE.url, entityIds: [] },
      { ...PAGE, url: `${PAGE.url}#comments` },
    )) as { passages: { body: string }[] };
    expect(underHash.passages.map((p) => p.body)).toEqual(['On the arrival']);
  });
});

describe('saving notes from a page', () => {
  it(`stops at ${NOTES_PER_MINUTE} a minute, saying why; Backstory's own pages are not limited`, async () => {
    const { h, notes } = background();
    await dispatch(h, { type: 'scan', url: PAGE.url, title: 'A', text: 'Ali Larijani arrived in Baghdad.' }, PAGE);
    const save = async () => {
      await dispatch(h, { type: 'openEditor', target: LARIJANI }, PAGE);
      return dispatch(h, { type: 'editorSave', body: 'x' }, EDITOR);
    };
    for (let i = 0; i < NOTES_PER_MINUTE; i++) expect(await save()).toMatchObject({ ok: true });
    expect(await save()).toEqual({
      ok: false,
      error: 'Too many notes from this page at once; try again in a minute.',
      problem: 'tooManyNotes',
    });
    expect(await dispatch(h, { type: 'saveNote', draft: { ...LARIJANI, body: 'x' } }, POPUP)).toMatchObject({
      ok: true,
    });
    expect(notes.saved).toHaveLength(NOTES_PER_MINUTE + 1);
  });

  it('takes the text only from the note editor, on what the page opened it for, and tells the page', async () => {
    const { h, hooks, notes } = background();
    await dispatch(h, { type: 'scan', url: PAGE.url, title: 'A', text: 'Ali Larijani arrived in Baghdad.' }, PAGE);
    // A content script cannot save a note itself, nor speak as the editor.
    expect(await dispatch(h, { type: 'saveNote', draft: { ...LARIJANI, body: 'x' } }, PAGE)).toMatchObject({
      ok: false,
    });
    expect(await dispatch(h, { type: 'editorSave', body: 'x' }, PAGE)).toMatchObject({ ok: false });
    // It opens the editor only on a name found on its page, or a passage of its own site.
    expect(await dispatch(h, { type: 'openEditor', target: { entityId: 'tammy-bruce' } }, PAGE)).toMatchObject({
      ok: false,
    });
    const passage = { url: 'https://bank.example/x', selector: [{ type: 'TextQuoteSelector', exact: 'Baghdad' }] };
    expect(await dispatch(h, { type: 'openEditor', target: passage }, PAGE)).toEqual({
      ok: false,
      error: 'A page may only save notes on itself.',
    });
    // No editor open on tab 7 yet: nothing to save.
    expect(await dispatch(h, { type: 'editorSave', body: 'x' }, EDITOR)).toMatchObject({ ok: false });
    expect(await dispatch(h, { type: 'openEditor', target: LARIJANI }, PAGE)).toEqual({ ok: true, value: null });
    // The editor in another tab saves nothing on this tab's behalf.
    expect(await dispatch(h, { type: 'editorSave', body: 'x' }, { ...EDITOR, tabId: 8 })).toMatchObject({ ok: false });
    expect(await dispatch(h, { type: 'editorSave', body: 'On Larijani' }, EDITOR)).toMatchObject({ ok: true });
    expect(notes.saved.map((n) => [n.entityId, n.body])).toEqual([['ali-larijani', 'On Larijani']]);
    expect(hooks.told).toEqual([{ tabId: 7, message: { type: 'noteEditor', saved: true } }]);
    // Saved once: the editor is closed.
    expect(await dispatch(h, { type: 'editorSave', body: 'again' }, EDITOR)).toMatchObject({ ok: false });
    // Closed without saving: the page is told, and nothing is kept.
    await dispatch(h, { type: 'openEditor', target: LARIJANI }, PAGE);
    expect(await dispatch(h, { type: 'editorClose' }, EDITOR)).toEqual({ ok: true, value: null });
    expect(hooks.told).toHaveLength(2);
    expect(await dispatch(h, { type: 'editorSave', body: 'late' }, EDITOR)).toMatchObject({ ok: false });
    // An editor left open is closed when the tab reads a new page.
    await dispatch(h, { type: 'openEditor', target: LARIJANI }, PAGE);
    await dispatch(h, { type: 'scan', url: 'https://example.org/b', title: 'B', text: 'Ali Larijani again.' }, PAGE);
    expect(await dispatch(h, { type: 'editorSave', body: 'left over' }, EDITOR)).toMatchObject({ ok: false });
    expect(notes.saved).toHaveLength(1);
  });
});
