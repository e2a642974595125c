import { formatDate } from '../lib/format-date';
import type { RelatedItem } from '../lib/messages';
import { webUrl } from '../lib/safe-url';

/** How many shared entities a line names (the strongest). */
const SHARED_SHOWN = 4;

/** Related coverage: headline (linked when known), outlet and date, what it shares with the page, and "read". */
export function RelatedList({ items }: { items: RelatedItem[] }) {
  if (items.length === 0) return <p class="empty">No related coverage yet.</p>;
  return (
    <ol class="related-list">
      {items.map((item) => (
        <li key={item.key} data-related={item.key} data-read={item.read ? 'true' : 'false'}>
          <p class="meta">
            <time dateTime={item.date}>{formatDate(item.date)}</time> · {item.outlet}
            {item.read && <span class="read-badge">read</span>}
          </p>
          <p class={item.title ? 'headline' : 'headline untitled'} dir="auto">
            {webUrl(item.url) ? (
              <a href={webUrl(item.url)} target="_blank" rel="noopener noreferrer">
                {item.title ?? 'Headline not recorded'}
              </a>
            ) : (
              (item.title ?? 'Headline not recorded')
            )}
          </p>
          <p class="shares" title={item.shared.map((e) => e.name).join(', ')}>
            shares:{' '}
            {item.shared
              .slice(0, SHARED_SHOWN)
              .map((e) => e.name)
              .join(', ')}
            {item.shared.length > SHARED_SHOWN && ` and ${item.shared.length - SHARED_SHOWN} more`}
          </p>
        </li>
      ))}
    </ol>
  );
}
