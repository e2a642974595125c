import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Note } from '../lib/db';
import { formatDateTime } from '../lib/format-date';
import { quoteOf } from '../lib/notes/notes';
import { webUrl } from '../lib/safe-url';
import { withParts } from './with-parts';

export interface NotesTableProps {
  notes: Note[];
  entityName: (id: string) => string;
  /** Saves an edit; resolves with an error to show (the editor then stays open), or nothing. */
  onEdit: (id: string, body: string) => Promise<string | undefined>;
  onDelete: (note: Note) => void;
}

/** Every note: what it is about (an entity, or a passage of a page), its text, edit and delete. */
export function NotesTable({ notes, entityName, onEdit, onDelete }: NotesTableProps) {
  const [editing, setEditing] = useState<{ id: string; body: string; error?: string } | undefined>();
  if (notes.length === 0) return <p class="empty">{i18n.t('notes.none')}</p>;
  return (
    <ul class="notes-table" data-testid="notes">
      {notes.map((n) => {
        const quote = quoteOf(n);
        return (
          <li key={n.id} data-note={n.id} data-orphaned={n.orphaned ? 'true' : 'false'}>
            <p class="about">
              {n.entityId ? (
                withParts(i18n.t('notes.onEntity', { name: '{name}' }), {
                  name: <strong>{entityName(n.entityId)}</strong>,
                })
              ) : (
                <>
                  {withParts(i18n.t('notes.onPassage', { page: '{page}' }), {
                    page: (
                      <a href={webUrl(n.url)} target="_blank" rel="noopener noreferrer">
                        {n.pageTitle || n.url}
                      </a>
                    ),
                  })}
                  {n.orphaned && <span class="orphaned">{` · ${i18n.t('notes.orphaned')}`}</span>}
                </>
              )}{' '}
              <span class="meta">{formatDateTime(n.updatedAt)}</span>
            </p>
            {quote && (
              <blockquote dir="auto" class="quote">
                {quote}
              </blockquote>
            )}
            {editing?.id === n.id ? (
              <p>
                <textarea
                  aria-label={i18n.t('notes.editLabel')}
                  value={editing.body}
                  onInput={(e) => setEditing({ id: n.id, body: e.currentTarget.value })}
                  rows={3}
                />
                <button
                  type="button"
                  onClick={async () => {
                    const error = await onEdit(n.id, editing.body);
                    setEditing(error ? { ...editing, error } : undefined);
                  }}
                >
                  {i18n.t('common.save')}
                </button>{' '}
                <button type="button" onClick={() => setEditing(undefined)}>
                  {i18n.t('common.cancel')}
                </button>
                {editing.error && (
                  <span class="error" role="alert">
                    {' '}
                    {editing.error}
                  </span>
                )}
              </p>
            ) : (
              <p class="body" dir="auto">
                {n.body}
              </p>
            )}
            <p class="actions">
              <button type="button" onClick={() => setEditing({ id: n.id, body: n.body })}>
                {i18n.t('notes.edit')}
              </button>{' '}
              <button type="button" onClick={() => onDelete(n)}>
                {i18n.t('notes.delete')}
              </button>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
