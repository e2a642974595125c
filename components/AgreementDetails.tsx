import { i18n } from '#i18n';
import { formatDate } from '../lib/format-date';
import type { EntityCard as Card, EntityRef } from '../lib/messages';

function Refs({ refs }: { refs: EntityRef[] }) {
  return <>{refs.map((r) => r.name).join(', ')}</>;
}

/** An agreement's kind, parties, signatories, signing and status, as a definition list. */
export function AgreementDetails({ agreement: a }: { agreement: NonNullable<Card['agreement']> }) {
  return (
    <dl class="agreement">
      <dt>{i18n.t('card.kind')}</dt>
      <dd>{a.kind}</dd>
      {a.parties.length > 0 && (
        <>
          <dt>{i18n.t('card.parties')}</dt>
          <dd>
            <Refs refs={a.parties} />
          </dd>
        </>
      )}
      {a.signatories.length > 0 && (
        <>
          <dt>{i18n.t('card.signedBy')}</dt>
          <dd>
            <Refs refs={a.signatories} />
          </dd>
        </>
      )}
      <dt>{i18n.t('card.signed')}</dt>
      <dd>
        {formatDate(a.signed.date)}
        {a.signed.place && `, ${a.signed.place.name}`}
      </dd>
      <dt>{i18n.t('card.status')}</dt>
      <dd>{a.status}</dd>
    </dl>
  );
}
