import { entityCard } from '../../factstore/card';
import type { FactStore } from '../../factstore/store';
import { aliasCount } from '../../match/alias-index';
import type { TabEntity } from '../../messages';
import type { TabScans } from './tab-scans';
import type { BackgroundHooks, HandlersFor } from './types';

/**
 * Answers read from the fact store: a name's card (for a page, only a name of
 * the reader's packs found on it) and the card's code, a tab's names, a name's stories, and how
 * the store loaded.
 */
export function storeQueryHandlers(
  store: () => FactStore,
  scans: TabScans,
  hooks: Pick<BackgroundHooks, 'timings' | 'today' | 'injectCardUi'>,
): HandlersFor<'card' | 'cardUi' | 'tabEntities' | 'entityCoverage' | 'stats'> {
  return {
    // The card's code is loaded into a page's content script when a card is first needed,
    // not with the script that reads every page (issue #13's reading cost).
    async cardUi(_req, sender) {
      if (sender.tabId === undefined || sender.extensionPage)
        return { ok: false, error: 'No page to load the card in.' };
      await hooks.injectCardUi(sender.tabId);
      return { ok: true, value: null };
    },
    async card(req, sender) {
      // A reader pack's entries are the reader's: a page gets the card only of one found on it.
      if (store().reader?.entities.has(req.entityId) && (await scans.askable(sender, [req.entityId])).length === 0)
        return { ok: false, error: `No entry “${req.entityId}” on this page.` };
      // Today: a role is said to hold now only if its source is recent (see entityCard).
      const card = await entityCard(store(), req.entityId, new Date(`${hooks.today()}T00:00:00Z`));
      return card ? { ok: true, value: card } : { ok: false, error: `No entry “${req.entityId}” in the fact store.` };
    },
    async tabEntities(req) {
      const scan = await scans.get(req.tabId);
      if (!scan) return null;
      const s = store();
      // Descriptions come from the card shards: read together, each shard once.
      const found = await Promise.all(
        Object.entries(scan.counts).map(async ([id, count]) => {
          const e = s.info(id);
          if (!e) return undefined;
          const description = (await s.record(id).catch(() => undefined))?.entity.description ?? '';
          return { id, name: e.name, type: e.type, description, count };
        }),
      );
      const entities: TabEntity[] = found.filter((e): e is TabEntity => e !== undefined);
      entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
      return { url: scan.url, entities };
    },
    async entityCoverage(req) {
      const s = store();
      const e = (await s.record(req.entityId))?.entity;
      if (!e) return { ok: false, error: `No entry “${req.entityId}” in the fact store.` };
      const stories = s.coverage
        .filter((c) => c.entities.includes(e.id))
        .map(({ id, title, outlet, date, url, summary }) => ({
          id,
          outlet,
          date,
          summary,
          ...(title ? { title } : {}),
          ...(url ? { url } : {}),
        }))
        .sort((a, b) => b.date.localeCompare(a.date));
      return {
        ok: true,
        value: { entity: { id: e.id, name: e.name, type: e.type, description: e.description, count: 0 }, stories },
      };
    },
    async stats() {
      const s = store();
      return { entities: s.size, aliases: aliasCount(s.index), ...hooks.timings() };
    },
  };
}
