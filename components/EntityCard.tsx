import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate, formatWhen } from '../lib/format-date';
import type { EntityCard as Card, EntityNote, EntityRef } from '../lib/messages';
import { NoteEditor } from './NoteEditor';
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
  /** Saves a new note on this entity; resolves with an error to show, or nothing. */
  onAddNote?: (body: string) => Promise<string | undefined>;
  /**
   * Whether the card's buttons are in the tab order: only when the reader
   * opened it from the keyboard, so a hover never changes the page's tab order.
   */
  focusable?: boolean;
  /** Takes focus when shown (opened from the keyboard). */
  autoFocus?: boolean;
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
  focusable = false,
  autoFocus = false,
}: EntityCardProps) {
  const a = card.agreement;
  const titleId = `backstory-card-title-${card.id}`;
  const tab = focusable ? 0 : -1;
  const dialog = useRef<HTMLDivElement>(null);
  // A card is a glance: the latest facts first, the rest on request.
  const [allFacts, setAllFacts] = useState(false);
  const [writing, setWriting] = useState(false);
  const facts = allFacts ? card.facts : card.facts.slice(0, FACTS_SHOWN);
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
      {card.role && (
        <p class="role" dir="auto">
          <strong>{card.role.value}</strong>
          {formatWhen(card.role) && <span class="when"> · {formatWhen(card.role)}</span>}
          <span class="cite">
            {' '}
            (<SourceLine source={card.role.source} />)
          </span>
        </p>
      )}
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
      {card.facts.length > 0 && (
        <section class="facts" aria-label="Facts">
          <ul>
            {facts.map((f) => (
              <li key={`${f.label}-${f.value}`}>
                {formatWhen(f) && <span class="when">{formatWhen(f)}</span>} <span class="label">{f.label}:</span>{' '}
                <span dir="auto">{f.value}</span> <SourceLine source={f.source} />
              </li>
            ))}
          </ul>
          {card.facts.length > facts.length && (
            <button type="button" class="more" tabIndex={tab} onClick={() => setAllFacts(true)}>
              {`${card.facts.length - facts.length} more ${card.facts.length - facts.length === 1 ? 'fact' : 'facts'}`}
            </button>
          )}
        </section>
      )}
      {(notes.length > 0 || onAddNote) && (
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
          {onAddNote &&
            (writing ? (
              <NoteEditor
                onSave={async (body) => {
                  const problem = await onAddNote(body);
                  if (!problem) setWriting(false);
                  return problem;
                }}
                onCancel={() => setWriting(false)}
              />
            ) : (
              <button type="button" class="add-note" tabIndex={tab} onClick={() => setWriting(true)}>
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
