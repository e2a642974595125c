import { i18n } from '#i18n';
import { problemText } from '../../components/problem-text';
import { anchorQuote, describeQuote, type TextQuoteSelector } from '../../lib/anchor/quote';
import type { Annotator } from '../../lib/dom/annotator';
import type { PrivateMarks } from '../../lib/dom/private-marks';
import { toOffsets, toRange } from '../../lib/dom/to-ranges';
import { call, type MessageChannel, type NoteTarget, type PageNotesAnswer, type PassageNote } from '../../lib/messages';
import type { CardController, Draw } from './card';

/** The lowest anchoring score at which a passage counts as found. */
const FOUND = 0.6;

export interface PageNotesOptions {
  doc: Document;
  channel: MessageChannel;
  annotator: Annotator;
  /** Where the reader's marks are drawn: inside Backstory's closed shadow root, never the page's highlights. */
  marks: PrivateMarks;
  card: CardController;
  /** The page's URL, as the editor is opened with (the background keeps the note under the page's one key). */
  pageUrl: () => string;
  /** The address of the note editor, a document of Backstory's own. */
  editorUrl: string;
}

/**
 * The reader's notes on this page: passages found again and painted (with a
 * note shown on hover), names of entities with notes marked, and new notes
 * on a selection, from a small button next to it or the context menu.
 */
export class PageNotes {
  /** Painted passages, with their notes. */
  passages: { range: Range; note: PassageNote; quote: string }[] = [];
  private hasNotes = new Set<string>();
  /** Whether the small "Note this passage" button is showing. */
  offering = false;

  constructor(private readonly o: PageNotesOptions) {}

  /**
   * The page's notes as a read's first scan brought them (one round trip
   * fewer before the page is painted), for the names that scan sent back.
   */
  private answered: { url: string; names: ReadonlySet<string>; notes: PageNotesAnswer } | undefined;

  /** Keeps the notes a read's first scan brought, for that read's `refresh(true)`; undefined forgets them. */
  early(notes: PageNotesAnswer | undefined, mentions: readonly { entityId: string }[]): void {
    this.answered = notes && { url: this.o.pageUrl(), names: new Set(mentions.map((m) => m.entityId)), notes };
  }

  /**
   * Loads this page's notes and paints them; reports which passages were
   * found. With `early`, the notes the read's first scan brought serve if
   * they still fit (same address, every painted name among those it
   * answered for); any other refresh asks afresh (a note was just saved).
   */
  async refresh(early = false): Promise<void> {
    const { annotator, marks, channel } = this.o;
    const map = annotator.articleMap;
    const entityIds = [...new Set(annotator.painted.map((p) => p.mention.entityId))];
    const answered = this.answered;
    this.answered = undefined;
    const fits =
      early && answered?.url === this.o.pageUrl() && entityIds.every((id) => answered.names.has(id))
        ? answered
        : undefined;
    const res = fits ? fits.notes : await call(channel, { type: 'notesFor', url: this.o.pageUrl(), entityIds });
    if (!res || typeof res !== 'object') return;
    this.hasNotes = new Set(Object.keys(res.entityNotes));
    marks.set(
      'has-notes',
      annotator.painted.filter((p) => this.hasNotes.has(p.mention.entityId)).map((p) => p.range),
    );
    this.passages = [];
    for (const note of res.passages) {
      const quote = note.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
      const position = note.selector.find((s) => s.type === 'TextPositionSelector');
      const found =
        quote && map
          ? anchorQuote(map.text, quote, position?.type === 'TextPositionSelector' ? position.start : undefined)
          : null;
      const range = found && found.score >= FOUND && map ? toRange(map, found.start, found.end) : undefined;
      if (range && quote) {
        this.passages.push({ range, note, quote: quote.exact });
      }
      const isFound = range !== undefined;
      // Reported only when it changes: an orphaned note is listed as such, and kept.
      if (isFound === note.orphaned) void call(channel, { type: 'noteAnchored', id: note.id, found: isFound });
    }
    marks.set(
      'note',
      this.passages.map((p) => p.range),
    );
  }

  /** Offers a note on the current selection: a small button next to it. */
  async offerForSelection(): Promise<void> {
    const range = this.selectedRange();
    if (!range) return;
    // Offering from now on: a selection that goes while the card's code loads takes the offer with it.
    this.offering = true;
    const shown = await this.o.card.panel(range, (ui, mount) =>
      ui.noteOffer(mount, { onAdd: () => void this.editSelection(range) }),
    );
    this.offering = this.offering && shown;
  }

  /** Opens the note editor on the current selection (the context menu's item). */
  editCurrentSelection(): void {
    const range = this.selectedRange();
    if (range) void this.editSelection(range);
  }

  /**
   * Opens the note editor with the background on an entity or a passage of
   * this page; resolves with what to tell the reader when it cannot open.
   */
  async openEditor(target: NoteTarget): Promise<string | undefined> {
    const res = await call(this.o.channel, { type: 'openEditor', target }).catch(() => undefined);
    if (!res || typeof res !== 'object' || !('ok' in res)) return i18n.t('note.editorFailed');
    return res.ok ? undefined : problemText(res, i18n.t('note.editorFailed'));
  }

  /** The note on a painted passage, shown on hover. */
  showNoteFor(range: Range): void {
    const p = this.passages.find((x) => x.range === range);
    if (!p) return;
    void this.o.card.panel(p.range, (ui, mount) => ui.passageNote(mount, { quote: p.quote, body: p.note.body }));
  }

  private selectedRange(): Range | undefined {
    const selection = this.o.doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
    const range = selection.getRangeAt(0);
    const map = this.o.annotator.articleMap;
    if (!map || range.toString().trim().length < 3) return undefined;
    return toOffsets(map, range) ? range.cloneRange() : undefined;
  }

  private async editSelection(range: Range): Promise<void> {
    this.offering = false;
    const map = this.o.annotator.articleMap;
    const offsets = map && toOffsets(map, range);
    if (!map || !offsets) return;
    const selector = describeQuote(map.text, offsets.start, offsets.end);
    const problem = await this.openEditor({ url: this.o.pageUrl(), pageTitle: this.o.doc.title, selector });
    const draw: Draw = (ui, mount) =>
      ui.passageEditor(mount, {
        quote: selector[0].exact,
        problem,
        editor: { src: this.o.editorUrl, onGone: () => this.o.card.close() },
      });
    // Saved (the page's notes are then painted again) or closed: the card goes. An editor
    // that could not open holds nothing to keep: its card closes as any other.
    if (problem) await this.o.card.panel(range, draw, { keyboard: true });
    else await this.o.card.editor(range, draw, () => this.o.card.close());
  }
}
