import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';

export interface NoteEditorProps {
  /** The passage the note is about, shown above the editor. */
  quote?: string;
  initial?: string;
  /** Saves the text; resolves with an error message to show (the text stays), or nothing on success. */
  onSave: (body: string) => Promise<string | undefined>;
  onCancel: () => void;
}

/**
 * A small note editor: the text is never lost, even when saving fails. On a
 * page it runs in the note editor's own document (entrypoints/note-editor/),
 * so the page never hears its keys.
 */
export function NoteEditor({ quote, initial = '', onSave, onCancel }: NoteEditorProps) {
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const save = async () => {
    if (!body.trim()) return;
    setSaving(true);
    const problem = await onSave(body);
    setSaving(false);
    setError(problem);
  };
  return (
    <div class="note-editor">
      {quote && (
        <blockquote class="note-quote" dir="auto">
          {quote}
        </blockquote>
      )}
      <textarea
        ref={field}
        aria-label={i18n.t('common.yourNote')}
        placeholder={i18n.t('note.placeholder')}
        value={body}
        onInput={(e) => setBody(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void save();
          if (e.key === 'Escape') onCancel();
        }}
        rows={3}
      />
      {error && (
        <p class="note-error" role="alert">
          {error}
        </p>
      )}
      <p class="note-actions">
        <button type="button" class="save" onClick={() => void save()} disabled={saving || !body.trim()}>
          {i18n.t('note.save')}
        </button>{' '}
        <button type="button" class="cancel" onClick={onCancel}>
          {i18n.t('common.cancel')}
        </button>
      </p>
    </div>
  );
}
