import { type LinkContext, linkMentions, type Mention } from '../link/link-mentions';
import { type AliasIndex, type AliasInput, buildAliasIndex } from '../match/alias-index';
import { type Candidate, findCandidates } from '../match/find-candidates';
import { type IndexLayout, packIndex, unpackIndex } from '../match/serialize-index';
import { adoptFilters, packFilters, prepare } from '../match/word-filters';
import { dayNumber, lastDayNumber } from './day-number';
import { emptyData, mergeEntity, mergePacks } from './merge';
import type { CoverageItem, Entity, EntityType, Pack, PackAbout, Source } from './schema';

/**
 * The fact store at scale. In memory: only what matching and linking need —
 * the alias index and a compact table of every entity (id, name, type,
 * country, prominence, pack). Card data (description, facts, sources) lies
 * in shards of a few hundred entities, read one shard at a time when a card
 * is asked for. Reader packs sit on top in a small index of their own, so
 * the bundled index is never rebuilt.
 */
export interface FactStore {
  index: AliasIndex;
  /** The reader's packs: their own small index and entities (undefined when none). */
  reader?: ReaderLayer;
  /** Number of entities (bundled and the reader's). */
  size: number;
  coverage: readonly CoverageItem[];
  packs: readonly PackInfo[];
  /** What the linker and the popup need about an entity, from memory. */
  info(id: string): EntityInfo | undefined;
  /** The whole record, with its facts' sources, read from its shard. */
  record(id: string): Promise<EntityRecord | undefined>;
  /** The packs the reader switched off (their names are not matched, their facts not shown). */
  disabled: ReadonlySet<string>;
}

export interface EntityInfo {
  id: string;
  name: string;
  type: EntityType;
  country?: string;
  /** 0 (unknown) to 3 (head of state or government): chooses among namesakes. */
  rank: number;
  /** How much the store knows about the entity's country, 0–255 (log scale): the last tie-break among namesakes. */
  weight: number;
  /**
   * When it began (an agreement signed, an organisation founded), as days since
   * 1900-01-01 plus one; 0 when not known (or before 1900). An article of an
   * earlier date cannot name it.
   */
  begins: number;
  /**
   * For a head of state or government: from the start of their first dated role
   * to the end of their last (day numbers; 0 at the end while one is open). The
   * linker prefers, among namesakes, the one in office at the article's date.
   */
  span?: readonly [number, number];
}

/** An entity with the sources its facts and reactions cite (by global source key). */
export interface EntityRecord {
  entity: Entity;
  sources: Record<string, Source>;
}

export interface PackInfo {
  id: string;
  name: string;
  version: string;
  license: string;
  entities: number;
  about?: PackAbout;
  /** True for packs the reader imported. */
  reader?: boolean;
}

export interface ReaderLayer {
  index: AliasIndex;
  entities: ReadonlyMap<string, Entity>;
  sources: ReadonlyMap<string, Source>;
}

const TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'agreement', 'outlet', 'event'];
/** Entities per card shard: a shard is a few hundred kilobytes of JSON, parsed in a few milliseconds. */
export const SHARD_SIZE = 256;

/** Every alias of every entity, its name included, for the index. */
export function aliasInputs(entities: Iterable<Entity>): AliasInput[] {
  const out: AliasInput[] = [];
  // A name with no letter ("50", a party's short name) is no name in running text.
  const named = (t: string) => /\p{L}/u.test(t);
  for (const e of entities) {
    out.push({ entityId: e.id, text: e.name, kind: 'name' });
    for (const a of e.aliases)
      if (named(a.text)) out.push({ entityId: e.id, text: a.text, kind: a.kind ?? 'name', lang: a.lang });
  }
  return out;
}

