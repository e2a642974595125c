import { formatDate } from '../lib/format-date';
import type { EntityCard as Card } from '../lib/messages';
import { SourceLine } from './SourceLine';

const STANCE_LABEL: Record<string, string> = {
  supports: 'supports',
  opposes: 'opposes',
  criticizes: 'criticises',
  defends: 'defends',
  neutral: 'comments',
};

/** Who reacted to an agreement, when, and how, each with its source. */
export function Reactions({ reactions }: { reactions: NonNullable<Card['agreement']>['reactions'] }) {
  return (
    <section class="reactions" aria-label="Reactions">
      <h3>Reactions</h3>
      <ol>
        {reactions.map((r) => (
          <li key={`${r.who.id}-${r.date}`} data-stance={r.stance}>
            <span class="when">{formatDate(r.date)}</span> <strong>{r.who.name}</strong> {STANCE_LABEL[r.stance]}:{' '}
            {r.summary} <SourceLine source={r.source} />
          </li>
        ))}
      </ol>
    </section>
  );
}
