import { i18n } from '#i18n';
import { formatDate } from '../lib/format-date';
import { formatNumber } from '../lib/i18n/locale';
import type { RelatedItem } from '../lib/messages';
import { webUrl } from '../lib/safe-url';
import { untitled } from './StoryList';

/** How many shared entities a line names (the strongest). */
const SHARED_SHOWN = 4;

/** "shares: A, B, C, D and 2 more": the strongest names, and how many others. */
function shares(names: string[]): string {
  const shown = names.slice(0, SHARED_SHOWN).join(', ');
  const more = names.length - SHARED_SHOWN;
  return more > 0
    ? i18n.t('popup.sharesMore', more, { names: shown, count: formatNumber(more) })
    : i18n.t('popup.shares', { names: shown });
}

/** Related coverage: headline (linked when known), outlet and date, what it shares with the page, and "read". */
export function RelatedList({ items }: { items: RelatedItem[] }) {
  if (items.length === 0) return <p class="empty">{i18n.t('popup.noRelated')}</p>;
  return (
    <ol class="related-list">
      {items.map((item) => (
        <li key={item.key} data-related={item.key} data-read={item.read ? 'true' : 'false'}>
          <p class="meta">
            <time dateTime={item.date}>{formatDate(item.date)}</time> · {item.outlet}
            {item.read && <span class="read-badge">{i18n.t('popup.read')}</span>}
          </p>
          <p class={item.title ? 'headline' : 'headline untitled'} dir="auto">
            {webUrl(item.url) ? (
              <a href={webUrl(item.url)} target="_blank" rel="noopener noreferrer">
                {item.title ?? untitled(item)}
              </a>
            ) : (
              (item.title ?? untitled(item))
            )}
          </p>
          <p class="shares" title={item.shared.map((e) => e.name).join(', ')}>
            {shares(item.shared.map((e) => e.name))}
          </p>
        </li>
      ))}
    </ol>
  );
}
