import type { BackstoryDB, StoredPack } from '../db';
import type { Pack } from '../factstore/schema';
import { parsePackText } from '../factstore/validate';

export type ImportResult = { ok: true; pack: StoredPack; replaced: boolean } | { ok: false; errors: string[] };

/**
 * Imports a reader's pack file: the whole file is validated first, and only a
 * valid pack is written, summary and content in one transaction, so a failure
 * at any point leaves nothing behind. A pack with the id of one already
 * imported replaces it; the ids of bundled packs are refused.
 */
export async function importPackText(
  db: BackstoryDB,
  text: string,
  options: { reservedIds?: readonly string[]; now?: () => number } = {},
): Promise<ImportResult> {
  const parsed = parsePackText(text);
  if (!parsed.ok) return parsed;
  const pack = parsed.pack;
  if (options.reservedIds?.includes(pack.id)) {
    return { ok: false, errors: [`id: "${pack.id}" is the id of a bundled pack; give your pack another id`] };
  }
  const summary: StoredPack = {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    entities: pack.entities.length,
    sources: pack.sources.length,
    coverage: pack.coverage.length,
    importedAt: (options.now ?? Date.now)(),
  };
  let replaced = false;
  try {
    await db.transaction('rw', db.packs, db.packData, async () => {
      replaced = (await db.packs.get(pack.id)) !== undefined;
      await db.packs.put(summary);
      await db.packData.put({ id: pack.id, pack });
    });
  } catch (error) {
    const name = (error as { name?: string }).name;
    const why = name === 'QuotaExceededError' ? 'the browser has no room left for it' : String(error);
    return { ok: false, errors: [`could not store the pack: ${why}`] };
  }
  return { ok: true, pack: summary, replaced };
}

/** The reader's packs, newest import last. */
export function listPacks(db: BackstoryDB): Promise<StoredPack[]> {
  return db.packs.orderBy('importedAt').toArray();
}

/** Removes a reader's pack (summary and content together). */
export async function removePack(db: BackstoryDB, id: string): Promise<void> {
  await db.transaction('rw', db.packs, db.packData, async () => {
    await db.packs.delete(id);
    await db.packData.delete(id);
  });
}

/** Every reader pack's content, in import order, for the background's store. */
export async function loadReaderPacks(db: BackstoryDB): Promise<Pack[]> {
  const order = await listPacks(db);
  const data = await db.packData.bulkGet(order.map((p) => p.id));
  return data.flatMap((d) => (d ? [d.pack] : []));
}
