import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dispatch } from '../lib/background/dispatch';
import { createHandlers, type TabScan, type TabStore } from '../lib/background/handlers';
import type { TabMessage } from '../lib/contract';
import { BackstoryDB, moveSettings, settingsArea } from '../lib/db';
import { extendStore, type FactStore, loadStoreFile, type Shard, scanText } from '../lib/factstore/store';
import { readOpenTabs, type SiteScriptApi, syncGrantedSites, type TabInjectApi } from '../lib/granted-sites';
import {
  HISTORY_SETTINGS_KEY,
  type HistorySettings,
  historySettings,
  pruneVisits,
  recordVisit,
  visitsMentioning,
} from '../lib/history/visits';
import type { NoteTarget } from '../lib/messages';
import { notesOnEntities, notesOnPage, saveNote, setOrphaned } from '../lib/notes/notes';
import { loadReaderPacks } from '../lib/packs/reader-packs';
import { PORT_NAME } from '../lib/port-channel';
import { DISABLED_SITES_KEY, disabledSites, type StorageArea, setSiteEnabled } from '../lib/site-settings';

/**
 * Tab scans in memory, written through to `storage.session`, so they survive
 * the service worker being stopped (not the browser) and are read from memory
 * while it runs.
 */
function sessionTabStore(): TabStore {
  const key = (tabId: number) => `tab:${tabId}`;
  const memory = new Map<number, TabScan>();
  return {
    async get(tabId) {
      const cached = memory.get(tabId);
      if (cached) return cached;
      const got = (await browser.storage.session.get(key(tabId)))[key(tabId)] as TabScan | undefined;
      if (!got || typeof got.counts !== 'object' || got.counts === null) return undefined;
      memory.set(tabId, got);
      return got;
    },
    set: (tabId, scan) => {
      memory.set(tabId, scan);
      return browser.storage.session.set({ [key(tabId)]: scan });
    },
    delete: (tabId) => {
      memory.delete(tabId);
      return browser.storage.session.remove(key(tabId));
    },
  };
}

/** Tells a tab's content script (its top frame's, unless `frameId` is undefined) something of the contract's. */
const tell = (tabId: number, message: TabMessage, frameId: number | undefined = 0): Promise<unknown> =>
  browser.tabs.sendMessage(tabId, message, frameId === undefined ? {} : { frameId }).catch(() => undefined);

/** An address of an extension's own page. */
const EXTENSION_URL = /^(chrome|moz)-extension:\/\/[^/]+\//;

/** One of the extension's own files. */
const getFile = (path: string) => fetch(browser.runtime.getURL(path as '/'));

/** A file of the extension, or a clear error when it cannot be read. */
async function fileOk(path: string): Promise<Response> {
  const r = await getFile(path);
  if (!r.ok) throw new Error(`cannot read ${path} (${r.status})`);
  return r;
}

/**
 * Loads the store compiled at build time (see build/fact-store-plugin.ts):
 * the index, the entity table, its strings and the matcher's filters now, in
 * one file; card shards when a card asks for them.
 */
async function loadBundledStore(stages: Record<string, number>): Promise<FactStore> {
  stages.begin = performance.now();
  const file = await fileOk('/store/store.bin').then((r) => r.arrayBuffer());
  stages.fetched = performance.now();
  const store = loadStoreFile(file, (n) => fileOk(`/store/cards/${n}.json`).then((r) => r.json() as Promise<Shard>));
  stages.loaded = performance.now();
  return store;
}

/** The packs the reader switched off (options page), kept with the settings. */
const DISABLED_PACKS_KEY = 'disabledPacks';
async function disabledPacks(settings: StorageArea): Promise<Set<string>> {
  const got = (await settings.get(DISABLED_PACKS_KEY))[DISABLED_PACKS_KEY];
  return new Set(Array.isArray(got) ? got.filter((x): x is string => typeof x === 'string') : []);
}

/** Prepares the matcher's tables now, so that the first page does not wait for them. */
function warmUp(store: FactStore): void {
  scanText(store, 'Backstory');
}

