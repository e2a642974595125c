import { i18n } from '#i18n';
import { formatDate } from '../lib/format-date';
import type { EntityCard as Card } from '../lib/messages';
import { SourceLine } from './SourceLine';

/** "supports:", before what they said (a stance the interface does not know "comments:"). */
function stanceLabel(stance: string): string {
  switch (stance) {
    case 'supports':
      return i18n.t('card.stance.supports');
    case 'opposes':
      return i18n.t('card.stance.opposes');
    case 'criticizes':
      return i18n.t('card.stance.criticizes');
    case 'defends':
      return i18n.t('card.stance.defends');
    default:
      return i18n.t('card.stance.neutral');
  }
}

/** Who reacted to an agreement, when, and how, each with its source. */
export function Reactions({ reactions }: { reactions: NonNullable<Card['agreement']>['reactions'] }) {
  return (
    <section class="reactions" aria-label={i18n.t('card.reactions')}>
      <h3>{i18n.t('card.reactions')}</h3>
      <ol>
        {reactions.map((r) => (
          <li key={`${r.who.id}-${r.date}`} data-stance={r.stance}>
            <span class="when">{formatDate(r.date)}</span> <strong>{r.who.name}</strong> {stanceLabel(r.stance)}{' '}
            {r.summary} <SourceLine source={r.source} />
          </li>
        ))}
      </ol>
    </section>
  );
}
