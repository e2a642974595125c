import type { FactStore } from '../../factstore/store';
import type { RelatedItem } from '../../messages';
import { type RelatedCandidate, rankRelated } from '../../related/rank';
import { perMinute } from './per-minute';
import type { TabScans } from './tab-scans';
import type { BackgroundHooks, HandlersFor } from './types';

/** The most times a page may open the popup (or a tab) on a name's stories in a minute. */
export const OPENS_PER_MINUTE = 10;

/** Each tab's related coverage, ranked once per page and kept until what it was ranked from changes. */
export interface RelatedCoverage {
  /** The tab's related coverage, ranked when first asked for its page; null when the tab was never scanned. */
  of(tabId: number): Promise<RelatedItem[] | null>;
  /** The tab read another page (or the same page changed): its coverage is ranked again when next asked. */
  forget(tabId: number): void;
  /** The history or the packs changed: every tab's coverage is ranked again when next asked. */
  clear(): void;
}

/** Ranks a tab's related coverage from the store's coverage and the reader's visits. */
export function relatedCoverage(
  store: () => FactStore,
  scans: TabScans,
  hooks: Pick<BackgroundHooks, 'visitsMentioning' | 'today'>,
): RelatedCoverage {
  // Ranked when the popup first asks about the tab (a scan only forgets the last ranking),
  // then kept until the page, the history or the packs change.
  const cache = new Map<number, Promise<RelatedItem[] | null>>();
  const rank = async (tabId: number): Promise<RelatedItem[] | null> => {
    // After the tab's last write: never the previous article's counts.
    const scan = await scans.settled(tabId);
    if (!scan) return null;
    const s = store();
    // (A name that began after the page's article was written is never linked on it, so never
    // shared: the linker's rule, tested through the scan in tests/background/requests.test.ts.)
    const page = new Map(Object.entries(scan.counts));
    const visits = await hooks.visitsMentioning([...page.keys()]);
    const candidates: RelatedCandidate[] = [
      ...s.coverage.map((c) => ({
        key: `coverage:${c.id}`,
        outlet: c.outlet,
        date: c.date,
        entities: c.entities,
        summary: c.summary,
        ...(c.title ? { title: c.title } : {}),
        ...(c.url ? { url: c.url } : {}),
      })),
      ...visits.map((v) => ({
        key: `visit:${v.key}`,
        title: v.title,
        outlet: v.site,
        date: new Date(v.readAt).toISOString().slice(0, 10),
        url: v.url,
        entities: v.entityIds,
        read: true,
      })),
    ];
    const ranked = rankRelated({
      page,
      pageUrls: [scan.url, ...(scan.canonical ? [scan.canonical] : []), ...(scan.declared ? [scan.declared] : [])],
      candidates,
      typeOf: (id) => s.info(id)?.type,
      today: hooks.today(),
    });
    return ranked.map((r) => ({
      key: r.key,
      outlet: r.outlet,
      date: r.date,
      read: Boolean(r.read),
      shared: r.shared.flatMap((id) => {
        const e = s.info(id);
        return e ? [{ id, name: e.name, type: e.type }] : [];
      }),
      ...(r.title ? { title: r.title } : {}),
      ...(r.url ? { url: r.url } : {}),
      ...(r.summary ? { summary: r.summary } : {}),
    }));
  };
  return {
    async of(tabId) {
      // After the tab's scans in progress: each one forgets the ranking it makes stale.
      await scans.after(tabId);
      const cached = cache.get(tabId);
      if (cached) return cached;
      // A ranking that fails answers null (as for a tab never scanned), and is tried again only after a change.
      const ranked = rank(tabId).catch(() => null);
      cache.set(tabId, ranked);
      return ranked;
    },
    forget: (tabId) => void cache.delete(tabId),
    clear: () => cache.clear(),
  };
}

/** Related coverage for the popup, the history's changes, and opening the popup on a name's stories. */
export function relatedHandlers(
  store: () => FactStore,
  scans: TabScans,
  related: RelatedCoverage,
  hooks: Pick<BackgroundHooks, 'historyChanged' | 'openRelated'>,
): HandlersFor<'relatedCoverage' | 'historyChanged' | 'openRelated'> {
  const withinOpenRate = perMinute(OPENS_PER_MINUTE);
  return {
    async relatedCoverage(req) {
      return (await related.of(req.tabId)) ?? null;
    },
    async historyChanged() {
      hooks.historyChanged();
      // The reader's visits are candidates: every ranking may have changed.
      related.clear();
      return { ok: true, value: null };
    },
    async openRelated(req, sender) {
      if (!store().info(req.entityId)) return { ok: false, error: `No entry “${req.entityId}” in the fact store.` };
      // A page opens the stories only of a name found on it (no probing of the reader's
      // packs), and not endlessly (each may open a tab).
      if (!sender.extensionPage) {
        if ((await scans.askable(sender, [req.entityId])).length === 0)
          return { ok: false, error: `No entry “${req.entityId}” on this page.` };
        if (!withinOpenRate(sender.tabId ?? -1, Date.now())) return { ok: false, error: 'Too many at once.' };
      }
      return { ok: true, value: { opened: await hooks.openRelated(req.entityId, sender.tabId) } };
    },
  };
}
