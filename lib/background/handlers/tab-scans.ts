import { pageKey } from '../../related/rank';
import type { Sender } from './types';

/**
 * What the background remembers about one tab's last scan: how often each
 * entity is named, never the mentions themselves, so that what it keeps (in
 * memory and in `storage.session`) grows with the entities, not with the page.
 */
export interface TabScan {
  url: string;
  /** The page's canonical URL, when it declares one on its own site (the key of its notes and history). */
  canonical?: string;
  /**
   * A canonical URL the page declares on another site (a syndicated copy): used
   * only to leave the original out of the page's related coverage, never as a key.
   */
  declared?: string;
  /** Mentions per entity id. */
  counts: Record<string, number>;
}

/** Where tab scans are kept: memory in tests, `storage.session` in the browser. */
export interface TabStore {
  get(tabId: number): Promise<TabScan | undefined>;
  set(tabId: number, scan: TabScan): Promise<void>;
  delete(tabId: number): Promise<void>;
}

/**
 * Mentions per entity: `into`, plus `added`, less `removed` (an entity that
 * reaches zero is dropped). A plain object with no prototype, so ids are never
 * keys of Object.
 */
export function countMentions(
  added: readonly { entityId: string }[],
  into?: Record<string, number>,
  removed: readonly { entityId: string }[] = [],
): Record<string, number> {
  const counts: Record<string, number> = Object.assign(Object.create(null), into);
  for (const m of added) counts[m.entityId] = (counts[m.entityId] ?? 0) + 1;
  for (const m of removed) {
    const left = (counts[m.entityId] ?? 0) - 1;
    if (left > 0) counts[m.entityId] = left;
    else delete counts[m.entityId];
  }
  return counts;
}

/** Each tab's last scan, kept one update at a time, and what a content script may learn from it. */
export interface TabScans {
  /** The tab's last scan, once the updates begun before this call are done. */
  get(tabId: number): Promise<TabScan | undefined>;
  /** Resolves once the tab's updates begun before this call are done. */
  after(tabId: number): Promise<void>;
  /** The tab's last scan once its last write is done (what ranking its related coverage waits for). */
  settled(tabId: number): Promise<TabScan | undefined>;
  /**
   * Runs `step` after the tab's previous update, so that two parts of a page
   * read at once are both counted; `step` is given the tab's scan as that
   * update left it. Everything that reads the tab's scan afterwards waits for
   * it, so a scan can be answered before its bookkeeping is done.
   */
  inTurn(tabId: number, step: (previous: TabScan | undefined) => Promise<void>): Promise<void>;
  /** Keeps a tab's scan without waiting for the write (the page does not wait; `settled` does). */
  write(tabId: number, scan: TabScan): void;
  /** Forgets what a tab holds. */
  forget(tabId: number): Promise<void>;
  /** Of `ids`, those a sender may ask about: any, for Backstory's own pages; for a page, those found in its tab's scans. */
  askable(sender: Sender, ids: readonly string[]): Promise<string[]>;
  /**
   * A content script's page, as notes are kept for it: its canonical address on
   * the same site (as its last scan found it), then its address now.
   */
  pageUrls(sender: Sender): Promise<string[]>;
}

/** The tab scans kept in `tabs`, with the per-tab order of their updates and writes (held in memory). */
export function tabScans(tabs: TabStore): TabScans {
  // Per tab, the last write of what it holds, which ranking its coverage waits for.
  const writes = new Map<number, Promise<unknown>>();
  // Per tab, the last update of what it holds: the next one waits for it.
  const turns = new Map<number, Promise<void>>();
  const after = async (tabId: number) => {
    await turns.get(tabId);
  };
  const get = async (tabId: number) => {
    await after(tabId);
    return tabs.get(tabId);
  };
  const ofSender = (sender: Sender) => (sender.tabId === undefined ? undefined : get(sender.tabId));
  return {
    get,
    after,
    async settled(tabId) {
      await after(tabId);
      await writes.get(tabId);
      return tabs.get(tabId);
    },
    inTurn(tabId, step) {
      const run = (turns.get(tabId) ?? Promise.resolve()).then(() => tabs.get(tabId)).then(step);
      const settled = run.catch(() => undefined);
      turns.set(tabId, settled);
      void settled.then(() => {
        if (turns.get(tabId) === settled) turns.delete(tabId);
      });
      return run;
    },
    write(tabId, scan) {
      const written = tabs.set(tabId, scan).catch(() => undefined);
      writes.set(tabId, written);
      void written.then(() => {
        if (writes.get(tabId) === written) writes.delete(tabId);
      });
    },
    forget: (tabId) => tabs.delete(tabId),
    async askable(sender, ids) {
      if (sender.extensionPage) return [...ids];
      const scan = await ofSender(sender);
      return scan ? ids.filter((id) => (scan.counts[id] ?? 0) > 0) : [];
    },
    async pageUrls(sender) {
      if (!sender.url) return [];
      const scan = await ofSender(sender);
      return scan?.canonical && pageKey(scan.url) === pageKey(sender.url) ? [scan.canonical, sender.url] : [sender.url];
    },
  };
}
