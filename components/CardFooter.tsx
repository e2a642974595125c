import { i18n } from '#i18n';
import { formatNumber } from '../lib/i18n/locale';
import type { LinkReason } from '../lib/link/reasons';
import { reasonText } from './reason-text';

export interface CardFooterProps {
  /** Why this mention was linked to this entity (the linker's reason). */
  reason?: LinkReason | undefined;
  /** How many stories in the store mention the entity. */
  relatedStories: number;
  /** Opens the stories (the popup); without it the count is plain text. */
  onOpenStories?: (() => void) | undefined;
  /** Turns Backstory off on this site; no button without it. */
  onDisableSite?: (() => void) | undefined;
  /** The buttons' tabIndex (see EntityCardProps.focusable). */
  tab: number;
}

/** The card's foot: why the mention was linked, the related stories, and the switch for this site. */
export function CardFooter({ reason, relatedStories, onOpenStories, onDisableSite, tab }: CardFooterProps) {
  const stories = i18n.t('card.relatedStories', relatedStories, { count: formatNumber(relatedStories) });
  return (
    <footer>
      {reason && (
        <p class="reason">
          <span class="label">{i18n.t('card.whyLinked')}</span> {reasonText(reason)}
        </p>
      )}
      <p class="stories">
        {relatedStories > 0 && onOpenStories ? (
          <button type="button" class="stories-link" tabIndex={tab} onClick={onOpenStories}>
            {stories}
          </button>
        ) : (
          stories
        )}
      </p>
      {onDisableSite && (
        <button type="button" class="site-off" tabIndex={tab} onClick={onDisableSite}>
          {i18n.t('card.siteOff')}
        </button>
      )}
    </footer>
  );
}
