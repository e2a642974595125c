import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeQuote } from '../../lib/anchor/quote';
import { BackstoryDB } from '../../lib/db';
import { exportJson, exportMarkdown, importNotes } from '../../lib/notes/exchange';
import {
  deleteNote,
  listNotes,
  makeNote,
  notesOnEntities,
  notesOnPage,
  saveNote,
  updateNoteBody,
} from '../../lib/notes/notes';

let db: BackstoryDB;
let n = 0;
beforeEach(async () => {
  db = new BackstoryDB(`notes-${n++}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const TEXT = 'Iran and Iraq signed a border memorandum in Baghdad on Monday, and Washington objected.';
const passage = (body: string, id: string, url = 'https://www.rudaw.net/english/a') =>
  makeNote({ url, pageTitle: 'Rudaw story', body, selector: describeQuote(TEXT, 23, 40) }, 2_000, id);
const onEntity = (body: string, id: string, entityId = 'ali-larijani') => makeNote({ entityId, body }, 1_000, id);
const uuid = (k: number) => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;

describe('notes', () => {
  it('keeps notes on entities and on passages, found by entity and by page', async () => {
    await saveNote(db, onEntity('Watch his next trip.', uuid(1)));
    await saveNote(db, passage('Key sentence.', uuid(2)));
    expect((await notesOnEntities(db, ['ali-larijani', 'iraq'])).map((x) => x.body)).toEqual(['Watch his next trip.']);
    expect((await notesOnPage(db, 'https://rudaw.net/english/a/#comments')).map((x) => x.body)).toEqual([
      'Key sentence.',
    ]);
    expect(await listNotes(db, { site: 'rudaw.net' })).toHaveLength(1);
    expect(await listNotes(db, { text: 'memorandum' })).toHaveLength(1); // the quoted passage counts
  });

  it('deletes a note and hands it back, so it can be restored', async () => {
    await saveNote(db, onEntity('Keep me.', uuid(3)));
    const removed = await deleteNote(db, uuid(3));
    expect(await listNotes(db)).toEqual([]);
    if (removed) await saveNote(db, removed);
    expect((await listNotes(db)).map((x) => x.body)).toEqual(['Keep me.']);
  });
});

describe('the notes schema', () => {
  it('upgrades a version 1 database with real notes to the current version, losing nothing and filling in sites', async () => {
    const v1 = new Dexie(`notes-upgrade-${n++}`);
    v1.version(1).stores({ notes: 'id, entityId, url, createdAt, updatedAt' });
    const rows = [
      { id: uuid(10), entityId: 'tammy-bruce', body: 'Spokesperson until late 2025.', createdAt: 1, updatedAt: 2 },
      { id: uuid(11), url: 'https://www.rudaw.net/english/x', body: 'On a page.', createdAt: 3, updatedAt: 4 },
    ];
    await v1.table('notes').bulkAdd(rows);
    v1.close();
    const current = new BackstoryDB(v1.name);
    await current.open();
    expect(current.verno).toBe(5);
    expect(await current.notes.orderBy('id').toArray()).toEqual([rows[0], { ...rows[1], site: 'rudaw.net' }]);
    current.close();
    await Dexie.delete(v1.name);
  });
});

describe('export and import', () => {
  it('round-trips every note through the Web Annotation JSON, and a second import adds nothing', async () => {
    await saveNote(db, onEntity('About him.', uuid(20)));
    await saveNote(db, passage('About this.', uuid(21)));
    const json = exportJson(await listNotes(db));
    expect(JSON.parse(json)).toMatchObject({ type: 'AnnotationCollection', total: 2 });
    const other = new BackstoryDB(`notes-other-${n++}`);
    await other.open();
    expect(await importNotes(other, json)).toEqual({ ok: true, added: 2, skipped: 0 });
    expect(await importNotes(other, json)).toEqual({ ok: true, added: 0, skipped: 2 });
    expect(await listNotes(other)).toEqual(await listNotes(db));
    other.close();
    await other.delete();
  });

  it.each([
    ['not JSON', '{ nope', /^not JSON/],
    ['the wrong shape', JSON.stringify({ type: 'AnnotationCollection', items: [{ id: 'x' }] }), /^items\[0\]\.id: /],
    [
      'duplicate ids',
      () => exportJson([onEntity('a', uuid(30)), onEntity('b', uuid(30))]),
      /^items\[1\]\.id: duplicate id/,
    ],
    ['50 MB', ' '.repeat(50 * 1024 * 1024), /^file is 50\.0 MB/],
    [
      'a date that does not exist (30 February)',
      () =>
        exportJson([onEntity('a', uuid(31))]).replace(/"created": "[^"]*"/, '"created": "2025-02-30T10:00:00.000Z"'),
      /^items\[0\]\.created: expected a date that exists/,
    ],
  ])('refuses a file with %s, says what is wrong, and changes nothing', async (_name, file, message) => {
    await saveNote(db, onEntity('Already here.', uuid(40)));
    const text = typeof file === 'function' ? file() : file;
    const result = await importNotes(db, text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors[0]).toMatch(message);
    expect((await listNotes(db)).map((x) => x.body)).toEqual(['Already here.']);
  });

  it('writes nothing when the write fails halfway', async () => {
    const json = exportJson([onEntity('one', uuid(50)), onEntity('two', uuid(51))]);
    db.notes.hook('creating', (_key, note) => {
      if ((note as { body: string }).body === 'two') throw new Error('disk full');
    });
    const result = await importNotes(db, json);
    expect(result.ok).toBe(false);
    expect(await db.notes.count()).toBe(0);
  });

  it('exports Markdown by entity and by page, with the quoted passages', () => {
    const md = exportMarkdown([onEntity('About him.', uuid(60)), passage('About this.', uuid(61))], (id) =>
      id === 'ali-larijani' ? 'Ali Larijani' : id,
    );
    expect(md).toContain('## By entity\n\n### Ali Larijani\n\n- About him.');
    expect(md).toContain(
      '## By page\n\n### Rudaw story\n\n<https://www.rudaw.net/english/a>\n\n> border memorandum\n\nAbout this.',
    );
  });
});

describe('saving when the disk is full', () => {
  it('reports a quota error in words the reader understands, and stores nothing half-written', async () => {
    db.notes.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await saveNote(db, onEntity('Text the reader must not lose.', uuid(70)));
    expect(result).toEqual({
      ok: false,
      error: 'The browser has no room left to save this note. Your text is still here; free some space and save again.',
      problem: 'noRoom',
    });
    expect(await db.notes.count()).toBe(0);
  });
});

describe('editing a note', () => {
  it('saves the new text, and says so when the note is gone rather than losing the edit silently', async () => {
    const note = onEntity('First words.', uuid(70));
    await saveNote(db, note);
    expect(await updateNoteBody(db, note.id, 'Second words.')).toEqual({ ok: true });
    expect((await listNotes(db)).map((n) => n.body)).toEqual(['Second words.']);
    await deleteNote(db, note.id);
    expect(await updateNoteBody(db, note.id, 'Third words.')).toEqual({
      ok: false,
      error: 'This note no longer exists; copy your text before leaving.',
      problem: 'noteGone',
    });
  });
});
