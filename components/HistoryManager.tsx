import type { Visit } from '../lib/db';
import type { HistorySettings } from '../lib/history/visits';

export interface HistoryManagerProps {
  visits: Visit[];
  settings: HistorySettings;
  onDelete: (key: string) => void;
  onClear: () => void;
  onSettings: (settings: HistorySettings) => void;
}

const KEEP = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: 'a year' },
  { days: 0, label: 'until I clear it' },
];

/** "Your reading": what Backstory remembers of the articles read, and the reader's control over it. */
export function HistoryManager({ visits, settings, onDelete, onClear, onSettings }: HistoryManagerProps) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">Your reading</h2>
      <p class="hint">
        To show you related coverage, Backstory remembers the articles you read with it on: address, title, site, date
        and the names it found. Never the text. It stays in this browser.
      </p>
      <p class="controls">
        <label>
          <input
            type="checkbox"
            checked={settings.paused}
            onChange={(e) => onSettings({ ...settings, paused: e.currentTarget.checked })}
          />{' '}
          Pause: remember nothing new
        </label>{' '}
        <label>
          Keep for{' '}
          <select
            value={String(settings.keepDays)}
            onChange={(e) => onSettings({ ...settings, keepDays: Number(e.currentTarget.value) })}
          >
            {KEEP.map((k) => (
              <option key={k.days} value={String(k.days)}>
                {k.label}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={onClear} disabled={visits.length === 0}>
          Clear all
        </button>
      </p>
      {visits.length === 0 ? (
        <p class="empty">Nothing remembered.</p>
      ) : (
        <ul class="visits" data-testid="visits">
          {visits.map((v) => (
            <li key={v.key} data-visit={v.key}>
              <span class="meta">{new Date(v.readAt).toLocaleDateString()}</span>{' '}
              <span dir="auto">{v.title || v.url}</span> <span class="meta">{v.site}</span>{' '}
              <button type="button" onClick={() => onDelete(v.key)} aria-label={`Forget ${v.title || v.url}`}>
                Forget
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
