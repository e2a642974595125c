import { scanText } from '../../factstore/scan';
import type { FactStore } from '../../factstore/store';
import type { PaintedMention } from '../../messages';
import { siteOf } from '../../site-settings';
import type { RelatedCoverage } from './related';
import { countMentions, type TabScan, type TabScans } from './tab-scans';
import type { BackgroundHooks, HandlersFor } from './types';

/**
 * Scanning a page's text: the mentions go back to the page to be painted; the
 * tab keeps how often each name is found (for the popup, and for what the page
 * may ask next), and the reader's history a visit.
 */
export function scanHandlers(
  store: () => FactStore,
  scans: TabScans,
  related: RelatedCoverage,
  hooks: Pick<BackgroundHooks, 'isSiteEnabled' | 'recordVisit' | 'editors'>,
): HandlersFor<'scan'> {
  return {
    async scan(req, sender) {
      const site = siteOf(sender.url ?? req.url);
      if (site && !(await hooks.isSiteEnabled(site))) {
        // Off here: nothing is kept about this tab's page either.
        if (sender.tabId !== undefined) {
          related.forget(sender.tabId);
          await scans.forget(sender.tabId);
        }
        return { enabled: false, mentions: [] };
      }
      const s = store();
      const found = scanText(s, req.text, { lang: req.lang, date: req.date });
      // The page's address is the tab's, not one the page declares; a canonical address
      // counts only on the same site, so a page cannot write history for another.
      const pageUrl = sender.extensionPage ? req.url : (sender.url ?? req.url);
      const canonical = req.canonical && siteOf(req.canonical) === siteOf(pageUrl) ? req.canonical : undefined;
      // Remembered for the popup. Scans of one tab update it one after the
      // other (two parts read at once must both be counted); the page does
      // not wait for the storage writes.
      const tabId = sender.tabId;
      if (tabId !== undefined) {
        await scans.inTurn(tabId, async () => {
          const previous = await scans.get(tabId);
          // A page scanned in parts (new paragraphs, or a long article in pieces) adds to what the tab holds.
          const adding = req.part && previous && previous.url === pageUrl;
          // Text read again or gone: what it named comes off.
          const lost = adding && req.previous ? scanText(s, req.previous, { lang: req.lang, date: req.date }) : [];
          const scan: TabScan = {
            url: pageUrl,
            counts: countMentions(found, adding ? previous.counts : undefined, lost),
            ...(canonical ? { canonical } : {}),
            ...(req.canonical && !canonical ? { declared: req.canonical } : {}),
          };
          const grew = !adding || Object.keys(scan.counts).length > Object.keys(previous.counts).length;
          // A new page: a note editor the last one left open is closed.
          if (!adding) void hooks.editors.delete(tabId).catch(() => undefined);
          // What the tab holds changed: its related coverage is ranked again when next asked
          // (after a single-page site's navigation, never the previous article's).
          related.forget(tabId);
          scans.write(tabId, scan);
          // A private window keeps nothing, and a part that names no one new is the same visit.
          if (site && found.length > 0 && grew && !sender.incognito) {
            void hooks
              .recordVisit({ url: canonical ?? pageUrl, title: req.title, site, entityIds: Object.keys(scan.counts) })
              .catch(() => undefined);
          }
        });
      }
      // Only as many as the page can still paint cross back to it.
      const shown = req.limit === undefined ? found : found.slice(0, req.limit);
      const mentions: PaintedMention[] = shown.map((m) => ({
        ...m,
        type: s.info(m.entityId)?.type ?? 'event',
        // What the reader's packs know is theirs: the page never sees it underlined in its registry.
        ...(s.reader?.entities.has(m.entityId) ? { private: true } : {}),
      }));
      return { enabled: true, mentions };
    },
  };
}
