import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { LinkReason } from '../lib/link/reasons';
import type { EntityCard as Card, EntityNote, EntityRef } from '../lib/messages';
import { AgreementDetails } from './AgreementDetails';
import { CardFooter } from './CardFooter';
import { CardNotes } from './CardNotes';
import { FactsList } from './FactsList';
import { Reactions } from './Reactions';
import { RelatedChips } from './RelatedChips';
import { RoleLine } from './RoleLine';
import { atTheTime, TimeSection } from './TimeSection';

const TYPE_LABEL: Record<Card['type'], () => string> = {
  person: () => i18n.t('card.type.person'),
  organization: () => i18n.t('card.type.organization'),
  place: () => i18n.t('card.type.place'),
  agreement: () => i18n.t('card.type.agreement'),
  outlet: () => i18n.t('card.type.outlet'),
  event: () => i18n.t('card.type.event'),
};

export interface EntityCardProps {
  card: Card;
  /** Why this mention was linked to this entity (the linker's reason). */
  reason?: LinkReason | undefined;
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
  // The facts the time section shows are not repeated below it.
  const rest = time ? card.facts.filter((f) => !time.then.includes(f)) : card.facts;
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
        <span class="type">{TYPE_LABEL[card.type]()}</span>
        {onClose && (
          <button type="button" class="close" aria-label={i18n.t('card.close')} tabIndex={tab} onClick={onClose}>
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
      {time && <TimeSection time={time} articleDate={articleDate as string} />}
      {!time && card.role && <RoleLine fact={card.role} />}
      {a && <AgreementDetails agreement={a} />}
      {a && a.reactions.length > 0 && <Reactions reactions={a.reactions} />}
      {rest.length > 0 && <FactsList facts={rest} all={allFacts} onShowAll={() => setAllFacts(true)} tab={tab} />}
      {(notes.length > 0 || onAddNote || noteEditor) && (
        <CardNotes notes={notes} onAddNote={onAddNote} noteEditor={noteEditor} noteError={noteError} tab={tab} />
      )}
      {card.related.length > 0 && <RelatedChips related={card.related} onOpenEntity={onOpenEntity} tab={tab} />}
      <CardFooter
        reason={reason}
        relatedStories={card.relatedStories}
        onOpenStories={onOpenStories}
        onDisableSite={onDisableSite}
        tab={tab}
      />
    </div>
  );
}
