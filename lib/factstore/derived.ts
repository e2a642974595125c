import type { AliasInput } from '../match/build-alias-index';
import { dayNumber, lastDayNumber } from './day-number';
import type { Entity, EntityType, Pack } from './schema';
import type { PackInfo } from './store';

// What the store reads off a pack's records for matching and linking: the same
// answers whether the record was compiled into the bundled store or comes
// from a reader's pack at run time, so both paths share these functions.

/** The entity types in the order the compiled table numbers them (store.bin holds the numbers). */
export const TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'agreement', 'outlet', 'event'];

/** Every alias of every entity, its name included, for the index. */
export function aliasInputs(entities: Iterable<Entity>): AliasInput[] {
  const out: AliasInput[] = [];
  // A name with no letter ("50", a party's short name) is no name in running text.
  const named = (t: string) => /\p{L}/u.test(t);
  for (const e of entities) {
    const add = (text: string, kind: AliasInput['kind'], lang?: string) => {
      out.push({ entityId: e.id, text, kind, lang });
      // A person's initials are written with and without a space: "George H. W. Bush", "George H.W. Bush".
      if (e.type === 'person')
        for (const other of initialsWritten(text)) out.push({ entityId: e.id, text: other, kind, lang });
    };
    add(e.name, 'name');
    for (const a of e.aliases) if (named(a.text)) add(a.text, a.kind ?? 'name', a.lang);
  }
  return out;
}

/** A name's other way of writing consecutive initials: "H. W." ↔ "H.W." (none when it has none). */
function initialsWritten(text: string): string[] {
  const joined = text.replace(/(?<![\p{L}.])(\p{Lu})\.[ \t]+(?=\p{Lu}\.)/gu, '$1.');
  const spaced = text.replace(/(?<![\p{L}.])(\p{Lu})\.(?=\p{Lu}\.)/gu, '$1. ');
  return [...new Set([joined, spaced])].filter((v) => v !== text);
}

/** What a pack is, for the options page (without its entities). */
export function packInfo(p: Pack, reader = false): PackInfo {
  return {
    id: p.id,
    name: p.name,
    version: p.version,
    license: p.license,
    entities: p.entities.length,
    ...(p.about ? { about: p.about } : {}),
    ...(reader ? { reader: true } : {}),
  };
}

/** When an agreement was signed or an organisation founded: the first such fact's date. */
export function beginsOf(e: Entity): number {
  const label = e.type === 'agreement' ? /^Signed$/ : e.type === 'organization' ? /^(Founded|Established)$/ : undefined;
  if (!label) return 0;
  const signed = e.type === 'agreement' ? e.agreement?.signed.date : undefined;
  if (signed) return dayNumber(signed);
  const dates = e.facts.filter((f) => label.test(f.label) && f.date).map((f) => dayNumber(f.date));
  return dates.length > 0 ? Math.min(...dates) : 0;
}

/**
 * A head of state's or government's time in office, from their dated roles:
 * the first start to the last end (0 while one is open, or known only "as of"
 * a snapshot); none for anyone else, or without dates.
 */
export function spanOf(e: Entity, rank: number): [number, number] | undefined {
  if (e.type !== 'person' || rank < 3) return undefined;
  const roles = e.facts.filter((f) => f.label === 'Role' && f.from);
  if (roles.length === 0) return undefined;
  const from = Math.min(...roles.map((f) => dayNumber(f.from as string)));
  const to = roles.some((f) => !f.to) ? 0 : Math.max(...roles.map((f) => lastDayNumber(f.to as string)));
  return from > 0 ? [from, to] : undefined;
}

/**
 * An entity's prominence: the pack's `prominence` (the builder's, from the
 * office held), else read off a hand-written pack's roles.
 */
export function rankOf(e: Entity): number {
  if (e.prominence !== undefined) return e.prominence;
  if (e.type !== 'person') return e.type === 'place' && !e.country ? 3 : 1;
  let rank = 0;
  for (const f of e.facts) {
    if (f.label !== 'Role') continue;
    const v = f.value.toLowerCase();
    const head =
      /^(president|prime minister|supreme leader|king|queen|monarch|emir|chancellor|taoiseach|premier)\b/.test(v) &&
      !/vice|deputy/.test(v);
    rank = Math.max(rank, head ? 3 : /minister|secretary|senator|representative|governor/.test(v) ? 2 : 1);
  }
  return rank;
}

/** For an agreement: who and what in a paragraph points to it, and the year it was signed. */
export interface AgreementClue {
  evidence: string[];
  year: number;
}

/** The linker's clue to an agreement named by a generic phrase ("the pact"); none for other entities. */
export function agreementClue(e: Entity): AgreementClue | undefined {
  const a = e.agreement;
  if (!a) return undefined;
  const evidence = [
    ...new Set([
      ...a.parties,
      ...a.signatories,
      ...(a.signed.place ? [a.signed.place] : []),
      ...(e.related ?? []),
      ...a.reactions.map((r) => r.who),
    ]),
  ];
  return { evidence, year: Number(a.signed.date.slice(0, 4)) };
}
