import { i18n } from '#i18n';
import { formatDate } from '../lib/format-date';
import type { CardSource } from '../lib/messages';
import { webUrl } from '../lib/safe-url';

/** "Rudaw, 13 Aug 2025", linked only when the pack knows the URL. */
export function SourceLine({ source }: { source: CardSource | undefined }) {
  if (!source) return <span class="source missing">{i18n.t('card.sourceMissing')}</span>;
  const label = [source.outlet, formatDate(source.date)].filter(Boolean).join(', ');
  return (
    <span class="source">
      {webUrl(source.url) ? (
        <a href={webUrl(source.url)} target="_blank" rel="noopener noreferrer" title={source.title ?? source.outlet}>
          {label}
        </a>
      ) : (
        <span title={source.title}>{label}</span>
      )}
    </span>
  );
}
