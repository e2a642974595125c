import type { NoteTarget } from '../messages';
import type { NoteEditors, TabScan, TabStore } from './handlers';

/** The part of `storage.session` these need. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/**
 * Tab scans in memory, written through to `storage.session`, so they survive
 * the service worker being stopped (not the browser) and are read from memory
 * while it runs.
 */
export function sessionTabStore(session: SessionArea): TabStore {
  const key = (tabId: number) => `tab:${tabId}`;
  const memory = new Map<number, TabScan>();
  return {
    async get(tabId) {
      const cached = memory.get(tabId);
      if (cached) return cached;
      const got = (await session.get(key(tabId)))[key(tabId)] as TabScan | undefined;
      if (!got || typeof got.counts !== 'object' || got.counts === null) return undefined;
      memory.set(tabId, got);
      return got;
    },
    set: (tabId, scan) => {
      memory.set(tabId, scan);
      return session.set({ [key(tabId)]: scan });
    },
    delete: (tabId) => {
      memory.delete(tabId);
      return session.remove(key(tabId));
    },
  };
}

/** What each tab's open note editor is about, in `storage.session` (the reader may type longer than the worker lives). */
export function sessionEditors(session: SessionArea): NoteEditors {
  const key = (tabId: number) => `editor:${tabId}`;
  return {
    get: async (tabId) => (await session.get(key(tabId)))[key(tabId)] as NoteTarget | undefined,
    set: (tabId, target) => session.set({ [key(tabId)]: target }),
    delete: (tabId) => session.remove(key(tabId)),
  };
}
