import { formatWhen } from '../lib/format-date';
import type { CardFact } from '../lib/messages';
import { SourceLine } from './SourceLine';

/** A role or dated span on one line: its value, when, and source; `label` before it ("Now:"). */
export function RoleLine({ fact, label, now = false }: { fact: CardFact; label?: string | undefined; now?: boolean }) {
  return (
    <p class={now ? 'role now' : 'role'} dir="auto">
      {label && <span class="label">{`${label} `}</span>}
      <strong>{fact.value}</strong>
      {fact.note && <span class="qualifier"> ({fact.note})</span>}
      {formatWhen(fact) && <span class="when"> · {formatWhen(fact)}</span>}
      <span class="cite">
        {' '}
        (<SourceLine source={fact.source} />)
      </span>
    </p>
  );
}
