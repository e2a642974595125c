import { useState } from 'preact/hooks';
import type { Note } from '../lib/db';
import { quoteOf } from '../lib/notes/notes';
import { webUrl } from '../lib/safe-url';

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
  if (notes.length === 0) return <p class="empty">No notes match.</p>;
  return (
    <ul class="notes-table" data-testid="notes">
      {notes.map((n) => {
        const quote = quoteOf(n);
        return (
          <li key={n.id} data-note={n.id} data-orphaned={n.orphaned ? 'true' : 'false'}>
            <p class="about">
              {n.entityId ? (
                <>
                  On <strong>{entityName(n.entityId)}</strong>
                </>
              ) : (
                <>
                  On a passage of{' '}
                  <a href={webUrl(n.url)} target="_blank" rel="noopener noreferrer">
                    {n.pageTitle || n.url}
                  </a>
                  {n.orphaned && <span class="orphaned"> · passage not found on the last visit</span>}
                </>
              )}{' '}
              <span class="meta">{new Date(n.updatedAt).toLocaleString()}</span>
            </p>
            {quote && (
              <blockquote dir="auto" class="quote">
                {quote}
              </blockquote>
            )}
            {editing?.id === n.id ? (
              <p>
                <textarea
                  aria-label="Edit the note"
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
                  Save
                </button>{' '}
                <button type="button" onClick={() => setEditing(undefined)}>
                  Cancel
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
                Edit
              </button>{' '}
              <button type="button" onClick={() => onDelete(n)}>
                Delete
              </button>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
