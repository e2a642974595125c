import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { dayNumber, lastDayNumber } from '../lib/factstore/day-number';
import { formatDate, formatWhen } from '../lib/format-date';
import type { EntityCard as Card, CardFact, EntityNote, EntityRef } from '../lib/messages';
import { SourceLine } from './SourceLine';

const TYPE_LABEL: Record<Card['type'], string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  agreement: 'Agreement',
  outlet: 'News outlet',
  event: 'Event',
};

/** How many facts a card shows before "more facts". */
export const FACTS_SHOWN = 4;

const STANCE_LABEL: Record<string, string> = {
  supports: 'supports',
  opposes: 'opposes',
  criticizes: 'criticises',
  defends: 'defends',
  neutral: 'comments',
};

export interface EntityCardProps {
  card: Card;
  /** Why this mention was linked to this entity (the linker's reason). */
  reason?: string | undefined;
  /** Opens another entity's card (a related chip). */
  onOpenEntity?: (ref: EntityRef) => void;
  onClose?: () => void;
  /** Turns Backstory off on this site. */
  onDisableSite?: () => void;
  /** Opens the stories about this entity (the popup). */
  onOpenStories?: () => void;
  /** The reader's notes on this entity, newest first. */
  notes?: EntityNote[];
  /** Starts a note on this entity ("Add a note"). */
  onAddNote?: () => void;
  /**
   * The note editor, while the reader writes a note: on a page, a frame of
   * Backstory's own document, so the page never sees the keys.
   */
  noteEditor?: ComponentChildren;
  /** Why a note cannot be started here, if it cannot. */
  noteError?: string | undefined;
  /**
   * Whether the card's buttons are in the tab order: only when the reader
   * opened it from the keyboard, so a hover never changes the page's tab order.
   */
  focusable?: boolean;
  /** Takes focus when shown (opened from the keyboard). */
  autoFocus?: boolean;
  /** The date the page says its article was published ("2015-03-18"): the card says what held then. */
  articleDate?: string | undefined;
}

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
function atTheTime(card: Card, date: string | undefined): { then: CardFact[]; now: CardFact | undefined } | undefined {
  if (!date) return undefined;
  const then = [...(card.role ? [card.role] : []), ...card.facts].filter((f) => heldOn(f, date));
  const roleThen = card.role !== undefined && then.includes(card.role);
  // Nothing to tell apart: no span held then, and no role begun since.
  if (then.length === 0 && !card.role) return undefined;
  return { then, now: roleThen ? undefined : card.role };
}

/** A role or dated span on one line: its value, when, and source; `label` before it ("Now: "). */
function RoleLine({ fact, label, now = false }: { fact: CardFact; label?: string | undefined; now?: boolean }) {
  return (
    <p class={now ? 'role now' : 'role'} dir="auto">
      {label && <span class="label">{label}</span>}
      <strong>{fact.value}</strong>
      {formatWhen(fact) && <span class="when"> · {formatWhen(fact)}</span>}
      <span class="cite">
        {' '}
        (<SourceLine source={fact.source} />)
      </span>
    </p>
  );
}

function Refs({ refs }: { refs: EntityRef[] }) {
  return <>{refs.map((r) => r.name).join(', ')}</>;
}

/**
 * The hover card: who or what this is, the facts with their dates and
 * sources, and why the mention was linked. All text is rendered as text.
 */
