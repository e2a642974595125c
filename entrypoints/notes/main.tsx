import '../../assets/extension-page.css';
import './style.css';
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { NotesTable } from '../../components/NotesTable';
import { problemText } from '../../components/problem-text';
import { BackstoryDB, type Note } from '../../lib/db';
import { formatNumber } from '../../lib/i18n/locale';
import { speakReadersLanguage } from '../../lib/i18n/page';
import { exportJson, exportMarkdown, importNotes, MAX_NOTES_FILE_CHARS } from '../../lib/notes/exchange';
import { deleteNote, listNotes, type NoteFilter, saveNote, updateNoteBody } from '../../lib/notes/notes';

const db = new BackstoryDB();

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const SINCE: { label: () => string; days: number }[] = [
  { label: () => i18n.t('notes.anyTime'), days: 0 },
  { label: () => i18n.t('notes.lastWeek'), days: 7 },
  { label: () => i18n.t('notes.lastMonth'), days: 31 },
  { label: () => i18n.t('notes.lastYear'), days: 365 },
];

function NotesPage() {
  const [notes, setNotes] = useState<Note[]>([]);
  const [all, setAll] = useState<Note[]>([]);
  const [filter, setFilter] = useState<NoteFilter & { days?: number }>({});
  const [names, setNames] = useState<Record<string, string>>({});
  const [undo, setUndo] = useState<Note | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [persisted, setPersisted] = useState<boolean | undefined>();

  const refresh = useCallback(async () => {
    const { days, ...rest } = filter;
    setNotes(await listNotes(db, { ...rest, ...(days ? { since: Date.now() - days * 86_400_000 } : {}) }));
    setAll(await listNotes(db));
  }, [filter]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    // Ask the browser to keep this extension's data even under storage pressure.
    void navigator.storage?.persist?.().then(setPersisted);
  }, []);
  useEffect(() => {
    const ids = [...new Set(all.flatMap((n) => (n.entityId ? [n.entityId] : [])))];
    void Promise.all(
      ids.map(async (id) => {
        const res = (await browser.runtime.sendMessage({ type: 'card', entityId: id })) as {
          ok: boolean;
          value?: { name: string };
        };
        return [id, res.ok && res.value ? res.value.name : id] as const;
      }),
    ).then((pairs) => setNames(Object.fromEntries(pairs)));
  }, [all]);
  const entityName = (id: string) => names[id] ?? id;
  const entities = [...new Set(all.flatMap((n) => (n.entityId ? [n.entityId] : [])))];
  const sites = [...new Set(all.flatMap((n) => (n.site ? [n.site] : [])))].sort();

  return (
    <main>
      <h1>{i18n.t('common.yourNotes')}</h1>
      <p class="hint">
        {i18n.t('notes.stay')} {persisted === true && i18n.t('notes.persisted')}
        {persisted === false && i18n.t('notes.notPersisted')}
      </p>
      <p class="filters">
        <input
          type="search"
          placeholder={i18n.t('notes.search')}
          aria-label={i18n.t('notes.search')}
          value={filter.text ?? ''}
          onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
        />{' '}
        <select
          aria-label={i18n.t('notes.entity')}
          value={filter.entityId ?? ''}
          onChange={(e) => setFilter({ ...filter, entityId: e.currentTarget.value || undefined })}
        >
          <option value="">{i18n.t('notes.anyEntity')}</option>
          {entities.map((id) => (
            <option key={id} value={id}>
              {entityName(id)}
            </option>
          ))}
        </select>{' '}
        <select
          aria-label={i18n.t('notes.site')}
          value={filter.site ?? ''}
          onChange={(e) => setFilter({ ...filter, site: e.currentTarget.value || undefined })}
        >
          <option value="">{i18n.t('notes.anySite')}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>{' '}
        <select
          aria-label={i18n.t('notes.written')}
          value={String(filter.days ?? 0)}
          onChange={(e) => setFilter({ ...filter, days: Number(e.currentTarget.value) || undefined })}
        >
          {SINCE.map((s) => (
            <option key={s.days} value={String(s.days)}>
              {s.label()}
            </option>
          ))}
        </select>
      </p>
      {undo && (
        <p role="status" class="undo">
          {i18n.t('notes.deleted')}{' '}
          <button
            type="button"
            onClick={async () => {
              await saveNote(db, undo);
              setUndo(undefined);
              await refresh();
            }}
          >
            {i18n.t('notes.undo')}
          </button>
        </p>
      )}
      <NotesTable
        notes={notes}
        entityName={entityName}
        onEdit={async (id, body) => {
          const saved = await updateNoteBody(db, id, body);
          await refresh();
          return saved.ok ? undefined : problemText(saved, i18n.t('notes.editFailed'));
        }}
        onDelete={async (note) => {
          setUndo(await deleteNote(db, note.id));
          await refresh();
        }}
      />
      <section aria-labelledby="exchange-title">
        <h2 id="exchange-title">{i18n.t('notes.exchange')}</h2>
        <p>
          <button
            type="button"
            onClick={() => download('backstory-notes.json', 'application/ld+json', exportJson(all))}
          >
            {i18n.t('notes.exportJson')}
          </button>{' '}
          <button
            type="button"
            onClick={() => download('backstory-notes.md', 'text/markdown', exportMarkdown(all, entityName))}
          >
            {i18n.t('notes.exportMarkdown')}
          </button>
        </p>
        <label>
          {i18n.t('notes.importJson')}{' '}
          <input
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            onChange={async (e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (!file) return;
              if (file.size > MAX_NOTES_FILE_CHARS) {
                setMessage(
                  i18n.t('notes.tooBig', { file: file.name, size: formatNumber(MAX_NOTES_FILE_CHARS / 1024 / 1024) }),
                );
                return;
              }
              const result = await importNotes(db, await file.text());
              setMessage(
                result.ok
                  ? [
                      i18n.t('notes.imported', result.added, { file: file.name, count: formatNumber(result.added) }),
                      ...(result.skipped
                        ? [i18n.t('notes.alreadyHere', result.skipped, { count: formatNumber(result.skipped) })]
                        : []),
                    ].join(' ')
                  : // The file's problems stay as the importer words them (in English).
                    i18n.t('notes.importFailed', { file: file.name, errors: result.errors.join('; ') }),
              );
              await refresh();
            }}
          />
        </label>
        {message && (
          <p role="status" class="import-status">
            {message}
          </p>
        )}
      </section>
    </main>
  );
}

speakReadersLanguage(document, i18n.t('notes.pageTitle'));
const app = document.getElementById('app');
if (app) render(<NotesPage />, app);
