import Dexie, { type EntityTable } from 'dexie';
import type { Selector } from './anchor/quote';
import type { Pack } from './factstore/schema';
import { type StorageArea, siteOf } from './site-settings';

/** A note the reader wrote: on an entity, or on a passage of a page. */
export interface Note {
  id: string;
  /** The entity the note is about, when it is about one. */
  entityId?: string;
  /** The page the note was written on, when it is about a passage. */
  url?: string;
  body: string;
  createdAt: number;
  updatedAt: number;
  /** v4: the page's site, for filtering. */
  site?: string;
  /** v4: the page's title when the note was written. */
  pageTitle?: string;
  /** v4: the passage, in the W3C Web Annotation model (text-quote and text-position selectors). */
  target?: { source: string; selector: Selector[] };
  /** v4: true when the passage could not be found on the page's last visit; the note is kept. */
  orphaned?: boolean;
}

/**
 * An article the reader opened with Backstory on: never its text, only what
 * related coverage needs. Kept locally, for as long as the reader chooses.
 */
export interface Visit {
  /** The page's key (`pageKey` of its canonical URL): one row per article. */
  key: string;
  url: string;
  title: string;
  /** The site, standing in for the outlet. */
  site: string;
  /** When it was last read (ms since the epoch). */
  readAt: number;
  entityIds: string[];
}

/** A reader pack's summary, listed in the options page. */
export interface StoredPack {
  id: string;
  name: string;
  version: string;
  entities: number;
  sources: number;
  coverage: number;
  importedAt: number;
}

/** A reader pack's content, kept apart so that listing packs does not load them. */
export interface StoredPackData {
  id: string;
  pack: Pack;
}

/** A setting (sites switched off, history retention, packs switched off), by its key. */
export interface Setting {
  key: string;
  value: unknown;
}

/**
 * The extension's own database. Opened only by the background and extension
 * pages, never by the content script (which runs in the page's origin).
 *
 * Every past version stays declared, each with its upgrade, so that a
 * reader's notes survive any update.
 */
export class BackstoryDB extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  packs!: EntityTable<StoredPack, 'id'>;
  packData!: EntityTable<StoredPackData, 'id'>;
  visits!: EntityTable<Visit, 'key'>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name = 'backstory', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      notes: 'id, entityId, url, createdAt, updatedAt',
    });
    // v2: the reader's own fact packs. No data changes, so no upgrade function.
    this.version(2).stores({
      packs: 'id, importedAt',
      packData: 'id',
    });
    // v3: the reader's own reading, for related coverage. New table, no data to move.
    this.version(3).stores({
      visits: 'key, readAt, *entityIds',
    });
    // v4: notes on passages, filtered by site: index the site, filled in for older notes.
    this.version(4)
      .stores({ notes: 'id, entityId, url, site, createdAt, updatedAt' })
      .upgrade((tx) =>
        tx
          .table<Note, string>('notes')
          .toCollection()
          .modify((note) => {
            if (note.url && !note.site) {
              const site = siteOf(note.url);
              if (site) note.site = site;
            }
          }),
      );
    // v5: the reader's settings, here in the extension's own origin, where no content
    // script reaches (on Firefox, content scripts can read and write `storage.local`).
    // They are moved from `storage.local` by `moveSettings`.
    this.version(5).stores({ settings: 'key' });
  }
}

/** The settings, read and written the way `storage.local` is. */
export function settingsArea(db: BackstoryDB): StorageArea {
  return {
    async get(key) {
      const row = await db.settings.get(key);
      return row === undefined ? {} : { [key]: row.value };
    },
    async set(items) {
      await db.settings.bulkPut(Object.entries(items).map(([key, value]) => ({ key, value })));
    },
  };
}

/** The setting that says an earlier version's settings were moved out of `storage.local`. */
const MOVED_KEY = 'movedFromStorageLocal';

/**
 * Moves settings an earlier version kept in `storage.local` into the database
 * (a setting already there wins), then removes them from `storage.local`:
 * nothing is lost, and nothing stays where a content script could reach it.
 * It runs once: later, `storage.local` is never read again, so what a content
 * script writes there (Firefox lets it) is never taken for a setting.
 */
export async function moveSettings(
  db: BackstoryDB,
  local: { get(keys: string[]): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void> },
  keys: readonly string[],
): Promise<void> {
  if ((await db.settings.get(MOVED_KEY)) !== undefined) return;
  const old = await local.get([...keys]);
  const found = Object.keys(old).filter((k) => old[k] !== undefined);
  await db.transaction('rw', db.settings, async () => {
    for (const key of found)
      if ((await db.settings.get(key)) === undefined) await db.settings.put({ key, value: old[key] });
    await db.settings.put({ key: MOVED_KEY, value: true });
  });
  if (found.length > 0) await local.remove(found);
}
