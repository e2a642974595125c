import * as v from 'valibot';
import { type Pack, PackSchema } from './schema';

/** The largest pack file accepted (bytes of text). */
export const MAX_PACK_CHARS = 20 * 1024 * 1024;

export type PackResult = { ok: true; pack: Pack } | { ok: false; errors: string[] };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `["entities", 3, "aliases", 0]` → `entities[3].aliases[0]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out || '(root)';
}

function issuePath(issue: v.BaseIssue<unknown>): (string | number)[] {
  return (issue.path ?? []).map((p) => (typeof p.key === 'number' ? p.key : String(p.key)));
}

/** Lower-cases and trims valibot's message: "Invalid type: Expected string but received 3" → "expected string but received 3". */
function describe(issue: v.BaseIssue<unknown>): string {
  const m = issue.message.replace(/^Invalid (type|key|length|format|value|option):\s*/i, '');
  return m.charAt(0).toLowerCase() + m.slice(1);
}

function findForbiddenKeys(value: unknown, path: (string | number)[], out: string[]): void {
  if (out.length >= 20 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) findForbiddenKeys(value[i], [...path, i], out);
    return;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) out.push(`${formatPath([...path, key])}: key "${key}" is not allowed`);
    else findForbiddenKeys((value as Record<string, unknown>)[key], [...path, key], out);
  }
}

function duplicates(items: readonly { id: string }[], where: string, out: string[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) out.push(`${where}[${i}].id: duplicate id "${item.id}" (also ${where}[${first}])`);
    else seen.set(item.id, i);
  });
}

/** Checks what the schema cannot: unique ids, and facts citing sources the pack lists. */
function semanticErrors(pack: Pack): string[] {
  const errors: string[] = [];
  duplicates(pack.sources, 'sources', errors);
  duplicates(pack.entities, 'entities', errors);
  duplicates(pack.coverage, 'coverage', errors);
  const sources = new Set(pack.sources.map((s) => s.id));
  pack.entities.forEach((e, i) => {
    e.facts.forEach((f, j) => {
      if (!sources.has(f.source))
        errors.push(`entities[${i}].facts[${j}].source: no source "${f.source}" in this pack`);
    });
    e.agreement?.reactions.forEach((r, j) => {
      if (!sources.has(r.source)) {
        errors.push(`entities[${i}].agreement.reactions[${j}].source: no source "${r.source}" in this pack`);
      }
    });
  });
  return errors;
}

/** Validates a parsed value as a pack: schema, forbidden keys, unique ids, sources. */
export function validatePack(value: unknown): PackResult {
  const forbidden: string[] = [];
  findForbiddenKeys(value, [], forbidden);
  if (forbidden.length > 0) return { ok: false, errors: forbidden };
  const parsed = v.safeParse(PackSchema, value, { abortEarly: false });
  if (!parsed.success) {
    return { ok: false, errors: parsed.issues.slice(0, 50).map((i) => `${formatPath(issuePath(i))}: ${describe(i)}`) };
  }
  const errors = semanticErrors(parsed.output);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, pack: parsed.output };
}

/** Parses and validates a pack file's text. */
export function parsePackText(text: string): PackResult {
  if (text.length > MAX_PACK_CHARS) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return { ok: false, errors: [`file is ${mb} MB; packs may be at most ${MAX_PACK_CHARS / 1024 / 1024} MB`] };
  }
  // A file nested thousands of levels deep would overflow the stack of the parser or the
  // validator; no pack needs more than a few levels.
  const depth = nestingDepth(text, MAX_PACK_DEPTH);
  if (depth > MAX_PACK_DEPTH) {
    return { ok: false, errors: [`nested more than ${MAX_PACK_DEPTH} levels deep; a pack needs a handful`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return validatePack(value);
}

/** The deepest a pack's JSON may nest (objects and arrays). */
export const MAX_PACK_DEPTH = 32;

/** How deep JSON text nests its objects and arrays (outside strings), counted up to just past `limit`. */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}
