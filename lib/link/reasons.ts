/**
 * What decided among namesakes: the one in office at the article's date, the
 * one of the country the text is about, or the most prominent.
 */
export type Decider = { by: 'date'; date: string } | { by: 'country'; country: string } | { by: 'rank' };

/**
 * Why a span was linked to an entity, as values: the card words it in the
 * reader's language (components/reason-text.ts), so the background and the
 * page exchange no sentences. `text` is the span as the page writes it, `name`
 * the entity's name, `country` a country's name, `date` as the page gives it.
 */
export type LinkReason =
  | {
      why:
        | 'name'
        | 'demonym'
        | 'after'
        | 'alsoNamed'
        | 'onlyHead'
        | 'dateline'
        | 'place'
        | 'addressedAsGovernment'
        | 'actsAsGovernment'
        | 'policyGovernment'
        | 'agreement'
        | 'refersBack';
      text: string;
      name: string;
    }
  | { why: 'onlyOne'; text: string }
  | { why: 'agreementYear'; text: string; name: string; year: number }
  /** Among namesakes by their full name (`namesake`) or their surname (`short`), `decided` chose. */
  | { why: 'namesake' | 'short'; text: string; name: string; decided: Decider }
  /** Opened from a related chip on another entity's card (`name`). */
  | { why: 'related'; name: string };
