import { scanText } from '../../factstore/scan';
import type { FactStore } from '../../factstore/store';
import type { PaintedMention } from '../../messages';
import { siteOf } from '../../site-settings';
import { withTimeout } from '../store-holder';
import { noteCounts, passagesOn } from './notes';
import type { RelatedCoverage } from './related';
import { countMentions, type TabScan, type TabScans } from './tab-scans';
import type { BackgroundHooks, HandlersFor } from './types';

/** The longest a scan's answer waits for the page's notes (ms). */
const NOTES_WAIT_MS = 50;

/**
 * Scanning a page's text: the mentions go back to the page to be painted; the
 * tab keeps how often each name is found (for the popup, and for what the page
 * may ask next), and the reader's history a visit.
 */
export function scanHandlers(
  store: () => FactStore,
  scans: TabScans,
  related: RelatedCoverage,
  hooks: Pick<BackgroundHooks, 'isSiteEnabled' | 'recordVisit' | 'editors' | 'notes'>,
): HandlersFor<'scan'> {
  return {
    async scan(req, sender) {
      const site = siteOf(sender.url ?? req.url);
      if (site && !(await hooks.isSiteEnabled(site))) {
        // Off here: nothing is kept about this tab's page either.
        const tabId = sender.tabId;
        if (tabId !== undefined) {
          related.forget(tabId);
          // After any bookkeeping of an earlier scan still under way, which would write it back.
          await scans.inTurn(tabId, () => scans.forget(tabId));
        }
        return { enabled: false, mentions: [] };
      }
      const s = store();
      // The page's address is the tab's, not one the page declares; a canonical address
      // counts only on the same site, so a page cannot write history for another.
      const pageUrl = sender.extensionPage ? req.url : (sender.url ?? req.url);
      const canonical = req.canonical && siteOf(req.canonical) === siteOf(pageUrl) ? req.canonical : undefined;
      // The page's notes, asked for with its first scan of a read: one round trip fewer
      // before the page is painted. Its passages are looked up while the text is scanned.
      // (Under the page's own addresses only, as `notesFor` looks them up.)
      const noteUrls = sender.extensionPage
        ? [req.url]
        : sender.url
          ? [...(canonical ? [canonical] : []), sender.url]
          : [];
      const passages = req.notes ? passagesOn(hooks.notes, noteUrls) : undefined;
      passages?.catch(() => undefined);
      const found = scanText(s, req.text, { lang: req.lang, date: req.date });
      // Remembered for the popup. Scans of one tab update it one after the
      // other (two parts read at once must both be counted). The page does
      // not wait for this: whatever reads the tab's scan next (a card asked
      // for, the popup) waits for its turn (TabScans.inTurn).
      const tabId = sender.tabId;
      // A new page: a note editor the last one left open is closed (at once: it saves nothing more).
      if (tabId !== undefined && !req.part) void hooks.editors.delete(tabId).catch(() => undefined);
      if (tabId !== undefined) {
        void scans
          .inTurn(tabId, async (previous) => {
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
            // (A part of another page than the tab's last: its editor goes too.)
            if (!adding && req.part) void hooks.editors.delete(tabId).catch(() => undefined);
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
          })
          .catch(() => undefined);
      }
      // Only as many as the page can still paint cross back to it.
      const shown = req.limit === undefined ? found : found.slice(0, req.limit);
      const mentions: PaintedMention[] = shown.map((m) => ({
        ...m,
        type: s.info(m.entityId)?.type ?? 'event',
        // What the reader's packs know is theirs: the page never sees it underlined in its registry.
        ...(s.reader?.entities.has(m.entityId) ? { private: true } : {}),
      }));
      if (!passages) return { enabled: true, mentions };
      // Which of the names sent back have notes (all of them were found on the page). Notes that
      // cannot be read, or not at once, are left out: the underlines never wait for them (the
      // page then asks with `notesFor`).
      const notes = await withTimeout(
        Promise.all([passages, noteCounts(hooks.notes, [...new Set(shown.map((m) => m.entityId))])]),
        NOTES_WAIT_MS,
      ).catch(() => undefined);
      if (!notes) return { enabled: true, mentions };
      const [onPage, entityNotes] = notes;
      return { enabled: true, mentions, notes: { passages: onPage, entityNotes } };
    },
  };
}
