import { i18n } from '#i18n';
import type { StoredPack } from '../lib/db';
import { formatDay } from '../lib/format-date';
import { formatNumber } from '../lib/i18n/locale';
import type { PackSummary } from '../lib/messages';
import { BundledPacks } from './BundledPacks';
import { withParts } from './with-parts';

export type ImportStatus =
  | { kind: 'idle' }
  | { kind: 'working'; file: string }
  | { kind: 'done'; file: string; pack: StoredPack; replaced: boolean }
  | { kind: 'failed'; file: string; errors: string[] };

export interface PackManagerProps {
  bundled: PackSummary[];
  mine: StoredPack[];
  status: ImportStatus;
  onImport: (file: File) => void;
  onRemove: (id: string) => void;
  onToggle: (id: string, enabled: boolean) => void;
  busy?: string | undefined;
}

/** The reader's fact packs: what is bundled, what they imported, and the import form. */
export function PackManager({ bundled, mine, status, onImport, onRemove, onToggle, busy }: PackManagerProps) {
  return (
    <section aria-labelledby="packs-title">
      <h2 id="packs-title">{i18n.t('packs.title')}</h2>
      <p class="hint">
        {withParts(i18n.t('packs.hint', { file: '{file}' }), { file: <code>docs/fact-packs.md</code> })}
      </p>
      <h3>{i18n.t('packs.bundled')}</h3>
      <p class="hint">{i18n.t('packs.bundledHint')}</p>
      <BundledPacks packs={bundled} onToggle={onToggle} busy={busy} />
      <h3>{i18n.t('packs.yours')}</h3>
      {mine.length === 0 ? (
        <p class="empty">{i18n.t('packs.none')}</p>
      ) : (
        <ul class="packs" data-testid="reader-packs">
          {mine.map((p) => (
            <li key={p.id} data-pack={p.id}>
              <strong>{p.name}</strong>{' '}
              <span class="meta">
                {[
                  p.version,
                  i18n.t('packs.entries', p.entities, { count: formatNumber(p.entities) }),
                  i18n.t('packs.importedOn', { date: formatDay(p.importedAt) }),
                ].join(' · ')}
              </span>{' '}
              <button
                type="button"
                onClick={() => onRemove(p.id)}
                aria-label={i18n.t('packs.removeLabel', { name: p.name })}
              >
                {i18n.t('packs.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="import">
        {i18n.t('packs.import')}{' '}
        <input
          type="file"
          accept=".json,application/json"
          disabled={status.kind === 'working'}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) onImport(file);
            input.value = '';
          }}
        />
      </label>
      <div role="status" aria-live="polite" class={`status ${status.kind}`}>
        {status.kind === 'working' && i18n.t('packs.checking', { file: status.file })}
        {status.kind === 'done' &&
          (status.replaced
            ? i18n.t('packs.updated', status.pack.entities, {
                name: status.pack.name,
                count: formatNumber(status.pack.entities),
              })
            : i18n.t('packs.imported', status.pack.entities, {
                name: status.pack.name,
                count: formatNumber(status.pack.entities),
              }))}
        {status.kind === 'failed' && (
          <>
            {/* The pack's problems stay as the checker words them (in English), each in code. */}
            <p>{i18n.t('packs.failed', status.errors.length, { file: status.file })}</p>
            <ul class="errors">
              {status.errors.map((e) => (
                <li key={e}>
                  <code>{e}</code>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
