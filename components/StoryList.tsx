import { i18n } from '#i18n';
import { formatDate } from '../lib/format-date';
import type { Story } from '../lib/messages';
import { webUrl } from '../lib/safe-url';

/**
 * An item whose headline the pack does not know is named for what it is, an
 * outlet's report of a date ("Rudaw report, 17 Aug 2025"): a headline is never
 * made up from the summary.
 */
export function untitled(item: { outlet: string; date: string }): string {
  return i18n.t('common.untitledReport', { outlet: item.outlet, date: formatDate(item.date) });
}

/** Stories as a timeline, newest first: date, outlet, headline (linked when known), one line. */
export function StoryList({ stories }: { stories: Story[] }) {
  if (stories.length === 0) return <p class="empty">{i18n.t('popup.noStories')}</p>;
  return (
    <ol class="stories">
      {stories.map((s) => (
        <li key={s.id} data-story={s.id}>
          <p class="meta">
            <time dateTime={s.date}>{formatDate(s.date)}</time> · {s.outlet}
          </p>
          {/* A headline is shown only when the pack knows it; never made up from the summary. */}
          <p class={s.title ? 'headline' : 'headline untitled'} dir="auto">
            {webUrl(s.url) ? (
              <a href={webUrl(s.url)} target="_blank" rel="noopener noreferrer">
                {s.title ?? untitled(s)}
              </a>
            ) : (
              (s.title ?? untitled(s))
            )}
          </p>
          <p class="summary" dir="auto">
            {s.summary}
          </p>
        </li>
      ))}
    </ol>
  );
}
