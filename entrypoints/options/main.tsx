import './style.css';
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type ImportStatus, PackManager } from '../../components/PackManager';
import { BackstoryDB, type StoredPack } from '../../lib/db';
import { MAX_PACK_CHARS } from '../../lib/factstore/validate';
import { call, type PackSummary } from '../../lib/messages';
import { importPackText, listPacks, removePack } from '../../lib/packs/reader-packs';

const db = new BackstoryDB();

function Options() {
  const [bundled, setBundled] = useState<PackSummary[]>([]);
  const [mine, setMine] = useState<StoredPack[]>([]);
  const [status, setStatus] = useState<ImportStatus>({ kind: 'idle' });

  const refresh = useCallback(async () => setMine(await listPacks(db)), []);
  useEffect(() => {
    void call(browser.runtime, { type: 'bundledPacks' }).then(setBundled);
    void refresh();
  }, [refresh]);

  const onImport = async (file: File) => {
    setStatus({ kind: 'working', file: file.name });
    if (file.size > MAX_PACK_CHARS) {
      const mb = (file.size / 1024 / 1024).toFixed(1);
      setStatus({
        kind: 'failed',
        file: file.name,
        errors: [`file is ${mb} MB; packs may be at most ${MAX_PACK_CHARS / 1024 / 1024} MB`],
      });
      return;
    }
    const result = await importPackText(db, await file.text(), { reservedIds: bundled.map((p) => p.id) });
    if (!result.ok) {
      setStatus({ kind: 'failed', file: file.name, errors: result.errors });
      return;
    }
    await call(browser.runtime, { type: 'packsChanged' });
    await refresh();
    setStatus({ kind: 'done', file: file.name, pack: result.pack, replaced: result.replaced });
  };

  const onRemove = async (id: string) => {
    await removePack(db, id);
    await call(browser.runtime, { type: 'packsChanged' });
    await refresh();
    setStatus({ kind: 'idle' });
  };

  return (
    <main>
      <h1>Backstory</h1>
      <PackManager bundled={bundled} mine={mine} status={status} onImport={onImport} onRemove={onRemove} />
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<Options />, app);
