import { i18n } from '#i18n';
import type { EntityRef } from '../lib/messages';

/** The entities related to the card's, as buttons that open their cards. */
export function RelatedChips({
  related,
  onOpenEntity,
  tab,
}: {
  related: EntityRef[];
  onOpenEntity?: ((ref: EntityRef) => void) | undefined;
  /** The buttons' tabIndex (see EntityCardProps.focusable). */
  tab: number;
}) {
  return (
    <section class="related" aria-label={i18n.t('card.related')}>
      {related.map((r) => (
        <button
          type="button"
          class="chip"
          key={r.id}
          data-entity={r.id}
          tabIndex={tab}
          onClick={() => onOpenEntity?.(r)}
        >
          {r.name}
        </button>
      ))}
    </section>
  );
}
