import type { AliasIndex } from './alias-index';

/**
 * Where each array of an alias index lies in its binary form, plus the small
 * parts kept as JSON. The binary form is the typed arrays' bytes back to back
 * (32-bit arrays first, so each starts 4-byte aligned), little-endian as every
 * browser lays them out: loading is a view, not a parse.
 */
export interface IndexLayout {
  nodes: number;
  edges: number;
  tails: number;
  values: number;
  aliases: number;
  aliasCased: [number, string][];
  langs: string[];
  entityIds: string[];
}

export function packIndex(index: AliasIndex): { layout: IndexLayout; bytes: Uint8Array } {
  const parts: ArrayBufferView[] = [
    index.firstEdge,
    index.valueStart,
    index.values,
    index.aliasEntity,
    index.tailStart,
    index.labels,
    index.tails,
    index.aliasFlags,
    index.aliasLang,
  ];
  const size = parts.reduce((n, p) => n + p.byteLength, 0);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    bytes.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), offset);
    offset += p.byteLength;
  }
  return {
    layout: {
      nodes: index.firstEdge.length - 1,
      edges: index.labels.length,
      tails: index.tails.length,
      values: index.values.length,
      aliases: index.aliasEntity.length,
      aliasCased: [...index.aliasCased],
      langs: index.langs,
      entityIds: index.entityIds,
    },
    bytes,
  };
}

export function unpackIndex(layout: IndexLayout, data: ArrayBuffer | Uint8Array): AliasIndex {
  let bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // Typed-array views need aligned offsets; a Node Buffer may not be.
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  const { buffer } = bytes;
  let offset = bytes.byteOffset;
  const take = <T>(make: (b: ArrayBufferLike, o: number, n: number) => T, n: number, width: number): T => {
    const view = make(buffer, offset, n);
    offset += n * width;
    return view;
  };
  const u32 = (n: number) => take((b, o, k) => new Uint32Array(b, o, k), n, 4);
  const firstEdge = u32(layout.nodes + 1);
  const valueStart = u32(layout.nodes + 1);
  const values = u32(layout.values);
  const aliasEntity = u32(layout.aliases);
  const tailStart = u32(layout.edges + 1);
  const labels = take((b, o, k) => new Uint16Array(b, o, k), layout.edges, 2);
  const tails = take((b, o, k) => new Uint16Array(b, o, k), layout.tails, 2);
  const aliasFlags = take((b, o, k) => new Uint8Array(b, o, k), layout.aliases, 1);
  const aliasLang = take((b, o, k) => new Uint8Array(b, o, k), layout.aliases, 1);
  if (offset - bytes.byteOffset !== bytes.byteLength) {
    throw new Error(`alias index: expected ${offset - bytes.byteOffset} bytes, got ${bytes.byteLength}`);
  }
  return {
    firstEdge,
    labels,
    tailStart,
    tails,
    valueStart,
    values,
    aliasEntity,
    aliasFlags,
    aliasCased: new Map(layout.aliasCased),
    aliasLang,
    langs: layout.langs,
    entityIds: layout.entityIds,
  };
}
