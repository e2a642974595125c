import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { i18n } from '#i18n';
import { dispatch } from '../lib/background/dispatch';
import { createHandlers } from '../lib/background/handlers';
import { type BrowserSender, senderOf } from '../lib/background/senders';
import { type SessionArea, sessionEditors, sessionTabStore } from '../lib/background/session-stores';
import { BackgroundSettings } from '../lib/background/settings';
import { indexedDbStoreCache } from '../lib/background/store-cache';
import { extensionFiles, StoreHolder } from '../lib/background/store-holder';
import { injectCardUi, openStories, type StoriesApi, type TabsApi, tell, tellSiteTabs } from '../lib/background/tabs';
import { BackstoryDB } from '../lib/db';
import { readOpenTabs, type SiteScriptApi, syncGrantedSites, type TabInjectApi } from '../lib/granted-sites';
import { recordVisit, visitsMentioning } from '../lib/history/visits';
import { notesStore } from '../lib/notes/notes';
import { loadReaderPacks } from '../lib/packs/reader-packs';
import { PORT_NAME } from '../lib/port-channel';

export default defineBackground(() => {
  // No settings live in storage.local (see BackgroundSettings); closed to content scripts all the same.
  const local = browser.storage.local as unknown as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  void local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);
  const db = new BackstoryDB();
  const settings = new BackgroundSettings(db, browser.storage.local);
  const session = browser.storage.session as unknown as SessionArea;
  const tabsApi = browser.tabs as unknown as TabsApi;
  const inject = { tabs: browser.tabs, scripting: browser.scripting } as unknown as TabInjectApi;
  const holder = new StoreHolder(
    extensionFiles((path) => browser.runtime.getURL(path as '/')),
    async () => {
      const [packs, off] = await Promise.all([loadReaderPacks(db), settings.disabledPacks()]);
      return { packs, off };
    },
    indexedDbStoreCache(),
  );
  void holder.ready.catch(() => undefined).then(() => settings.pruneHistory()); // housekeeping after the store (issue #12)
  const tabs = sessionTabStore(session);
  const editors = sessionEditors(session);
  const handlers = createHandlers(() => holder.store, tabs, {
    reloadPacks: () => holder.reload(),
    setPackEnabled: async (packId, enabled) => {
      await settings.setPackEnabled(packId, enabled);
      return holder.reload();
    },
    timings: () => holder.timings(),
    setSiteEnabled: async (site, enabled) => {
      const { before, after } = await settings.setSiteEnabled(site, enabled);
      void tellSiteTabs(tabsApi, before, after);
    },
    isSiteEnabled: (site) => settings.isSiteEnabled(site),
    historyChanged: () => settings.historyChanged(),
    recordVisit: async (visit) => {
      if (!(await settings.historySettings()).paused) await recordVisit(db, visit);
    },
    visitsMentioning: (entityIds) => visitsMentioning(db, entityIds),
    today: () => new Date().toISOString().slice(0, 10),
    notes: notesStore(db),
    editors,
    tellTab: (tabId, message) => void tell(tabsApi, tabId, message),
    openRelated: (entityId, tabId) => openStories(browser as unknown as StoriesApi, entityId, tabId),
    injectCardUi: (tabId) => injectCardUi(inject.scripting, tabId),
  });

  // Sites the reader turned Backstory on for (from the popup, or the browser's own settings):
  // the registered content script follows the granted permissions, and a tab already open on
  // a newly granted site is read at once.
  const defaults = browser.runtime.getManifest().host_permissions ?? [];
  const scripts = { permissions: browser.permissions, scripting: browser.scripting } as unknown as SiteScriptApi;
  const sync = () => syncGrantedSites(scripts, defaults).catch(() => []);
  void holder.ready.catch(() => undefined).then(sync); // after the store: a scan that woke the worker goes first
  browser.permissions.onAdded.addListener(async (added) => {
    await sync();
    await readOpenTabs(inject, added.origins ?? [], defaults);
  });
  browser.permissions.onRemoved.addListener(() => void sync());

  // Registered synchronously, so that a message wakes the stopped worker.
  const own = { id: browser.runtime.id };
  const currentUrl = async (tabId: number) => (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  const answer = async (message: unknown, from: BrowserSender) => {
    await holder.ready;
    const sender = await senderOf(from, own, currentUrl);
    return sender ? dispatch(handlers, message, sender) : undefined;
  };
  browser.runtime.onMessage.addListener((message, sender) => answer(message, sender));
  // Content scripts keep one port open for their requests (see lib/port-channel.ts).
  browser.runtime.onConnect.addListener((port) => {
    const sender = port.sender;
    if (port.name !== PORT_NAME || !sender || sender.id !== own.id) return port.disconnect();
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
    if (id !== undefined) await tell(tabsApi, id, { type: 'mentionStep', direction }, undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.delete(tabId);
    void editors.delete(tabId);
  });
  // The selection's menu item, in the browser's language (which changes only at a restart).
  const noteMenu = async () => {
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: 'backstory-note', title: i18n.t('menu.notePassage'), contexts: ['selection'] });
  };
  browser.runtime.onInstalled.addListener(() => void noteMenu());
  browser.runtime.onStartup.addListener(() => void noteMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'backstory-note' && tab?.id !== undefined)
      void tell(tabsApi, tab.id, { type: 'notePassage' }, undefined);
  });
});
