import type { Sender } from './handlers';

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** An address of an extension's own page. */
const EXTENSION_URL = /^(chrome|moz)-extension:\/\/[^/]+\//;

/** What the browser says about a message's sender (the part of `runtime.MessageSender` needed). */
export interface BrowserSender {
  id?: string | undefined;
  url?: string | undefined;
  frameId?: number | undefined;
  tab?: { id?: number | undefined; incognito?: boolean | undefined } | undefined;
}

/**
 * Who sent a message, as the handlers check it; none when it is to be
 * ignored. Only this extension's own contexts are heard. A content script's
 * sender URL is the page's; only Backstory's own pages have an extension URL
 * (the note editor in a page's card too, under the session's dynamic id on
 * Chrome). Only the top frame's content script speaks for a tab, and for the
 * tab's address now (a port opened before the page's pushState still carries
 * the old one).
 */
export async function senderOf(
  sender: BrowserSender,
  own: { id: string },
  currentUrl: (tabId: number) => Promise<string | undefined>,
): Promise<Sender | undefined> {
  if (sender.id !== own.id) return undefined;
  // (An extension address with this extension's id is one of Backstory's own pages.)
  const extensionPage = typeof sender.url === 'string' && EXTENSION_URL.test(sender.url);
  let url = sender.url;
  const tabId = sender.tab?.id;
  if (!extensionPage && tabId !== undefined) {
    if (sender.frameId !== undefined && sender.frameId !== 0) return undefined;
    const now = await currentUrl(tabId);
    // A pushState keeps the origin: a tab now on another origin holds another page, and
    // what the page it left asked is not answered for this one.
    if (now !== undefined && url !== undefined && originOf(now) !== originOf(url)) return undefined;
    url = now ?? url;
  }
  return {
    ...(tabId === undefined ? {} : { tabId }),
    ...(typeof url === 'string' ? { url } : {}),
    ...(sender.tab?.incognito ? { incognito: true } : {}),
    extensionPage,
  };
}
