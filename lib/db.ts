import Dexie, { type EntityTable } from 'dexie';

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

  constructor(name = 'backstory', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      notes: 'id, entityId, url, createdAt, updatedAt',
    });
  }
}
