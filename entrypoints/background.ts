import compiled from 'virtual:backstory-store';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dispatch } from '../lib/background/dispatch';
import { createHandlers, type TabScan, type TabStore } from '../lib/background/handlers';
import { BackstoryDB } from '../lib/db';
import { type FactStore, loadCompiledStore } from '../lib/factstore/store';

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
  let store: FactStore | undefined;
  const getStore = () => {
    store ??= loadCompiledStore(compiled);
    return store;
  };
  const tabs = sessionTabStore();
  const handlers = createHandlers(getStore, tabs);

  browser.runtime.onMessage.addListener((message, sender) => {
    // Only this extension's own contexts may talk to the background.
    if (sender.id !== browser.runtime.id) return undefined;
    return dispatch(handlers, message, sender.tab?.id === undefined ? {} : { tabId: sender.tab.id });
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.delete(tabId));

  const db = new BackstoryDB();
  db.open().catch((error: unknown) => console.error('Backstory: could not open the notes database', error));
});
