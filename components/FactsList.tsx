import { i18n } from '#i18n';
import { formatWhen } from '../lib/format-date';
import { formatNumber } from '../lib/i18n/locale';
import type { CardFact } from '../lib/messages';
import { SourceLine } from './SourceLine';

/** How many facts a card shows before "more facts". */
export const FACTS_SHOWN = 4;

export interface FactsListProps {
  facts: CardFact[];
  /** Every fact shown, or the first {@link FACTS_SHOWN} and a "more facts" button. */
  all: boolean;
  onShowAll: () => void;
  /** The button's tabIndex (see EntityCardProps.focusable). */
  tab: number;
}

/** A card's facts, each with its date, label and source; the first few, the rest on request. */
export function FactsList({ facts, all, onShowAll, tab }: FactsListProps) {
  const shown = all ? facts : facts.slice(0, FACTS_SHOWN);
  const more = facts.length - shown.length;
  return (
    <section class="facts" aria-label={i18n.t('card.facts')}>
      <ul>
        {shown.map((f) => (
          <li key={`${f.label}-${f.value}`}>
            {formatWhen(f) && <span class="when">{formatWhen(f)}</span>}{' '}
            <span class="label">{i18n.t('common.labelled', { label: f.label })}</span> <span dir="auto">{f.value}</span>
            {/* The source's own qualifier, as it gives it: a contested capital is never said more surely. */}
            {f.note && <span class="qualifier"> ({f.note})</span>} <SourceLine source={f.source} />
          </li>
        ))}
      </ul>
      {more > 0 && (
        <button type="button" class="more" tabIndex={tab} onClick={onShowAll}>
          {i18n.t('card.moreFacts', more, { count: formatNumber(more) })}
        </button>
      )}
    </section>
  );
}
