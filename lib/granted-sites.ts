// Sites the reader turned Backstory on for, beyond the manifest's own list.
//
// Written here rather than taken from `webext-dynamic-content-scripts`
// (10.0.4, tried for issue #15 on 2026-11-29 with a fake browser API): that
// library keeps the handle it needs to unregister a site in a Map in the
// worker's memory. Granting a site and removing it in the same worker left no
// registration; removing it after the worker had restarted (Chrome stops an
// idle MV3 worker after 30 s) left the site's script registered. It also
// registers only at the browser's start (`onExtensionStart`), so permissions
// changed while the worker was down are not followed, and it brings seven
// packages into the background. This module re-reads `permissions.getAll()`
// at every start and on every change, and keeps one registration whose list
// of sites is always exactly the granted ones (tests/sites/granted-sites.test.ts).

/** The id of the content script registered for sites the reader turned Backstory on for. */
export const GRANTED_SCRIPT_ID = 'backstory-granted-sites';

/** The built content script and its stylesheet, as the manifest names them. */
export const CONTENT_JS: '/content-scripts/content.js' = '/content-scripts/content.js';
export const CONTENT_CSS: '/content-scripts/content.css' = '/content-scripts/content.css';

/**
 * The match pattern that covers exactly one site: `https://example.com/*` for
 * a page on example.com (the scheme and host of `url`; any port). Undefined
 * for anything but an http(s) page.
 */
export function sitePattern(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return undefined;
    return `${protocol}//${hostname}/*`;
  } catch {
    return undefined;
  }
}

/**
 * The sites the reader has granted beyond the defaults (the manifest's own
 * host permissions, read from the manifest at run time so that the outlet
 * list is not bundled twice): the origins from `permissions.getAll()` that
 * are single sites (never a wildcard over every site) and not already in the
 * manifest's list.
 */
export function grantedSites(origins: readonly string[], defaults: readonly string[]): string[] {
  const known = new Set(defaults);
  return origins.filter((o) => !known.has(o) && /^https?:\/\/[^*/]+\/\*$/.test(o)).sort((a, b) => a.localeCompare(b));
}

/** The parts of `browser.permissions` and `browser.scripting` this needs; fakes in tests. */
export interface SiteScriptApi {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string }[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
}

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  css: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/**
 * Makes the registered content script match exactly the sites the reader
 * granted (`defaults` being the manifest's own host permissions): called when the background starts and whenever a permission is
 * added or removed (also from the browser's own extension settings).
 * Resolves with the sites it now runs on.
 */
export async function syncGrantedSites(api: SiteScriptApi, defaults: readonly string[]): Promise<string[]> {
  const sites = grantedSites((await api.permissions.getAll()).origins ?? [], defaults);
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [GRANTED_SCRIPT_ID] });
  if (existing.length > 0) await api.scripting.unregisterContentScripts({ ids: [GRANTED_SCRIPT_ID] });
  if (sites.length > 0) {
    await api.scripting.registerContentScripts([
      {
        id: GRANTED_SCRIPT_ID,
        matches: sites,
        js: [CONTENT_JS],
        css: [CONTENT_CSS],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return sites;
}

/** The parts of `browser.tabs` and `browser.scripting` that reading open tabs needs; fakes in tests. */
export interface TabInjectApi {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  scripting: {
    insertCSS(i: { target: { tabId: number }; files: string[] }): Promise<unknown>;
    executeScript(i: { target: { tabId: number; frameIds?: number[] }; files: string[] }): Promise<unknown>;
  };
}

/**
 * Reads the tabs already open on sites just granted (`added`, from
 * `permissions.onAdded`): the registered script only runs on pages loaded
 * later, and the reader who turned Backstory on expects the page in front of
 * them to be read now. Sites among `defaults` already have the script.
 * Resolves with the ids of the tabs it injected into; a tab that cannot be
 * injected (closed, or a browser page) is skipped.
 */
export async function readOpenTabs(
  api: TabInjectApi,
  added: readonly string[],
  defaults: readonly string[],
): Promise<number[]> {
  const done: number[] = [];
  for (const origin of grantedSites(added, defaults)) {
    for (const tab of await api.tabs.query({ url: origin })) {
      if (tab.id === undefined) continue;
      const target = { tabId: tab.id };
      try {
        await api.scripting.insertCSS({ target, files: [CONTENT_CSS] });
        await api.scripting.executeScript({ target, files: [CONTENT_JS] });
        done.push(tab.id);
      } catch {
        // The tab went away, or is not a page scripts may enter.
      }
    }
  }
  return done;
}
