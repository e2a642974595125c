import { i18n } from '#i18n';
import { formatDate } from '../lib/format-date';
import type { Story } from '../lib/messages';
import { webUrl } from '../lib/safe-url';

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
                {s.title ?? i18n.t('common.headlineMissing')}
              </a>
            ) : (
              (s.title ?? i18n.t('common.headlineMissing'))
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
