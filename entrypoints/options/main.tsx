import '../../assets/extension-page.css';
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { HistoryManager } from '../../components/HistoryManager';
import { type ImportStatus, PackManager } from '../../components/PackManager';
import { BackstoryDB, type StoredPack, settingsArea, type Visit } from '../../lib/db';
import { MAX_PACK_CHARS } from '../../lib/factstore/validate';
import {
  clearVisits,
  DEFAULT_HISTORY,
  deleteVisit,
  type HistorySettings,
  historySettings,
  listVisits,
  setHistorySettings,
} from '../../lib/history/visits';
import { formatNumber, readerLocale } from '../../lib/i18n/locale';
import { speakReadersLanguage } from '../../lib/i18n/page';
import { call, type PackSummary } from '../../lib/messages';
import { importPackText, listPacks, removePack } from '../../lib/packs/reader-packs';

const db = new BackstoryDB();

function Options() {
  const [bundled, setBundled] = useState<PackSummary[]>([]);
  const [mine, setMine] = useState<StoredPack[]>([]);
  const [status, setStatus] = useState<ImportStatus>({ kind: 'idle' });
  const [busy, setBusy] = useState<string | undefined>();
  const [visits, setVisits] = useState<Visit[]>([]);
  const [persisted, setPersisted] = useState<boolean | undefined>();
  useEffect(() => {
    // Ask for persistent storage, and say whether the browser granted it.
    void (navigator.storage?.persist?.() ?? Promise.resolve(false)).then(setPersisted, () => setPersisted(false));
  }, []);
  const [history, setHistory] = useState<HistorySettings>(DEFAULT_HISTORY);
  const refreshHistory = useCallback(async () => setVisits(await listVisits(db, 500)), []);

  const refresh = useCallback(async () => setMine(await listPacks(db)), []);
  useEffect(() => {
    void call(browser.runtime, { type: 'bundledPacks' }).then(setBundled);
    void refresh();
    void refreshHistory();
    void historySettings(settingsArea(db)).then(setHistory);
  }, [refresh, refreshHistory]);

  const onImport = async (file: File) => {
    setStatus({ kind: 'working', file: file.name });
    if (file.size > MAX_PACK_CHARS) {
      const mb = new Intl.NumberFormat(readerLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      setStatus({
        kind: 'failed',
        file: file.name,
        errors: [
          i18n.t('packs.tooBig', {
            size: mb.format(file.size / 1024 / 1024),
            max: formatNumber(MAX_PACK_CHARS / 1024 / 1024),
          }),
        ],
      });
      return;
    }
    // Whatever goes wrong, the form never stays on "Checking…": it says what failed.
    const result = await importPackText(db, await file.text(), { reservedIds: bundled.map((p) => p.id) }).catch(
      (error: unknown) => ({ ok: false as const, errors: [i18n.t('packs.unreadable', { error: String(error) })] }),
    );
    if (!result.ok) {
      setStatus({ kind: 'failed', file: file.name, errors: result.errors });
      return;
    }
    await call(browser.runtime, { type: 'packsChanged' });
    await refresh();
    setStatus({ kind: 'done', file: file.name, pack: result.pack, replaced: result.replaced });
  };

  const onToggle = async (id: string, enabled: boolean) => {
    setBusy(id);
    // The box shows the reader's choice at once; the list is read back once the store has it.
    setBundled((now) => now.map((p) => (p.id === id ? { ...p, enabled } : p)));
    try {
      await call(browser.runtime, { type: 'setPackEnabled', packId: id, enabled });
      setBundled(await call(browser.runtime, { type: 'bundledPacks' }));
    } finally {
      setBusy(undefined);
    }
  };

  const onRemove = async (id: string) => {
    await removePack(db, id);
    await call(browser.runtime, { type: 'packsChanged' });
    await refresh();
    setStatus({ kind: 'idle' });
  };

  return (
    <main>
      <h1>
        <img class="logo" src="/icons/48.png" alt="" width="28" height="28" />
        {i18n.t('extName')}
      </h1>
      <p>
        <a href={browser.runtime.getURL('/notes.html')}>{i18n.t('options.notesLink')}</a>
        {' · '}
        <a href="/privacy.html">{i18n.t('options.privacy')}</a>
      </p>
      <p class="hint" data-testid="persistence">
        {persisted === undefined
          ? i18n.t('options.checkingStorage')
          : persisted
            ? i18n.t('options.persistent')
            : i18n.t('options.notPersistent')}
      </p>
      <PackManager
        bundled={bundled}
        mine={mine}
        status={status}
        onImport={onImport}
        onRemove={onRemove}
        onToggle={onToggle}
        busy={busy}
      />
      <HistoryManager
        visits={visits}
        settings={history}
        onDelete={async (key) => {
          await deleteVisit(db, key);
          await call(browser.runtime, { type: 'historyChanged' });
          await refreshHistory();
        }}
        onClear={async () => {
          await clearVisits(db);
          await call(browser.runtime, { type: 'historyChanged' });
          await refreshHistory();
        }}
        onSettings={async (next) => {
          setHistory(next);
          // The background prunes old visits when this changes.
          await setHistorySettings(settingsArea(db), next);
          await call(browser.runtime, { type: 'historyChanged' });
          setTimeout(() => void refreshHistory(), 300);
        }}
      />
    </main>
  );
}

speakReadersLanguage(document, i18n.t('options.pageTitle'));
const app = document.getElementById('app');
if (app) render(<Options />, app);
