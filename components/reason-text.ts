import { i18n } from '#i18n';
import { formatDate } from '../lib/format-date';
import type { Decider, LinkReason } from '../lib/link/reasons';

/** The linker's reason in the reader's words ("“Larijani” after “Ali Larijani” earlier in the text"). */
export function reasonText(r: LinkReason): string {
  switch (r.why) {
    case 'name':
      return i18n.t('reason.name', { text: r.text, name: r.name });
    case 'demonym':
      return i18n.t('reason.demonym', { text: r.text, name: r.name });
    case 'after':
      return i18n.t('reason.after', { text: r.text, name: r.name });
    case 'alsoNamed':
      return i18n.t('reason.alsoNamed', { text: r.text, name: r.name });
    case 'onlyHead':
      return i18n.t('reason.onlyHead', { text: r.text, name: r.name });
    case 'dateline':
      return i18n.t('reason.dateline', { text: r.text, name: r.name });
    case 'place':
      return i18n.t('reason.place', { text: r.text, name: r.name });
    case 'addressedAsGovernment':
      return i18n.t('reason.addressedAsGovernment', { text: r.text, name: r.name });
    case 'actsAsGovernment':
      return i18n.t('reason.actsAsGovernment', { text: r.text, name: r.name });
    case 'policyGovernment':
      return i18n.t('reason.policyGovernment', { text: r.text, name: r.name });
    case 'agreement':
      return i18n.t('reason.agreement', { text: r.text, name: r.name });
    case 'refersBack':
      return i18n.t('reason.refersBack', { text: r.text, name: r.name });
    case 'onlyOne':
      return i18n.t('reason.onlyOne', { text: r.text });
    case 'agreementYear':
      // A year is written without grouping ("2023", never "2,023").
      return i18n.t('reason.agreementYear', { text: r.text, name: r.name, year: String(r.year) });
    case 'namesake':
      return decided(r.decided, {
        date: (date) => i18n.t('reason.namesakeDate', { text: r.text, name: r.name, date }),
        country: (country) => i18n.t('reason.namesakeCountry', { text: r.text, name: r.name, country }),
        rank: () => i18n.t('reason.namesakeRank', { text: r.text, name: r.name }),
      });
    case 'short':
      return decided(r.decided, {
        date: (date) => i18n.t('reason.shortDate', { text: r.text, name: r.name, date }),
        country: (country) => i18n.t('reason.shortCountry', { text: r.text, name: r.name, country }),
        rank: () => i18n.t('reason.shortRank', { text: r.text, name: r.name }),
      });
    case 'related':
      return i18n.t('reason.related', { name: r.name });
  }
}

function decided(
  d: Decider,
  words: { date: (date: string) => string; country: (country: string) => string; rank: () => string },
): string {
  if (d.by === 'date') return words.date(formatDate(d.date));
  if (d.by === 'country') return words.country(d.country);
  return words.rank();
}