/** What a pack is, for the options page (without its entities). */
function packInfo(p: Pack, reader = false): PackInfo {
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
function beginsOf(e: Entity): number {
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
function spanOf(e: Entity, rank: number): [number, number] | undefined {
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
function rankOf(e: Entity): number {
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

// ---------------------------------------------------------------- the compiled artifact

export interface CompiledMeta {
  format: 5;
  packs: PackInfo[];
  coverage: CoverageItem[];
  index: IndexLayout;
  entities: number;
  shards: number;
  /** The matcher's word filters, made at build time (see word-filters.ts): their hash shift. */
  filterShift: number;
  /** For agreements: who and what in a paragraph points to them, and the year signed (the linker's generic phrases). */
  agreements: Record<string, AgreementClue>;
  /** Heads of state and government: the span of their dated roles (see EntityInfo.span). */
  spans: Record<string, [number, number]>;
}

export interface AgreementClue {
  evidence: string[];
  year: number;
}

function agreementClue(e: Entity): AgreementClue | undefined {
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

/** A card shard: the records of entities `n * SHARD_SIZE …` in id order, and the sources they cite. */
export interface Shard {
  entities: Entity[];
  sources: Record<string, Source>;
}

export interface CompiledStore {
  meta: CompiledMeta;
  /** The alias index's arrays (see serialize-index.ts). */
  index: Uint8Array;
  /** The entity table's arrays (see {@link packTable}). */
  table: Uint8Array;
  /** Entity ids, then names, back to back (the table holds their offsets). */
  strings: string;
  /** The matcher's word filters (see word-filters.ts). */
  filters: Uint8Array;
  shards: Shard[];
}

/**
 * Compiles packs (already validated) into the artifact: packs merged in
 * order, entities sorted by id (so an id is found by binary search), the alias
 * index numbering entities in that order, the table, and the card shards.
 */
export function compileStore(packs: readonly Pack[]): CompiledStore {
  const data = mergePacks(emptyData(), packs);
  const home = new Map<string, number>();
  packs.forEach((p, i) => {
    for (const e of p.entities) if (!home.has(e.id)) home.set(e.id, i);
  });
  const entities = [...data.entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = entities.map((e) => e.id);
  const index = buildAliasIndex(aliasInputs(entities), ids);
  const number = new Map(ids.map((id, n) => [id, n]));
  const n = entities.length;
  const idStart = new Uint32Array(n + 1);
  const nameStart = new Uint32Array(n + 1);
  const country = new Uint32Array(n);
  const begins = new Uint16Array(n);
  const type = new Uint8Array(n);
  const rank = new Uint8Array(n);
  const weight = new Uint8Array(n);
  const pack = new Uint8Array(n);
  const perCountry = new Map<string, number>();
  for (const e of entities) if (e.country) perCountry.set(e.country, (perCountry.get(e.country) ?? 0) + 1);
  let idText = '';
  let nameText = '';
  entities.forEach((e, i) => {
    idStart[i] = idText.length;
    nameStart[i] = nameText.length;
    idText += e.id;
    nameText += e.name;
    const c = e.country === undefined ? undefined : number.get(e.country);
    country[i] = c === undefined ? 0 : c + 1;
    type[i] = TYPES.indexOf(e.type);
    begins[i] = beginsOf(e);
    rank[i] = rankOf(e);
    weight[i] = Math.min(255, Math.round(Math.log2(1 + (perCountry.get(e.country ?? e.id) ?? 0)) * 16));
    pack[i] = home.get(e.id) ?? 0;
  });
  idStart[n] = idText.length;
  nameStart[n] = nameText.length;
  const shards: Shard[] = [];
  for (let s = 0; s * SHARD_SIZE < n; s++) {
    const part = entities.slice(s * SHARD_SIZE, (s + 1) * SHARD_SIZE).map((e) => ({ ...e, aliases: [] }));
    const sources: Record<string, Source> = {};
    for (const e of part) {
      for (const f of e.facts) sources[f.source] ??= data.sources.get(f.source) as Source;
      for (const r of e.agreement?.reactions ?? []) sources[r.source] ??= data.sources.get(r.source) as Source;
    }
    shards.push({ entities: part, sources });
  }
  const { layout, bytes } = packIndex(index);
  const filters = packFilters(prepare(index));
  return {
    meta: {
      format: 5,
      packs: packs.map((p) => packInfo(p)),
      coverage: data.coverage,
      index: { ...layout, entityIds: [] },
      entities: n,
      shards: shards.length,
      filterShift: filters.shift,
      agreements: Object.fromEntries(
        entities.flatMap((e) => {
          const clue = agreementClue(e);
          return clue ? [[e.id, clue]] : [];
        }),
      ),
      spans: Object.fromEntries(
        entities.flatMap((e, i) => {
          const span = spanOf(e, rank[i] as number);
          return span ? [[e.id, span]] : [];
        }),
      ),
    },
    index: bytes,
    table: packTable({ idStart, nameStart, country, begins, type, rank, weight, pack }),
    strings: idText + nameText,
    filters: filters.bytes,
    shards,
  };
}

interface Table {
  idStart: Uint32Array;
  nameStart: Uint32Array;
  country: Uint32Array;
  begins: Uint16Array;
  type: Uint8Array;
  rank: Uint8Array;
  weight: Uint8Array;
  pack: Uint8Array;
}

function packTable(t: Table): Uint8Array {
  const parts = [t.idStart, t.nameStart, t.country, t.begins, t.type, t.rank, t.weight, t.pack];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let o = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), o);
    o += p.byteLength;
  }
  return out;
}

function unpackTable(bytes: Uint8Array, n: number): Table {
  let b = bytes;
  if (b.byteOffset % 4 !== 0) b = b.slice();
  let o = b.byteOffset;
  const u32 = (k: number) => {
    const v = new Uint32Array(b.buffer, o, k);
    o += k * 4;
    return v;
  };
  const u16 = (k: number) => {
    const v = new Uint16Array(b.buffer, o, k);
    o += k * 2;
    return v;
  };
  const u8 = (k: number) => {
    const v = new Uint8Array(b.buffer, o, k);
    o += k;
    return v;
  };
  const t = {
    idStart: u32(n + 1),
    nameStart: u32(n + 1),
    country: u32(n),
    begins: u16(n),
    type: u8(n),
    rank: u8(n),
    weight: u8(n),
    pack: u8(n),
  };
  if (o - b.byteOffset !== b.byteLength)
    throw new Error(`entity table: expected ${o - b.byteOffset} bytes, got ${b.byteLength}`);
  return t;
}

/** Reads card shard `n` (a file of the extension, or the compiled store in memory). */
export type ShardLoader = (n: number) => Promise<Shard>;

/**
 * Loads the compiled artifact: views over the index and table bytes, the ids
 * cut from one string; no JSON of entities is parsed until a card is asked for.
 */
export function loadCompiledStore(
  meta: CompiledMeta,
  indexBytes: ArrayBuffer | Uint8Array,
  tableBytes: ArrayBuffer | Uint8Array,
  strings: string,
  loadShard: ShardLoader,
  filters?: ArrayBuffer | Uint8Array,
): FactStore {
  if (meta.format !== 5) throw new Error(`Unknown fact store format ${String(meta.format)}`);
  const n = meta.entities;
  const spans = meta.spans;
  const table = unpackTable(tableBytes instanceof Uint8Array ? tableBytes : new Uint8Array(tableBytes), n);
  const { idStart, nameStart } = table;
  const ids: string[] = new Array(n);
  for (let i = 0; i < n; i++) ids[i] = strings.slice(idStart[i] as number, idStart[i + 1] as number);
  const namesAt = idStart[n] as number;
  const index = unpackIndex({ ...meta.index, entityIds: ids }, indexBytes);
  if (filters) adoptFilters(index, meta.filterShift, filters instanceof Uint8Array ? filters : new Uint8Array(filters));
  const numberOf = (id: string): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const m = ids[mid] as string;
      if (m === id) return mid;
      if (m < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const shards = new Map<number, Promise<Shard>>();
  const shard = (s: number) => {
    let got = shards.get(s);
    if (!got) {
      got = loadShard(s);
      // A failed read is tried again next time.
      got.catch(() => shards.delete(s));
      shards.set(s, got);
      // Keep the most recent shards only: a reader who opens many cards does not fill memory.
      if (shards.size > 64) shards.delete(shards.keys().next().value as number);
    }
    return got;
  };
  const bundled: BundledStore = {
    ids,
    info(id) {
      const i = numberOf(id);
      if (i < 0) return undefined;
      const c = table.country[i] as number;
      return {
        id,
        name: strings.slice(namesAt + (nameStart[i] as number), namesAt + (nameStart[i + 1] as number)),
        type: TYPES[table.type[i] as number] as EntityType,
        ...(c > 0 ? { country: ids[c - 1] as string } : {}),
        rank: table.rank[i] as number,
        weight: table.weight[i] as number,
        begins: table.begins[i] as number,
        ...(Object.hasOwn(spans, id) ? { span: spans[id] as [number, number] } : {}),
      };
    },
    packOf: (id) => {
      const i = numberOf(id);
      return i < 0 ? undefined : meta.packs[table.pack[i] as number]?.id;
    },
    async record(id) {
      const i = numberOf(id);
      if (i < 0) return undefined;
      const s = await shard(Math.floor(i / SHARD_SIZE));
      const entity = s.entities[i % SHARD_SIZE];
      if (!entity || entity.id !== id) throw new Error(`card shard ${Math.floor(i / SHARD_SIZE)} does not hold ${id}`);
      return { entity, sources: s.sources };
    },
    entityPack: table.pack,
  };
  return assemble(bundled, index, meta, undefined, new Set());
}

interface BundledStore {
  ids: readonly string[];
  info(id: string): EntityInfo | undefined;
  packOf(id: string): string | undefined;
  record(id: string): Promise<EntityRecord | undefined>;
  entityPack: Uint8Array;
}

const bundledOf = new WeakMap<FactStore, { bundled: BundledStore; meta: CompiledMeta }>();

function assemble(
  bundled: BundledStore,
  sharedIndex: AliasIndex,
  meta: CompiledMeta,
  reader: (ReaderLayer & { packs: PackInfo[] }) | undefined,
  disabled: ReadonlySet<string>,
): FactStore {
  // Entities whose pack is off are skipped by the matcher (see walk.ts); the index's
  // arrays are shared with the store this one extends, only the skip list is its own.
  const off = meta.packs.map((p) => disabled.has(p.id));
  const skip = off.some(Boolean) ? Uint8Array.from(bundled.entityPack, (p) => (off[p] ? 1 : 0)) : undefined;
  const ownIndex: AliasIndex = { ...sharedIndex, entitySkip: skip };
  const readerInfo = (e: Entity): EntityInfo => {
    const rank = rankOf(e);
    const span = spanOf(e, rank);
    return {
      id: e.id,
      name: e.name,
      type: e.type,
      ...(e.country ? { country: e.country } : {}),
      rank,
      weight: 0,
      begins: beginsOf(e),
      ...(span ? { span } : {}),
    };
  };
  const visible = (key: string) => !disabled.has(key.slice(0, key.indexOf('/')));
  const store: FactStore = {
    index: ownIndex,
    ...(reader ? { reader } : {}),
    size: bundled.ids.length + (reader ? [...reader.entities.keys()].filter((id) => !bundled.info(id)).length : 0),
    coverage: meta.coverage,
    packs: [...meta.packs, ...(reader?.packs ?? [])],
    disabled,
    info(id) {
      const mine = reader?.entities.get(id);
      return mine ? readerInfo(mine) : bundled.info(id);
    },
    async record(id) {
      const base = await bundled.record(id);
      const mine = reader?.entities.get(id);
      if (!base && !mine) return undefined;
      const sources: Record<string, Source> = { ...base?.sources };
      if (mine) for (const f of mine.facts) sources[f.source] ??= reader?.sources.get(f.source) as Source;
      let entity = base && mine ? mergeEntity(base.entity, mine) : ((base?.entity ?? mine) as Entity);
      // The facts of packs the reader switched off are not shown.
      if (disabled.size > 0) entity = { ...entity, facts: entity.facts.filter((f) => visible(f.source)) };
      return { entity, sources };
    },
  };
  bundledOf.set(store, { bundled, meta });
  return store;
}

/**
 * The bundled store with the reader's own packs on top: their entities in a
 * small index of their own (the bundled index is not rebuilt), an id they
 * share with a bundled entity extending it. `disabled` lists packs (bundled
 * or the reader's) that are switched off.
 */
export function extendStore(
  base: FactStore,
  packs: readonly Pack[],
  disabled: ReadonlySet<string> = new Set(),
): FactStore {
  const parts = bundledOf.get(base);
  if (!parts) throw new Error('extendStore needs a store made by loadCompiledStore or createFactStore');
  const on = packs.filter((p) => !disabled.has(p.id));
  const data = mergePacks(emptyData(), on);
  const reader =
    packs.length > 0
      ? {
          index: buildAliasIndex(aliasInputs(data.entities.values())),
          entities: data.entities,
          sources: data.sources,
          packs: packs.map((p) => packInfo(p, true)),
        }
      : undefined;
  const meta = { ...parts.meta, coverage: [...parts.meta.coverage, ...data.coverage] };
  // (agreements of reader packs are read from the reader layer by linkContext)
  return assemble(parts.bundled, base.index, meta, reader, disabled);
}

/** Builds a store from packs in memory: compiled, then loaded (tests and tools). */
export function createFactStore(packs: readonly Pack[]): FactStore {
  const c = compileStore(packs);
  return loadCompiledStore(c.meta, c.index, c.table, c.strings, async (n) => c.shards[n] as Shard, c.filters);
}

const MAGIC = 0x3353_4b42; // "BKS3", little-endian

/**
 * The compiled store as one file (`store/store.bin`), read with one fetch:
 * a header (magic, section count, then each section's offset and length)
 * and the sections, each 8-byte aligned: meta (JSON), index, table, strings
 * (UTF-8), filters.
 */
export function packStoreFile(c: CompiledStore): Uint8Array {
  const encoder = new TextEncoder();
  const sections = [encoder.encode(JSON.stringify(c.meta)), c.index, c.table, encoder.encode(c.strings), c.filters];
  const header = 8 + sections.length * 8;
  const align = (n: number) => (n + 7) & ~7;
  let size = align(header);
  const offsets = sections.map((s) => {
    const o = size;
    size = align(size + s.byteLength);
    return o;
  });
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, sections.length, true);
  sections.forEach((s, k) => {
    view.setUint32(8 + k * 8, offsets[k] as number, true);
    view.setUint32(12 + k * 8, s.byteLength, true);
    out.set(s, offsets[k] as number);
  });
  return out;
}

/** Loads the store from its one file (see {@link packStoreFile}). */
export function loadStoreFile(file: ArrayBuffer, loadShard: ShardLoader): FactStore {
  const view = new DataView(file);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('store.bin: not a Backstory store file');
  const count = view.getUint32(4, true);
  const section = (k: number) =>
    new Uint8Array(file, view.getUint32(8 + k * 8, true), view.getUint32(12 + k * 8, true));
  if (count !== 5) throw new Error(`store.bin: expected 5 sections, found ${count}`);
  const decoder = new TextDecoder();
  const meta = JSON.parse(decoder.decode(section(0))) as CompiledMeta;
  return loadCompiledStore(meta, section(1), section(2), decoder.decode(section(3)), loadShard, section(4));
}

/** The linker's view of the store. */
export function linkContext(store: FactStore): LinkContext {
  const clues = bundledOf.get(store)?.meta.agreements ?? {};
  const sets = new Map<string, { evidence: ReadonlySet<string>; year: number } | undefined>();
  // One scan asks about the same entities many times (namesakes, countries): each is looked up once.
  const seen = new Map<string, EntityInfo | undefined>();
  const info = (id: string) => {
    if (seen.has(id)) return seen.get(id);
    const got = store.info(id);
    seen.set(id, got);
    return got;
  };
  return {
    name: (id) => info(id)?.name,
    agreement: (id) => {
      if (!sets.has(id)) {
        const mine = store.reader?.entities.get(id);
        const clue = mine ? agreementClue(mine) : Object.hasOwn(clues, id) ? clues[id] : undefined;
        sets.set(id, clue ? { evidence: new Set(clue.evidence), year: clue.year } : undefined);
      }
      return sets.get(id);
    },
    countryOf: (id) => info(id)?.country,
    type: (id) => info(id)?.type,
    rank: (id) => info(id)?.rank ?? 0,
    weight: (id) => info(id)?.weight ?? 0,
    begins: (id) => info(id)?.begins ?? 0,
    span: (id) => info(id)?.span,
  };
}

/** Options of a scan: the page's language, when known ("en", "fr-FR"). */
export interface ScanOptions {
  lang?: string | undefined;
  /** The article's date ("2015-03-18", "2015-03"), when the page gives one. */
  date?: string | undefined;
}

/**
 * Candidates of two indexes as one list, leftmost-longest: where a reader
 * pack's name overlaps a bundled one, the earlier (then longer) span wins;
 * the same span gets both's aliases.
 */
export function mergeCandidates(a: readonly Candidate[], b: readonly Candidate[]): Candidate[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const all = [...a, ...b].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Candidate[] = [];
  for (const c of all) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      if (c.start === last.start && c.end === last.end)
        out[out.length - 1] = { ...last, aliases: [...last.aliases, ...c.aliases] };
      continue;
    }
    out.push(c);
  }
  return out;
}

/** The candidates of every index the store has. */
export function findAll(store: FactStore, text: string): Candidate[] {
  const bundled = findCandidates(text, store.index);
  return store.reader ? mergeCandidates(bundled, findCandidates(text, store.reader.index)) : bundled;
}

/** Finds and links every mention of the store's entities in `text`. */
export function scanText(store: FactStore, text: string, options: ScanOptions = {}): Mention[] {
  return linkMentions(text, findAll(store, text), linkContext(store), options);
}
