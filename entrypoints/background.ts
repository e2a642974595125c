import compiled from 'virtual:backstory-store';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dispatch } from '../lib/background/dispatch';
import { createHandlers, type TabScan, type TabStore } from '../lib/background/handlers';
import { BackstoryDB } from '../lib/db';
import { extendStore, type FactStore, loadCompiledStore } from '../lib/factstore/store';
import { loadReaderPacks } from '../lib/packs/reader-packs';

/** Tab scans in `storage.session`: they survive the service worker being stopped, not the browser. */
function sessionTabStore(): TabStore {
  const key = (tabId: number) => `tab:${tabId}`;
  return {
    async get(tabId) {
      const got = await browser.storage.session.get(key(tabId));
      return got[key(tabId)] as TabScan | undefined;
    },
    set: (tabId, scan) => browser.storage.session.set({ [key(tabId)]: scan }),
    delete: (tabId) => browser.storage.session.remove(key(tabId)),
  };
}

export default defineBackground(() => {
  const base = loadCompiledStore(compiled);
  let store: FactStore = base;
  const db = new BackstoryDB();
  const reloadPacks = async () => {
    store = extendStore(base, await loadReaderPacks(db));
    return store.entities.size;
  };
  // The first scan waits for the reader's packs, so they apply from the start.
  let ready: Promise<unknown> = reloadPacks().catch((error: unknown) => {
    console.error('Backstory: could not load your fact packs', error);
  });
  const tabs = sessionTabStore();
  const handlers = createHandlers(() => store, tabs, {
    reloadPacks: () => {
      const next = reloadPacks();
      ready = next.catch(() => undefined);
      return next;
    },
  });
  const ownPages = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener(async (message, sender) => {
    // Only this extension's own contexts may talk to the background.
    if (sender.id !== browser.runtime.id) return undefined;
    await ready;
    // A content script's sender URL is the page's; only our own pages have ours.
    const extensionPage = typeof sender.url === 'string' && sender.url.startsWith(ownPages);
    return dispatch(handlers, message, {
      ...(sender.tab?.id === undefined ? {} : { tabId: sender.tab.id }),
      extensionPage,
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.delete(tabId));
});
