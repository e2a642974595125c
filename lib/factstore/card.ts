import type { CardFact, CardSource, EntityCard, EntityRef } from '../messages';
import type { Fact, Source } from './schema';
import type { FactStore } from './store';

function ref(store: FactStore, id: string): EntityRef | undefined {
  const e = store.info(id);
  return e ? { id: e.id, name: e.name, type: e.type } : undefined;
}

function cardSource(sources: Record<string, Source>, key: string): CardSource | undefined {
  const s = Object.hasOwn(sources, key) ? sources[key] : undefined;
  if (!s) return undefined;
  return {
    outlet: s.outlet,
    ...(s.title ? { title: s.title } : {}),
    ...(s.date ? { date: s.date } : {}),
    ...(s.url ? { url: s.url } : {}),
  };
}

function cardFact(sources: Record<string, Source>, f: Fact): CardFact {
  const source = cardSource(sources, f.source);
  return {
    label: f.label,
    value: f.value,
    ...(f.date ? { date: f.date } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.asOf ? { asOf: f.asOf } : {}),
    ...(f.note ? { note: f.note } : {}),
    ...(source ? { source } : {}),
  };
}

/** How long a source's word keeps an open-ended fact current (issue #17: "nothing current that is not"). */
export const CURRENT_FOR_YEARS = 2;

/** The day, `CURRENT_FOR_YEARS` before `today`, that a source must be dated after to say a fact still holds. */
export function currentSince(today: Date): string {
  const d = new Date(today.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - CURRENT_FOR_YEARS);
  return d.toISOString().slice(0, 10);
}

/**
 * An open-ended fact ("since 2019", or a role with no dates at all) whose
 * source is dated more than two years before `since`'s day is no longer said
 * to hold: it reads "as of" its source's date, whatever pack it came from.
 */
function aged(sources: Record<string, Source>, f: Fact, since: string): Fact {
  if (f.to || f.asOf || f.date || (!f.from && f.label !== 'Role')) return f;
  const key = f.source;
  const date = Object.hasOwn(sources, key) ? sources[key]?.date : undefined;
  return date && date < since ? { ...f, asOf: date } : f;
}

/** Sort key for a fact: its date, or the start of its span. */
function when(f: Fact): string {
  return f.date ?? f.to ?? f.asOf ?? f.from ?? '';
}

/**
 * The role a person's card leads with: a current one (open-ended, from a
 * source still updated) before one last confirmed in an old snapshot, and the
 * one from the newest source first (packs list their facts newest first).
 */
function currentRole(facts: readonly Fact[]): Fact | undefined {
  const open = facts.filter((f) => f.label === 'Role' && !f.to);
  return open.find((f) => !f.asOf) ?? open.sort((a, b) => (b.asOf ?? '').localeCompare(a.asOf ?? ''))[0];
}

/**
 * Everything the hover card shows for one entity: its record read from the
 * store (one shard), sources resolved, names of related entities, the
 * agreement's parties and reactions. Each fact keeps its source's own
 * qualifier (`note`). Given `today`, an open-ended fact is current only when
 * its source is dated within two years of it (the generated packs are built
 * so; this holds reader packs and packs read long after their build to it).
 */
export async function entityCard(store: FactStore, entityId: string, today?: Date): Promise<EntityCard | undefined> {
  const record = await store.record(entityId);
  if (!record) return undefined;
  const { entity: e, sources } = record;
  const since = today ? currentSince(today) : undefined;
  const all = since ? e.facts.map((f) => aged(sources, f, since)) : e.facts;
  const role = e.type === 'person' ? currentRole(all) : undefined;
  const facts = all
    .filter((f) => f !== role)
    .slice()
    .sort((a, b) => when(b).localeCompare(when(a)))
    .map((f) => cardFact(sources, f));
  const refs = (ids: readonly string[]) =>
    ids.map((id) => ref(store, id)).filter((r): r is EntityRef => r !== undefined);
  const a = e.agreement;
  const place = a?.signed.place ? ref(store, a.signed.place) : undefined;
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    description: e.description,
    ...(role ? { role: cardFact(sources, role) } : {}),
    facts,
    ...(a
      ? {
          agreement: {
            kind: a.kind,
            parties: refs(a.parties),
            signatories: refs(a.signatories),
            signed: { date: a.signed.date, ...(place ? { place } : {}) },
            status: a.status,
            reactions: a.reactions
              .slice()
              .sort((x, y) => x.date.localeCompare(y.date))
              .flatMap((r) => {
                const who = ref(store, r.who);
                if (!who) return [];
                const source = cardSource(sources, r.source);
                return [{ who, stance: r.stance, date: r.date, summary: r.summary, ...(source ? { source } : {}) }];
              }),
          },
        }
      : {}),
    related: refs(e.related ?? []),
    relatedStories: store.coverage.filter((c) => c.entities.includes(e.id)).length,
  };
}
