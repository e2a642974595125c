/**
 * The compiled store's table of every entity, one column per field, in id
 * order: a few typed arrays instead of 100,000 objects, so loading the store
 * is taking views over bytes, not parsing JSON.
 */
export interface EntityTable {
  /** `ids.slice(idStart[i], idStart[i + 1])` is entity `i`'s id (in UTF-16 units of the ids' text). */
  idStart: Uint32Array;
  /** Entity `i`'s name: where it starts in the names' UTF-8 bytes. */
  nameStart: Uint32Array;
  /** 0, or 1 + the number of the entity's country. */
  country: Uint32Array;
  /** When it began (see EntityInfo.begins). */
  begins: Uint16Array;
  /** Index into `TYPES`. */
  type: Uint8Array;
  rank: Uint8Array;
  weight: Uint8Array;
  /** Index of the pack that first gave the entity. */
  pack: Uint8Array;
}

/** The table's columns back to back, in the order {@link unpackTable} reads them. */
export function packTable(t: EntityTable): Uint8Array {
  const parts = [t.idStart, t.nameStart, t.country, t.begins, t.type, t.rank, t.weight, t.pack];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let o = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), o);
    o += p.byteLength;
  }
  return out;
}

/** Views over a packed table of `n` entities (copied once if the bytes are not 4-byte aligned). */
export function unpackTable(bytes: Uint8Array, n: number): EntityTable {
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
