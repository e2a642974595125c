import { buildAliasIndex } from '../match/build-alias-index';
import { type IndexLayout, packIndex } from '../match/serialize-index';
import { packFilters, prepare } from '../match/word-filters';
import { type AgreementClue, agreementClue, aliasInputs, beginsOf, packInfo, rankOf, spanOf, TYPES } from './derived';
import { packTable } from './entity-table';
import { emptyData, mergePacks } from './merge';
import type { CoverageItem, Pack, Source } from './schema';
import { SHARD_SIZE, type Shard } from './shards';
import type { PackInfo } from './store';

/** The compiled store's description: everything but the bytes, as JSON. */
export interface CompiledMeta {
  format: 6;
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

/** The compiled artifact, before it is written to files (see store-file.ts) or loaded (see load-compiled.ts). */
export interface CompiledStore {
  meta: CompiledMeta;
  /** The alias index's arrays (see serialize-index.ts). */
  index: Uint8Array;
  /** The entity table's arrays (see entity-table.ts). */
  table: Uint8Array;
  /** Entity ids, back to back (the table holds where each starts, in UTF-16 units). */
  ids: string;
  /**
   * Entity names as UTF-8, back to back (the table holds where each starts, in
   * bytes): decoded one at a time when asked for, so that a cold start does not
   * decode 100,000 names it may never show.
   */
  names: Uint8Array;
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
  const encoder = new TextEncoder();
  let idText = '';
  const nameBytes: Uint8Array[] = [];
  let nameLength = 0;
  entities.forEach((e, i) => {
    idStart[i] = idText.length;
    nameStart[i] = nameLength;
    idText += e.id;
    const name = encoder.encode(e.name);
    nameBytes.push(name);
    nameLength += name.byteLength;
    const c = e.country === undefined ? undefined : number.get(e.country);
    country[i] = c === undefined ? 0 : c + 1;
    type[i] = TYPES.indexOf(e.type);
    begins[i] = beginsOf(e);
    rank[i] = rankOf(e);
    weight[i] = Math.min(255, Math.round(Math.log2(1 + (perCountry.get(e.country ?? e.id) ?? 0)) * 16));
    pack[i] = home.get(e.id) ?? 0;
  });
  idStart[n] = idText.length;
  nameStart[n] = nameLength;
  const names = new Uint8Array(nameLength);
  let at = 0;
  for (const b of nameBytes) {
    names.set(b, at);
    at += b.byteLength;
  }
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
      format: 6,
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
    ids: idText,
    names,
    filters: filters.bytes,
    shards,
  };
}
