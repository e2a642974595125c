import { type ComponentChildren, render } from 'preact';
import { i18n } from '#i18n';
import { CARD_CSS } from '../../components/card.css';
import { EntityCard } from '../../components/EntityCard';
import { readerLocale } from '../../lib/i18n/locale';
import type { CardUi } from './card-ui-api';

/**
 * The note editor in the card: a document of Backstory's own origin, so the
 * keys, input, paste and composition of what the reader types raise events
 * there, never in the page. It takes focus when it has loaded.
 */
function NoteFrame({ src, onGone }: { src: string; onGone: () => void }) {
  return (
    <iframe
      class="note-frame"
      src={src}
      title={i18n.t('common.yourNote')}
      onLoad={(e) => {
        const frame = e.currentTarget as HTMLIFrameElement;
        // Loaded once. A second load is another document (a page that navigated the frame
        // to a look-alike of its own): it goes, and the editor with it.
        if (frame.dataset.loaded) {
          frame.remove();
          onGone();
          return;
        }
        frame.dataset.loaded = 'yes';
        // In view inside the card's own scroll box (never by scrolling the page), then focused.
        const box = frame.closest('.card');
        if (box) {
          const below = frame.getBoundingClientRect().bottom - box.getBoundingClientRect().bottom;
          if (below > 0) box.scrollTop += below + 8;
        }
        frame.focus();
      }}
    />
  );
}

/** A card about a passage of the page: what it is, the passage quoted, then `children`. */
function PassageCard({ label, quote, children }: { label: string; quote: string; children: ComponentChildren }) {
  return (
    <div class="card" role="dialog" aria-label={label}>
      <p class="type">{label}</p>
      <blockquote class="note-quote" dir="auto">
        {quote}
      </blockquote>
      {children}
    </div>
  );
}

/** The card's code, as `entrypoints/card-ui.ts` hands it to the content script (see CardUi). */
export const cardUi: CardUi = {
  css: CARD_CSS,
  lang: readerLocale(),
  entity(mount, p) {
    render(
      <EntityCard
        card={p.card}
        reason={p.reason}
        articleDate={p.articleDate}
        focusable={p.keyboard}
        autoFocus={p.keyboard}
        notes={p.notes}
        noteError={p.noteError}
        noteEditor={p.editor ? <NoteFrame src={p.editor.src} onGone={p.editor.onGone} /> : undefined}
        onAddNote={p.onAddNote}
        onClose={p.onClose}
        onOpenEntity={p.onOpenEntity}
        onDisableSite={p.onDisableSite}
        onOpenStories={p.onOpenStories}
      />,
      mount,
    );
  },
  noteOffer(mount, { onAdd }) {
    render(
      <div class="card note-offer">
        {/* Firefox collapses the page's selection on a mousedown anywhere else, this button
            included, and the offer goes with it (the selectionchange listener in reader.ts)
            before the click lands: the mousedown's default action is all that does it. */}
        <button type="button" class="add-note" onMouseDown={(e) => e.preventDefault()} onClick={onAdd}>
          {i18n.t('note.offer')}
        </button>
      </div>,
      mount,
    );
  },
  passageNote(mount, { quote, body }) {
    render(
      <PassageCard label={i18n.t('common.yourNote')} quote={quote}>
        <p dir="auto">{body}</p>
      </PassageCard>,
      mount,
    );
  },
  passageEditor(mount, { quote, problem, editor }) {
    render(
      <PassageCard label={i18n.t('note.onPassage')} quote={quote}>
        {problem ? (
          <p class="note-error" role="alert">
            {problem}
          </p>
        ) : (
          <NoteFrame src={editor.src} onGone={editor.onGone} />
        )}
      </PassageCard>,
      mount,
    );
  },
  clear(mount) {
    render(null, mount);
  },
};
