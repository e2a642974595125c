import type { FactStore } from '../factstore/store';
import { noteEditorHandlers } from './handlers/note-editor';
import { noteHandlers } from './handlers/notes';
import { packHandlers } from './handlers/packs';
import { relatedCoverage, relatedHandlers } from './handlers/related';
import { scanHandlers } from './handlers/scan';
import { siteSwitchHandlers } from './handlers/site-switch';
import { storeQueryHandlers } from './handlers/store-queries';
import { type TabStore, tabScans } from './handlers/tab-scans';
import type { BackgroundHooks, Handlers } from './handlers/types';

// The types the background's other modules and the tests share, from the modules that own them.
export type { TabScan, TabStore } from './handlers/tab-scans';
export type { BackgroundHooks, Handlers, NoteEditors, NotesStore, Sender } from './handlers/types';

/**
 * The background's answer to each request of the contract, joined from the
 * parts that own them (`lib/background/handlers/`). The parts share the tab
 * scans (what each tab's page names, and so what its content script may ask
 * about) and the related coverage ranked from them; the return type makes a
 * request no part answers fail the typecheck.
 */
export function createHandlers(store: () => FactStore, tabs: TabStore, hooks: BackgroundHooks): Handlers {
  const scans = tabScans(tabs);
  const related = relatedCoverage(store, scans, hooks);
  return {
    ...scanHandlers(store, scans, related, hooks),
    ...storeQueryHandlers(store, scans, hooks),
    ...relatedHandlers(store, scans, related, hooks),
    ...noteHandlers(store, scans, hooks),
    ...noteEditorHandlers(store, scans, hooks),
    ...packHandlers(store, related, hooks),
    ...siteSwitchHandlers(hooks),
  };
}
