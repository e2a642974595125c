import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import type { EntityNote } from '../lib/messages';

export interface CardNotesProps {
  /** The reader's notes on this entity, newest first. */
  notes: EntityNote[];
  /** Starts a note ("Add a note"); no button without it. */
  onAddNote?: (() => void) | undefined;
  /** The note editor while the reader writes one (it takes the button's place). */
  noteEditor?: ComponentChildren;
  /** Why a note cannot be started here, if it cannot. */
  noteError?: string | undefined;
  /** The button's tabIndex (see EntityCardProps.focusable). */
  tab: number;
}

/** The reader's own notes on the entity, and the way to add one. */
export function CardNotes({ notes, onAddNote, noteEditor, noteError, tab }: CardNotesProps) {
  return (
    <section class="notes" aria-label={i18n.t('common.yourNotes')}>
      {notes.length > 0 && <h3>{i18n.t('common.yourNotes')}</h3>}
      {notes.length > 0 && (
        <ul>
          {notes.map((n) => (
            <li key={n.id} dir="auto">
              {n.body}
            </li>
          ))}
        </ul>
      )}
      {noteError && (
        <p class="note-error" role="alert">
          {noteError}
        </p>
      )}
      {noteEditor ??
        (onAddNote && (
          <button type="button" class="add-note" tabIndex={tab} onClick={onAddNote}>
            {i18n.t('card.addNote')}
          </button>
        ))}
    </section>
  );
}
