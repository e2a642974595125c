/** @vitest-environment happy-dom */
// The reader's notes on a page (entrypoints/content/notes.tsx): a read's first scan
// brings them (one round trip fewer before the page is painted), and they are asked
// afresh whenever that answer may no longer hold.
import { describe, expect, it } from 'vitest';
import { PageNotes } from '../../entrypoints/content/notes';
import type { Annotator } from '../../lib/dom/annotator';
import type { PrivateMarks } from '../../lib/dom/private-marks';
import type { PageNotesAnswer } from '../../lib/messages';

function setUp(painted: string[], address = 'https://example.org/a') {
  document.body.innerHTML = '<p>Ali Larijani arrived in Baghdad.</p>';
  const range = document.createRange();
  range.selectNodeContents(document.body);
  const asked: unknown[] = [];
  const fresh: PageNotesAnswer = { passages: [], entityNotes: { baghdad: 2 } };
  const channel = {
    sendMessage: async (m: unknown) => {
      asked.push(m);
      return (m as { type: string }).type === 'notesFor' ? fresh : undefined;
    },
  };
  const drawn = new Map<string, Range[]>();
  const marks = { set: (kind: string, ranges: Range[]) => drawn.set(kind, ranges) } as unknown as PrivateMarks;
  const annotator = {
    articleMap: undefined,
    painted: painted.map((entityId) => ({ range, mention: { entityId } })),
  } as unknown as Annotator;
  let url = address;
  const notes = new PageNotes({
    doc: document,
    channel,
    annotator,
    marks,
    card: {} as never,
    pageUrl: () => url,
    editorUrl: 'chrome-extension://x/note-editor.html',
  });
  return {
    notes,
    asked,
    noted: () => drawn.get('has-notes')?.length ?? 0,
    go: (next: string) => {
      url = next;
    },
  };
}

const EARLY: PageNotesAnswer = { passages: [], entityNotes: { 'ali-larijani': 1 } };
const SENT_BACK = [{ entityId: 'ali-larijani' }, { entityId: 'baghdad' }];

describe('the page’s notes', () => {
  it('are painted from the first scan’s answer, without asking again', async () => {
    const t = setUp(['ali-larijani', 'baghdad']);
    t.notes.early(EARLY, SENT_BACK);
    await t.notes.refresh(true);
    expect(t.asked).toEqual([]);
    expect(t.noted()).toBe(1);
  });

  it('are asked afresh after a save, and when the answer does not cover every painted name or this address', async () => {
    const afterSave = setUp(['ali-larijani']);
    afterSave.notes.early(EARLY, SENT_BACK);
    await afterSave.notes.refresh();
    expect(afterSave.asked).toHaveLength(1);
    // (Used once: the read's own refresh then asks too.)
    await afterSave.notes.refresh(true);
    expect(afterSave.asked).toHaveLength(2);

    const morePainted = setUp(['ali-larijani', 'tammy-bruce']);
    morePainted.notes.early(EARLY, SENT_BACK);
    await morePainted.notes.refresh(true);
    expect(morePainted.asked).toMatchObject([{ type: 'notesFor', entityIds: ['ali-larijani', 'tammy-bruce'] }]);

    const moved = setUp(['ali-larijani']);
    moved.notes.early(EARLY, SENT_BACK);
    moved.go('https://example.org/next-article');
    await moved.notes.refresh(true);
    expect(moved.asked).toMatchObject([{ type: 'notesFor', url: 'https://example.org/next-article' }]);
  });
});
