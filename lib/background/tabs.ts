import type { TabInjectApi } from '../granted-sites';
import type { TabMessage } from '../tab-messages';

/** The part of `browser.tabs` these need. */
export interface TabsApi {
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  query(query: { url?: string }): Promise<{ id?: number }[]>;
}

/** Tells a tab's content script (its top frame's, unless `frameId` is undefined) one of the contract's messages. */
export function tell(
  tabs: TabsApi,
  tabId: number,
  message: TabMessage,
  frameId: number | undefined = 0,
): Promise<unknown> {
  return tabs.sendMessage(tabId, message, frameId === undefined ? {} : { frameId }).catch(() => undefined);
}

/**
 * Content scripts cannot read the settings: the tabs of the sites the reader
 * switched (between `before` and `after`, the sites off) are told so, and only they.
 */
export async function tellSiteTabs(
  tabs: TabsApi,
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
): Promise<void> {
  const switched = [...new Set([...before, ...after])].filter((site) => before.has(site) !== after.has(site));
  for (const site of switched) {
    // Each pattern on its own: "www." before an address is no valid pattern.
    const found = await Promise.all(
      [`*://${site}/*`, `*://www.${site}/*`].map((url) => tabs.query({ url }).catch(() => [])),
    );
    for (const tab of found.flat()) {
      if (tab.id !== undefined) void tell(tabs, tab.id, { type: 'siteEnabled', site, enabled: !after.has(site) });
    }
  }
}

/** The parts of the browser `openStories` needs. */
export interface StoriesApi {
  storage: { session: { set(items: Record<string, unknown>): Promise<void> } };
  action: { openPopup(): Promise<void> };
  tabs: { create(o: { url: string }): Promise<unknown> };
  runtime: { getURL(path: string): string };
}

/** Opens the popup on an entity's stories, or a tab where the popup cannot open. */
export async function openStories(
  api: StoriesApi,
  entityId: string,
  tabId: number | undefined,
): Promise<'popup' | 'tab'> {
  // The popup reads this when it opens; a tab gets it in its address.
  await api.storage.session.set({ focusEntity: { entityId, at: Date.now() } });
  try {
    await api.action.openPopup();
    return 'popup';
  } catch {
    const query = new URLSearchParams({ entity: entityId, ...(tabId === undefined ? {} : { tab: String(tabId) }) });
    await api.tabs.create({ url: api.runtime.getURL(`/popup.html?${query}`) });
    return 'tab';
  }
}

/**
 * Runs the card's code (`card-ui.js`) in a tab's top frame, in the isolated
 * world where the content script that asked for it runs (never the page's).
 */
export async function injectCardUi(scripting: TabInjectApi['scripting'], tabId: number): Promise<void> {
  await scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/card-ui.js'] });
}
