import { i18n } from '#i18n';
import { dayNumber, lastDayNumber } from '../lib/factstore/day-number';
import { formatDate } from '../lib/format-date';
import type { EntityCard as Card, CardFact } from '../lib/messages';
import { RoleLine } from './RoleLine';

/**
 * Whether a dated span held on `date` (compared at the precision both are
 * written: a role "since 2009" held in "2015-03"). A span from data that
 * stopped being updated before the date cannot say.
 */
export function heldOn(f: CardFact, date: string): boolean {
  if (!f.from || dayNumber(f.from) > lastDayNumber(date)) return false;
  const end = f.to ?? f.asOf;
  return !end || lastDayNumber(end) >= dayNumber(date);
}

/** What the card says of the article's time: the spans that held then, and the role now if it differs. */
export interface AtTheTime {
  then: CardFact[];
  now: CardFact | undefined;
}

/** The card's view of the article's date; undefined with no date, or nothing dated to tell apart. */
export function atTheTime(card: Card, date: string | undefined): AtTheTime | undefined {
  if (!date) return undefined;
  const then = [...(card.role ? [card.role] : []), ...card.facts].filter((f) => heldOn(f, date));
  const roleThen = card.role !== undefined && then.includes(card.role);
  // Nothing to tell apart: no span held then, and no role begun since.
  if (then.length === 0 && !card.role) return undefined;
  return { then, now: roleThen ? undefined : card.role };
}

/**
 * "At the time of this article (March 2015):" and what held then, with the
 * role now below when it differs: a reader of an old story sees who was who then.
 */
export function TimeSection({ time, articleDate }: { time: AtTheTime; articleDate: string }) {
  return (
    <section class="then" aria-label={i18n.t('card.atTheTime')}>
      <p class="then-label">{i18n.t('card.atTheTimeOf', { date: formatDate(articleDate.slice(0, 7)) })}</p>
      {time.then.length === 0 && <p class="nothing">{i18n.t('card.nothingThen')}</p>}
      {time.then.map((f) => (
        <RoleLine
          key={`${f.label}-${f.value}`}
          fact={f}
          label={f.label === 'Role' ? undefined : i18n.t('common.labelled', { label: f.label })}
        />
      ))}
      {/* "Now" only for a role a recent source confirms; one from old data is the last recorded. */}
      {time.now && (
        <RoleLine
          fact={time.now}
          label={time.now.asOf ? i18n.t('card.lastRecorded') : i18n.t('card.now')}
          now={!time.now.asOf}
        />
      )}
    </section>
  );
}
