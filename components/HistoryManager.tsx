import { i18n } from '#i18n';
import type { Visit } from '../lib/db';
import { formatDay } from '../lib/format-date';
import type { HistorySettings } from '../lib/history/visits';
import { formatNumber } from '../lib/i18n/locale';

export interface HistoryManagerProps {
  visits: Visit[];
  settings: HistorySettings;
  onDelete: (key: string) => void;
  onClear: () => void;
  onSettings: (settings: HistorySettings) => void;
}

const KEEP: { days: number; label: () => string }[] = [
  { days: 30, label: () => i18n.t('history.days', 30, { count: formatNumber(30) }) },
  { days: 90, label: () => i18n.t('history.days', 90, { count: formatNumber(90) }) },
  { days: 365, label: () => i18n.t('history.year') },
  { days: 0, label: () => i18n.t('history.untilCleared') },
];

/** "Your reading": what Backstory remembers of the articles read, and the reader's control over it. */
export function HistoryManager({ visits, settings, onDelete, onClear, onSettings }: HistoryManagerProps) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{i18n.t('history.title')}</h2>
      <p class="hint">{i18n.t('history.hint')}</p>
      <p class="controls">
        <label>
          <input
            type="checkbox"
            checked={settings.paused}
            onChange={(e) => onSettings({ ...settings, paused: e.currentTarget.checked })}
          />{' '}
          {i18n.t('history.pause')}
        </label>{' '}
        <label>
          {i18n.t('history.keepFor')}{' '}
          <select
            value={String(settings.keepDays)}
            onChange={(e) => onSettings({ ...settings, keepDays: Number(e.currentTarget.value) })}
          >
            {KEEP.map((k) => (
              <option key={k.days} value={String(k.days)}>
                {k.label()}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={onClear} disabled={visits.length === 0}>
          {i18n.t('history.clear')}
        </button>
      </p>
      {visits.length === 0 ? (
        <p class="empty">{i18n.t('history.none')}</p>
      ) : (
        <ul class="visits" data-testid="visits">
          {visits.map((v) => (
            <li key={v.key} data-visit={v.key}>
              <span class="meta">{formatDay(v.readAt)}</span> <span dir="auto">{v.title || v.url}</span>{' '}
              <span class="meta">{v.site}</span>{' '}
              <button
                type="button"
                onClick={() => onDelete(v.key)}
                aria-label={i18n.t('history.forgetLabel', { title: v.title || v.url })}
              >
                {i18n.t('history.forget')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
