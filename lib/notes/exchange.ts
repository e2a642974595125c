import * as v from 'valibot';
import { SelectorSchema } from '../anchor/selector-schema';
import type { BackstoryDB, Note } from '../db';
import { formatPath } from '../factstore/validate';
import { siteOf } from '../site-settings';
import { MAX_NOTE_CHARS, quoteOf } from './notes';

/** The largest notes file accepted for import (characters). */
export const MAX_NOTES_FILE_CHARS = 20 * 1024 * 1024;

const ENTITY_SOURCE = 'urn:backstory:entity:';

/**
 * An ISO date and time that names a real moment: `isoTimestamp` checks the
 * form only, and "2025-02-30T10:00:00Z" has it (Date.parse then rolls it over
 * into March).
 */
const Timestamp = v.pipe(
  v.string(),
  v.isoTimestamp('expected an ISO date and time'),
  v.check((t) => {
    const [y, m, d] = t.slice(0, 10).split('-').map(Number) as [number, number, number];
    const day = new Date(Date.UTC(y, m - 1, d));
    return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
  }, 'expected a date that exists'),
);

const AnnotationSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^urn:uuid:[0-9a-f-]{36}$/i, 'expected an id like urn:uuid:…')),
  type: v.literal('Annotation'),
  created: Timestamp,
  modified: Timestamp,
  motivation: v.optional(v.string()),
  body: v.object({
    type: v.literal('TextualBody'),
    value: v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS)),
    format: v.optional(v.string()),
  }),
  target: v.object({
    source: v.pipe(v.string(), v.maxLength(4096)),
    title: v.optional(v.pipe(v.string(), v.maxLength(300))),
    selector: v.optional(v.array(SelectorSchema)),
  }),
});

const CollectionSchema = v.object({
  type: v.literal('AnnotationCollection'),
  items: v.pipe(v.array(AnnotationSchema), v.maxLength(100_000)),
});

type Annotation = v.InferOutput<typeof AnnotationSchema>;

/** A note as a W3C Web Annotation. */
export function toAnnotation(note: Note): Annotation {
  return {
    id: `urn:uuid:${note.id}`,
    type: 'Annotation',
    created: new Date(note.createdAt).toISOString(),
    modified: new Date(note.updatedAt).toISOString(),
    motivation: 'commenting',
    body: { type: 'TextualBody', value: note.body, format: 'text/plain' },
    target: note.entityId
      ? { source: `${ENTITY_SOURCE}${note.entityId}` }
      : {
          source: note.target?.source ?? note.url ?? '',
          ...(note.pageTitle ? { title: note.pageTitle } : {}),
          ...(note.target ? { selector: note.target.selector } : {}),
        },
  };
}

function fromAnnotation(a: Annotation): Note {
  const id = a.id.slice('urn:uuid:'.length).toLowerCase();
  const base = { id, body: a.body.value, createdAt: Date.parse(a.created), updatedAt: Date.parse(a.modified) };
  if (a.target.source.startsWith(ENTITY_SOURCE))
    return { ...base, entityId: a.target.source.slice(ENTITY_SOURCE.length) };
  const site = siteOf(a.target.source);
  return {
    ...base,
    url: a.target.source,
    ...(site ? { site } : {}),
    ...(a.target.title ? { pageTitle: a.target.title } : {}),
    ...(a.target.selector ? { target: { source: a.target.source, selector: a.target.selector } } : {}),
  };
}

/** All notes as a Web Annotation collection (JSON-LD). */
export function exportJson(notes: readonly Note[]): string {
  return JSON.stringify(
    {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      label: 'Backstory notes',
      total: notes.length,
      items: notes.map(toAnnotation),
    },
    null,
    2,
  );
}

/** All notes as Markdown: by entity, then by page with the quoted passages. */
export function exportMarkdown(notes: readonly Note[], entityName: (id: string) => string = (id) => id): string {
  const lines = ['# Backstory notes', ''];
  const byEntity = new Map<string, Note[]>();
  const byPage = new Map<string, Note[]>();
  for (const n of notes) {
    if (n.entityId) byEntity.set(n.entityId, [...(byEntity.get(n.entityId) ?? []), n]);
    else if (n.url) byPage.set(n.url, [...(byPage.get(n.url) ?? []), n]);
  }
  const date = (t: number) => new Date(t).toISOString().slice(0, 10);
  if (byEntity.size > 0) lines.push('## By entity', '');
  for (const [id, list] of [...byEntity].sort((a, b) => entityName(a[0]).localeCompare(entityName(b[0])))) {
    lines.push(`### ${entityName(id)}`, '');
    for (const n of list) lines.push(`- ${n.body.replace(/\n/g, '\n  ')} (${date(n.updatedAt)})`);
    lines.push('');
  }
  if (byPage.size > 0) lines.push('## By page', '');
  for (const [url, list] of byPage) {
    lines.push(`### ${list[0]?.pageTitle ?? url}`, '', `<${url}>`, '');
    for (const n of list) {
      const quote = quoteOf(n);
      if (quote) lines.push(`> ${quote.replace(/\n/g, '\n> ')}`, '');
      lines.push(`${n.body}${n.orphaned ? ' *(passage not found on the last visit)*' : ''} (${date(n.updatedAt)})`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export type ImportResult = { ok: true; added: number; skipped: number } | { ok: false; errors: string[] };

/**
 * Imports a notes file: validated whole first (shape, ids, size), then
 * written in one transaction. Notes whose id is already stored are skipped,
 * so importing an export again adds nothing twice. A bad file changes nothing.
 */
export async function importNotes(db: BackstoryDB, text: string): Promise<ImportResult> {
  if (text.length > MAX_NOTES_FILE_CHARS) {
    return {
      ok: false,
      errors: [
        `file is ${(text.length / 1024 / 1024).toFixed(1)} MB; a notes file may be at most ${MAX_NOTES_FILE_CHARS / 1024 / 1024} MB`,
      ],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = v.safeParse(CollectionSchema, value, { abortEarly: false });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.issues
        .slice(0, 20)
        .map(
          (i) =>
            `${formatPath((i.path ?? []).map((p) => (typeof p.key === 'number' ? p.key : String(p.key))))}: ${i.message}`,
        ),
    };
  }
  const seen = new Map<string, number>();
  const errors: string[] = [];
  parsed.output.items.forEach((a, i) => {
    const first = seen.get(a.id);
    if (first !== undefined) errors.push(`items[${i}].id: duplicate id ${a.id} (also items[${first}])`);
    else seen.set(a.id, i);
  });
  if (errors.length > 0) return { ok: false, errors };
  const notes = parsed.output.items.map(fromAnnotation);
  try {
    return await db.transaction('rw', db.notes, async () => {
      const existing = new Set((await db.notes.bulkGet(notes.map((n) => n.id))).flatMap((n) => (n ? [n.id] : [])));
      const fresh = notes.filter((n) => !existing.has(n.id));
      await db.notes.bulkAdd(fresh);
      return { ok: true as const, added: fresh.length, skipped: notes.length - fresh.length };
    });
  } catch (error) {
    return { ok: false, errors: [`could not store the notes: ${String(error)}`] };
  }
}
