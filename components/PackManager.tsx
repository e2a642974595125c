import type { StoredPack } from '../lib/db';
import type { PackSummary } from '../lib/messages';
import { BundledPacks } from './BundledPacks';

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
      <h2 id="packs-title">Fact packs</h2>
      <p class="hint">
        Backstory links names to the entries of these packs. Add your own as a JSON file in the fact-pack format
        (described in the project's <code>docs/fact-packs.md</code>); it is checked whole before anything is stored.
      </p>
      <h3>Bundled</h3>
      <p class="hint">
        Built from open datasets. Untick a pack to leave its names unlinked and its facts off the cards; tick it to
        bring it back.
      </p>
      <BundledPacks packs={bundled} onToggle={onToggle} busy={busy} />
      <h3>Yours</h3>
      {mine.length === 0 ? (
        <p class="empty">None yet.</p>
      ) : (
        <ul class="packs" data-testid="reader-packs">
          {mine.map((p) => (
            <li key={p.id} data-pack={p.id}>
              <strong>{p.name}</strong>{' '}
              <span class="meta">{`${p.version} · ${p.entities} entries · imported ${new Date(p.importedAt).toLocaleDateString()}`}</span>{' '}
              <button type="button" onClick={() => onRemove(p.id)} aria-label={`Remove ${p.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="import">
        Import a pack (.json){' '}
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
        {status.kind === 'working' && `Checking ${status.file}…`}
        {status.kind === 'done' &&
          `${status.replaced ? 'Updated' : 'Imported'} “${status.pack.name}” (${status.pack.entities} entries). It is in use now.`}
        {status.kind === 'failed' && (
          <>
            <p>{`${status.file} was not imported; nothing was stored. ${status.errors.length === 1 ? 'Problem' : 'Problems'}:`}</p>
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