export function EntityCard({
  card,
  reason,
  onOpenEntity,
  onClose,
  onDisableSite,
  onOpenStories,
  notes = [],
  onAddNote,
  noteEditor,
  noteError,
  focusable = false,
  autoFocus = false,
  articleDate,
}: EntityCardProps) {
  const a = card.agreement;
  const titleId = `backstory-card-title-${card.id}`;
  const tab = focusable ? 0 : -1;
  const dialog = useRef<HTMLDivElement>(null);
  // A card is a glance: the latest facts first, the rest on request.
  const [allFacts, setAllFacts] = useState(false);
  const time = atTheTime(card, articleDate);
  const rest = time ? card.facts.filter((f) => !time.then.includes(f)) : card.facts;
  const facts = allFacts ? rest : rest.slice(0, FACTS_SHOWN);
  useEffect(() => {
    if (autoFocus) dialog.current?.focus();
  }, [autoFocus, card.id]);
  return (
    <div
      class="card"
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={`${titleId}-description`}
      data-type={card.type}
      data-entity={card.id}
      tabIndex={-1}
      ref={dialog}
    >
      <header>
        <span class="type">{TYPE_LABEL[card.type]}</span>
        {onClose && (
          <button type="button" class="close" aria-label="Close" tabIndex={tab} onClick={onClose}>
            ×
          </button>
        )}
      </header>
      <h2 id={titleId} dir="auto">
        {card.name}
      </h2>
      <p class="description" id={`${titleId}-description`} dir="auto">
        {card.description}
      </p>
      {time && (
        <section class="then" aria-label="At the time of this article">
          <p class="then-label">{`At the time of this article (${formatDate((articleDate as string).slice(0, 7))}):`}</p>
          {time.then.length === 0 && <p class="nothing">Nothing in the fact store for that date.</p>}
          {time.then.map((f) => (
            <RoleLine key={`${f.label}-${f.value}`} fact={f} label={f.label === 'Role' ? undefined : `${f.label}: `} />
          ))}
          {time.now && <RoleLine fact={time.now} label="Now: " now />}
        </section>
      )}
      {!time && card.role && <RoleLine fact={card.role} />}
      {a && (
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
      )}
      {a && a.reactions.length > 0 && (
        <section class="reactions" aria-label="Reactions">
          <h3>Reactions</h3>
          <ol>
            {a.reactions.map((r) => (
              <li key={`${r.who.id}-${r.date}`} data-stance={r.stance}>
                <span class="when">{formatDate(r.date)}</span> <strong>{r.who.name}</strong> {STANCE_LABEL[r.stance]}:{' '}
                {r.summary} <SourceLine source={r.source} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {rest.length > 0 && (
        <section class="facts" aria-label="Facts">
          <ul>
            {facts.map((f) => (
              <li key={`${f.label}-${f.value}`}>
                {formatWhen(f) && <span class="when">{formatWhen(f)}</span>} <span class="label">{f.label}:</span>{' '}
                <span dir="auto">{f.value}</span> <SourceLine source={f.source} />
              </li>
            ))}
          </ul>
          {rest.length > facts.length && (
            <button type="button" class="more" tabIndex={tab} onClick={() => setAllFacts(true)}>
              {`${rest.length - facts.length} more ${rest.length - facts.length === 1 ? 'fact' : 'facts'}`}
            </button>
          )}
        </section>
      )}
      {(notes.length > 0 || onAddNote || noteEditor) && (
        <section class="notes" aria-label="Your notes">
          {notes.length > 0 && <h3>Your notes</h3>}
          {notes.length > 0 && (
            <ul>
              {notes.map((n) => (
                <li key={n.id} dir="auto">
                  {n.body}
                </li>
              ))}
            </ul>
          )}
          {noteError && (
            <p class="note-error" role="alert">
              {noteError}
            </p>
          )}
          {noteEditor ??
            (onAddNote && (
              <button type="button" class="add-note" tabIndex={tab} onClick={onAddNote}>
                Add a note
              </button>
            ))}
        </section>
      )}
      {card.related.length > 0 && (
        <section class="related" aria-label="Related">
          {card.related.map((r) => (
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
      )}
      <footer>
        {reason && (
          <p class="reason">
            <span class="label">Why linked:</span> {reason}
          </p>
        )}
        <p class="stories">
          {card.relatedStories > 0 && onOpenStories ? (
            <button type="button" class="stories-link" tabIndex={tab} onClick={onOpenStories}>
              {card.relatedStories === 1 ? '1 related story' : `${card.relatedStories} related stories`}
            </button>
          ) : card.relatedStories === 1 ? (
            '1 related story'
          ) : (
            `${card.relatedStories} related stories`
          )}
        </p>
        {onDisableSite && (
          <button type="button" class="site-off" tabIndex={tab} onClick={onDisableSite}>
            Turn Backstory off on this site
          </button>
        )}
      </footer>
    </div>
  );
}
