import { formatDate } from '../lib/format-date';
import type { EntityCard as Card, EntityRef } from '../lib/messages';

function Refs({ refs }: { refs: EntityRef[] }) {
  return <>{refs.map((r) => r.name).join(', ')}</>;
}

/** An agreement's kind, parties, signatories, signing and status, as a definition list. */
export function AgreementDetails({ agreement: a }: { agreement: NonNullable<Card['agreement']> }) {
  return (
    <dl class="agreement">
      <dt>Kind</dt>
      <dd>{a.kind}</dd>
      {a.parties.length > 0 && (
        <>
          <dt>Parties</dt>
          <dd>
            <Refs refs={a.parties} />
          </dd>
        </>
      )}
      {a.signatories.length > 0 && (
        <>
          <dt>Signed by</dt>
          <dd>
            <Refs refs={a.signatories} />
          </dd>
        </>
      )}
      <dt>Signed</dt>
      <dd>
        {formatDate(a.signed.date)}
        {a.signed.place && `, ${a.signed.place.name}`}
      </dd>
      <dt>Status</dt>
      <dd>{a.status}</dd>
    </dl>
  );
}
