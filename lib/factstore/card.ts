import type { CardFact, CardSource, EntityCard, EntityRef } from '../messages';
import type { Fact } from './schema';
import { type FactStore, sourceOf } from './store';

function ref(store: FactStore, id: string): EntityRef | undefined {
  const e = store.entities.get(id);
  return e ? { id: e.id, name: e.name, type: e.type } : undefined;
}

function cardSource(store: FactStore, key: string): CardSource | undefined {
  const s = sourceOf(store, key);
  if (!s) return undefined;
  return {
    outlet: s.outlet,
    ...(s.title ? { title: s.title } : {}),
    ...(s.date ? { date: s.date } : {}),
    ...(s.url ? { url: s.url } : {}),
  };
}

function cardFact(store: FactStore, f: Fact): CardFact {
  const source = cardSource(store, f.source);
  return {
    label: f.label,
    value: f.value,
    ...(f.date ? { date: f.date } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(source ? { source } : {}),
  };
}

/** Sort key for a fact: its date, or the start of its span. */
function when(f: Fact): string {
  return f.date ?? f.to ?? f.from ?? '';
}

/**
 * Everything the hover card shows for one entity, resolved from the store:
 * sources, names of related entities, the agreement's parties and reactions.
 */
export function entityCard(store: FactStore, entityId: string): EntityCard | undefined {
  const e = store.entities.get(entityId);
  if (!e) return undefined;
  // A person's role is the open-ended "Role" fact (no end date).
  const role = e.type === 'person' ? e.facts.find((f) => f.label === 'Role' && !f.to) : undefined;
  const facts = e.facts
    .filter((f) => f !== role)
    .slice()
    .sort((a, b) => when(b).localeCompare(when(a)))
    .map((f) => cardFact(store, f));
  const refs = (ids: readonly string[]) =>
    ids.map((id) => ref(store, id)).filter((r): r is EntityRef => r !== undefined);
  const a = e.agreement;
  const place = a?.signed.place ? ref(store, a.signed.place) : undefined;
  return {
    id: e.id,
    name: e.name,
    type: e.type,
    description: e.description,
    ...(role ? { role: cardFact(store, role) } : {}),
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
                const source = cardSource(store, r.source);
                return [{ who, stance: r.stance, date: r.date, summary: r.summary, ...(source ? { source } : {}) }];
              }),
          },
        }
      : {}),
    related: refs(e.related ?? []),
    relatedStories: store.coverage.filter((c) => c.entities.includes(e.id)).length,
  };
}
