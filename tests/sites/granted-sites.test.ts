import { describe, expect, it } from 'vitest';
import {
  GRANTED_SCRIPT_ID,
  grantedSites,
  type RegisteredScript,
  readOpenTabs,
  type SiteScriptApi,
  sitePattern,
  syncGrantedSites,
} from '../../lib/granted-sites';
import { NEWS_SITE_MATCHES } from '../../lib/sites';

/** A browser with some granted origins and the registered scripts kept in a map. */
function fakeBrowser(origins: string[]) {
  const registered = new Map<string, RegisteredScript>();
  const api: SiteScriptApi = {
    permissions: { getAll: async () => ({ origins }) },
    scripting: {
      getRegisteredContentScripts: async ({ ids }) => ids.filter((id) => registered.has(id)).map((id) => ({ id })),
      registerContentScripts: async (scripts) => {
        for (const s of scripts) {
          if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          registered.set(s.id, s);
        }
      },
      unregisterContentScripts: async ({ ids }) => {
        for (const id of ids) registered.delete(id);
      },
    },
  };
  return { api, registered, origins };
}

describe('sites the reader turns Backstory on for', () => {
  it('asks for exactly one site, never every site', () => {
    expect(sitePattern('https://www.example.org/2026/11/story.html?x=1#top')).toBe('https://www.example.org/*');
    expect(sitePattern('http://localnews.example:8080/a')).toBe('http://localnews.example/*');
    expect(sitePattern('chrome://extensions')).toBeUndefined();
    expect(sitePattern('file:///home/me/page.html')).toBeUndefined();
    expect(sitePattern('not a url')).toBeUndefined();
  });

  it('counts only single sites beyond the defaults as granted', () => {
    expect(
      grantedSites(
        [...NEWS_SITE_MATCHES, 'https://www.example.org/*', 'https://*/*', '<all_urls>', 'http://a.example/*'],
        NEWS_SITE_MATCHES,
      ),
    ).toEqual(['http://a.example/*', 'https://www.example.org/*']);
  });

  it('registers one content script for the granted sites, and follows grants and removals', async () => {
    const b = fakeBrowser([...NEWS_SITE_MATCHES, 'https://www.example.org/*']);
    expect(await syncGrantedSites(b.api, NEWS_SITE_MATCHES)).toEqual(['https://www.example.org/*']);
    const script = b.registered.get(GRANTED_SCRIPT_ID);
    expect(script?.matches).toEqual(['https://www.example.org/*']);
    expect(script?.js).toEqual(['/content-scripts/content.js']);
    expect(script?.css).toEqual(['/content-scripts/content.css']);
    expect(script?.persistAcrossSessions).toBe(true);

    // Another site granted: the same script now covers both (no duplicate id error).
    b.origins.push('https://news.example.net/*');
    await syncGrantedSites(b.api, NEWS_SITE_MATCHES);
    expect(b.registered.get(GRANTED_SCRIPT_ID)?.matches).toEqual([
      'https://news.example.net/*',
      'https://www.example.org/*',
    ]);

    // Both removed (say from the browser's extension settings): no script left.
    b.origins.splice(NEWS_SITE_MATCHES.length);
    expect(await syncGrantedSites(b.api, NEWS_SITE_MATCHES)).toEqual([]);
    expect(b.registered.size).toBe(0);
  });

  it('reads the tabs already open on a site just granted, stylesheet first, and no others', async () => {
    const calls: string[] = [];
    const tabsByPattern: Record<string, { id?: number }[]> = {
      'https://www.example.org/*': [{ id: 7 }, { id: 9 }, {}],
      'https://*.rudaw.net/*': [{ id: 3 }],
    };
    const api = {
      tabs: { query: async ({ url }: { url: string }) => tabsByPattern[url] ?? [] },
      scripting: {
        insertCSS: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
          if (target.tabId === 9) throw new Error('No tab with id: 9');
          calls.push(`css ${target.tabId} ${files.join()}`);
        },
        executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
          calls.push(`js ${target.tabId} ${files.join()}`);
        },
      },
    };
    const done = await readOpenTabs(api, ['https://www.example.org/*', 'https://*.rudaw.net/*'], NEWS_SITE_MATCHES);
    expect(done).toEqual([7]);
    expect(calls).toEqual(['css 7 /content-scripts/content.css', 'js 7 /content-scripts/content.js']);
  });
});