export default defineBackground(() => {
  // Settings (sites switched off, history retention, packs switched off) only for the
  // extension's own pages and this worker: a content script, which a page may subvert,
  // can neither read nor write them (Chrome; Firefox has no such switch for this area).
  const local = browser.storage.local as unknown as {
    setAccessLevel?: (o: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
  };
  void local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);
  const db = new BackstoryDB();
  // The settings live in the extension's own database, which no content script reaches on
  // any browser; an earlier version's are moved there from `storage.local` first.
  const settings = settingsArea(db);
  const moved = moveSettings(db, browser.storage.local, [
    DISABLED_SITES_KEY,
    HISTORY_SETTINGS_KEY,
    DISABLED_PACKS_KEY,
  ]).catch((error) => console.error('Backstory: could not move the settings', error));
  const setting: StorageArea = {
    async get(key) {
      await moved;
      return settings.get(key);
    },
    async set(items) {
      await moved;
      await settings.set(items);
    },
  };
  // performance.now() counts from the worker's start: these are its cold-start costs.
  let bundledReadyMs = 0;
  let readyMs: number | null = null;
  // Where the cold start's time goes (ms since the worker's start), for bench:store.
  const stages: Record<string, number> = {};
  let base: FactStore | undefined;
  let store: FactStore | undefined;
  const reloadPacks = async () => {
    if (!base) throw new Error('the bundled fact store is not loaded');
    const [packs, off] = await Promise.all([loadReaderPacks(db), disabledPacks(setting)]);
    // The reader's packs get a small index of their own; the bundled one is not rebuilt.
    store = packs.length > 0 || off.size > 0 ? extendStore(base, packs, off) : base;
    warmUp(store);
    return store.size;
  };
  // Every message waits for the store, and the first for the reader's packs too.
  let ready: Promise<unknown> = (async () => {
    base = await loadBundledStore(stages);
    store = base;
    warmUp(base);
    bundledReadyMs = performance.now();
    stages.prepared = bundledReadyMs;
    try {
      await reloadPacks();
    } catch (error) {
      console.error('Backstory: could not load your fact packs', error);
    }
    readyMs = performance.now();
  })();
  const tabs = sessionTabStore();
  const handlers = createHandlers(
    () => {
      if (!store) throw new Error('the fact store is not loaded');
      return store;
    },
    tabs,
    {
      reloadPacks: () => {
        const next = reloadPacks();
        ready = next.catch(() => undefined);
        return next;
      },
      setPackEnabled: async (packId, enabled) => {
        const off = await disabledPacks(setting);
        if (enabled) off.delete(packId);
        else off.add(packId);
        await setting.set({ [DISABLED_PACKS_KEY]: [...off] });
        const next = reloadPacks();
        ready = next.catch(() => undefined);
        return next;
      },
      timings: () => ({ bundledReadyMs, readyMs, stages: { ...stages } }),
      setSiteEnabled: async (site, enabled) => {
        const before = await offSites();
        await setSiteEnabled(setting, site, enabled);
        off = undefined;
        // Content scripts cannot read the settings: the tabs of the site are told.
        void tellSiteTabs(before, await offSites());
      },
      historyChanged: () => {
        historyCache = undefined;
        prune();
      },
      isSiteEnabled: async (site) => !(await offSites()).has(site),
      recordVisit: async (visit) => {
        if ((await history()).paused) return;
        await recordVisit(db, visit);
      },
      visitsMentioning: (entityIds) => visitsMentioning(db, entityIds),
      notes: {
        onPage: (url) => notesOnPage(db, url),
        onEntities: (ids) => notesOnEntities(db, ids),
        save: (note) => saveNote(db, note),
        setOrphaned: (id, orphaned) => setOrphaned(db, id, orphaned),
        get: (id) => db.notes.get(id),
      },
      editors: {
        get: async (tabId) =>
          (await browser.storage.session.get(`editor:${tabId}`))[`editor:${tabId}`] as NoteTarget | undefined,
        set: (tabId, target) => browser.storage.session.set({ [`editor:${tabId}`]: target }),
        delete: (tabId) => browser.storage.session.remove(`editor:${tabId}`),
      },
      tellTab: (tabId, message) => void tell(tabId, message),
      openRelated: async (entityId, tabId) => {
        // The popup reads this when it opens; a tab gets it in its address.
        await browser.storage.session.set({ focusEntity: { entityId, at: Date.now() } });
        try {
          await browser.action.openPopup();
          return 'popup';
        } catch {
          const query = new URLSearchParams({
            entity: entityId,
            ...(tabId === undefined ? {} : { tab: String(tabId) }),
          });
          await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?${query}` as '/popup.html') });
          return 'tab';
        }
      },
    },
  );
  const ownPages = browser.runtime.getURL('/');
  // The sites where Backstory is off, kept in memory and in step with storage.
  let off: Promise<Set<string>> | undefined;
  const offSites = () => {
    off ??= disabledSites(setting).then((sites) => new Set(sites));
    return off;
  };
  // The history settings likewise; old visits are forgotten at start and when the setting changes.
  let historyCache: Promise<HistorySettings> | undefined;
  const history = () => {
    historyCache ??= historySettings(setting);
    return historyCache;
  };
  const prune = () =>
    void history()
      .then((h) => pruneVisits(db, h.keepDays))
      .catch(() => undefined);
  prune();
  // Content scripts cannot read the settings: the tabs of a site the reader switched
  // are told so, and only they.
  async function tellSiteTabs(before: ReadonlySet<string>, after: ReadonlySet<string>) {
    const switched = [...new Set([...before, ...after])].filter((site) => before.has(site) !== after.has(site));
    for (const site of switched) {
      // Each pattern on its own: "www." before an address is no valid pattern.
      const found = await Promise.all(
        [`*://${site}/*`, `*://www.${site}/*`].map((url) => browser.tabs.query({ url }).catch(() => [])),
      );
      for (const tab of found.flat()) {
        if (tab.id === undefined) continue;
        void tell(tab.id, { type: 'siteEnabled', site, enabled: !after.has(site) });
      }
    }
  }

  // Sites the reader turned Backstory on for (from the popup, or the browser's
  // own settings): the registered content script follows the granted permissions,
  // and a tab already open on a newly granted site is read at once.
  const defaults = browser.runtime.getManifest().host_permissions ?? [];
  const scripts = { permissions: browser.permissions, scripting: browser.scripting } as unknown as SiteScriptApi;
  const sync = () => syncGrantedSites(scripts, defaults).catch(() => []);
  void sync();
  browser.permissions.onAdded.addListener(async (added) => {
    await sync();
    await readOpenTabs(
      { tabs: browser.tabs, scripting: browser.scripting } as unknown as TabInjectApi,
      added.origins ?? [],
      defaults,
    );
  });
  browser.permissions.onRemoved.addListener(() => void sync());

  // Registered synchronously, so that a message wakes the stopped worker.
  const answer = async (message: unknown, sender: Browser.runtime.MessageSender) => {
    await ready;
    // A content script's sender URL is the page's; only our own pages have an extension URL
    // (the note editor inside a page's card too, under the session's dynamic id on Chrome);
    // the sender's id, checked below, is ours.
    const extensionPage =
      typeof sender.url === 'string' && (sender.url.startsWith(ownPages) || EXTENSION_URL.test(sender.url));
    let url = sender.url;
    const tabId = sender.tab?.id;
    if (!extensionPage && tabId !== undefined) {
      // Only the top frame's content script speaks for a tab.
      if (sender.frameId !== undefined && sender.frameId !== 0) return undefined;
      // The tab's address now: a port opened before the page's pushState still carries the old one.
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (tab?.url) url = tab.url;
    }
    return dispatch(handlers, message, {
      ...(tabId === undefined ? {} : { tabId }),
      ...(typeof url === 'string' ? { url } : {}),
      ...(sender.tab?.incognito ? { incognito: true } : {}),
      extensionPage,
    });
  };
  browser.runtime.onMessage.addListener(async (message, sender) => {
    // Only this extension's own contexts may talk to the background.
    if (sender.id !== browser.runtime.id) return undefined;
    return answer(message, sender);
  });
  // Content scripts keep one port open for their requests (see lib/port-channel.ts).
  browser.runtime.onConnect.addListener((port) => {
    const sender = port.sender;
    if (port.name !== PORT_NAME || !sender || sender.id !== browser.runtime.id) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener(async (raw: unknown) => {
      const request = raw as { id?: unknown; message?: unknown };
      if (typeof request?.id !== 'number') return;
      const result = await answer(request.message, sender);
      try {
        port.postMessage({ id: request.id, result });
      } catch {
        // The tab went away meanwhile.
      }
    });
  });
  // The manifest's keyboard commands step through the names on the active tab.
  browser.commands?.onCommand.addListener(async (command, tab) => {
    const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
    if (!direction) return;
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await tell(id, { type: 'mentionStep', direction }, undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.delete(tabId);
    void browser.storage.session.remove(`editor:${tabId}`);
  });
  // "Add a Backstory note on this passage" on a selection.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: 'backstory-note',
      title: 'Add a Backstory note on this passage',
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'backstory-note' && tab?.id !== undefined) {
      void tell(tab.id, { type: 'notePassage' }, undefined);
    }
  });
});
