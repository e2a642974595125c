/**
 * The bundled entities' ids, cut from one string only when asked for. Cutting
 * all 126,000 at start took about 4 ms of the worker's cold start
 * (docs/benchmarks.md, session 7), and a scan reads a few hundred of them.
 * Ids are sorted (see compileStore), so an id is found by binary search over
 * the text itself, without cutting it.
 */
export interface EntityIds {
  readonly size: number;
  /** Entity `i`'s id. */
  at(i: number): string;
  /** The number of entity `id`, or -1. */
  numberOf(id: string): number;
  /**
   * The ids as an array, for the alias index (`AliasIndex.entityIds`): each
   * is cut when first read. The matcher reads it once per alias it meets
   * (see aliasEntry), so the proxy's cost stays off the scan's hot loop.
   */
  readonly list: string[];
}

/**
 * The ids of `size` entities, entity `i`'s from `start[i]` to `start[i + 1]`
 * (UTF-16 units) in `source`: a string, or the ids' UTF-8 bytes as the store
 * file keeps them. Ids are ASCII (see schema.ts), so the bytes are searched
 * as they are, and not even decoded at start; bytes that are not ASCII are
 * decoded first.
 */
export function entityIds(source: string | Uint8Array, start: Uint32Array, size: number): EntityIds {
  const ascii = typeof source !== 'string' && source.byteLength === start[size] ? source : undefined;
  const text = typeof source === 'string' ? source : ascii ? '' : new TextDecoder().decode(source);
  const code = ascii ? (k: number) => ascii[k] as number : (k: number) => text.charCodeAt(k);
  const cut: string[] = new Array(size);
  const at = (i: number): string =>
    (cut[i] ??= ascii
      ? String.fromCharCode(...ascii.subarray(start[i] as number, start[i + 1] as number))
      : text.slice(start[i] as number, start[i + 1] as number));
  /** `id` compared with entity `i`'s id, as `<` compares strings (by UTF-16 code units). */
  const compare = (id: string, i: number): number => {
    const s = start[i] as number;
    const length = (start[i + 1] as number) - s;
    const m = Math.min(id.length, length);
    for (let k = 0; k < m; k++) {
      const d = id.charCodeAt(k) - code(s + k);
      if (d !== 0) return d;
    }
    return id.length - length;
  };
  const numberOf = (id: string): number => {
    let lo = 0;
    let hi = size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = compare(id, mid);
      if (d === 0) return mid;
      if (d > 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const slot = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const i = Number(key);
    return Number.isInteger(i) && i >= 0 && i < size && String(i) === key ? i : -1;
  };
  const list = new Proxy(cut, {
    get(target, key, receiver) {
      const i = slot(key);
      return i >= 0 ? at(i) : Reflect.get(target, key, receiver);
    },
    has(target, key) {
      return slot(key) >= 0 || Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      const i = slot(key);
      return i >= 0
        ? { value: at(i), writable: true, enumerable: true, configurable: true }
        : Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
  return { size, at, numberOf, list };
}
