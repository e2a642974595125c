export interface CardFooterProps {
  /** Why this mention was linked to this entity (the linker's reason). */
  reason?: string | undefined;
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
  const stories = relatedStories === 1 ? '1 related story' : `${relatedStories} related stories`;
  return (
    <footer>
      {reason && (
        <p class="reason">
          <span class="label">Why linked:</span> {reason}
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
          Turn Backstory off on this site
        </button>
      )}
    </footer>
  );
}
