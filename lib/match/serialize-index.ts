import type { AliasIndex } from './alias-index';

/** An alias index as plain JSON: typed arrays as base64. */
export interface SerializedIndex {
  firstEdge: string;
  labels: string;
  valueStart: string;
  values: string;
  aliasEntity: string;
  aliasFlags: string;
  aliasCased: [number, string][];
  aliasLang: [number, string][];
  entityIds: string[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < B64.length; i++) LOOKUP[B64.charCodeAt(i)] = i;

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** Base64 of a typed array's bytes (little-endian, as every browser lays them out). */
export function toBase64(view: ArrayBufferView): string {
  const bytes = bytesOf(view);
  const out: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    chunk += B64[a >> 2];
    chunk += B64[((a & 3) << 4) | ((b ?? 0) >> 4)];
    chunk += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)];
    chunk += c === undefined ? '=' : B64[c & 63];
    if (chunk.length >= 8192) {
      out.push(chunk);
      chunk = '';
    }
  }
  out.push(chunk);
  return out.join('');
}

/** The bytes of a base64 string. */
export function fromBase64(text: string): Uint8Array {
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      ((LOOKUP[text.charCodeAt(i)] as number) << 18) |
      ((LOOKUP[text.charCodeAt(i + 1)] as number) << 12) |
      ((LOOKUP[text.charCodeAt(i + 2)] as number) << 6) |
      (LOOKUP[text.charCodeAt(i + 3)] as number);
    bytes[o++] = n >> 16;
    if (o < bytes.length) bytes[o++] = (n >> 8) & 255;
    if (o < bytes.length) bytes[o++] = n & 255;
  }
  return bytes;
}

function u32(text: string): Uint32Array {
  const b = fromBase64(text);
  return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4);
}

export function serializeIndex(index: AliasIndex): SerializedIndex {
  return {
    firstEdge: toBase64(index.firstEdge),
    labels: toBase64(index.labels),
    valueStart: toBase64(index.valueStart),
    values: toBase64(index.values),
    aliasEntity: toBase64(index.aliasEntity),
    aliasFlags: toBase64(index.aliasFlags),
    aliasCased: [...index.aliasCased],
    aliasLang: [...index.aliasLang],
    entityIds: index.entityIds,
  };
}

export function deserializeIndex(s: SerializedIndex): AliasIndex {
  const labels = fromBase64(s.labels);
  return {
    firstEdge: u32(s.firstEdge),
    labels: new Uint16Array(labels.buffer, labels.byteOffset, labels.byteLength / 2),
    valueStart: u32(s.valueStart),
    values: u32(s.values),
    aliasEntity: u32(s.aliasEntity),
    aliasFlags: fromBase64(s.aliasFlags),
    aliasCased: new Map(s.aliasCased),
    aliasLang: new Map(s.aliasLang),
    entityIds: s.entityIds,
  };
}
