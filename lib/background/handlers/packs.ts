import type { FactStore } from '../../factstore/store';
import type { RelatedCoverage } from './related';
import type { BackgroundHooks, HandlersFor } from './types';

/**
 * The packs in the store: listing the bundled ones, switching one off or on,
 * and reloading the reader's own after the options page changed them. The
 * store's coverage changes with them, so every tab's related coverage is
 * ranked again.
 */
export function packHandlers(
  store: () => FactStore,
  related: RelatedCoverage,
  hooks: Pick<BackgroundHooks, 'setPackEnabled' | 'reloadPacks'>,
): HandlersFor<'bundledPacks' | 'setPackEnabled' | 'packsChanged'> {
  return {
    async bundledPacks() {
      const s = store();
      return s.packs
        .filter((p) => !p.reader)
        .map(({ id, name, version, license, entities, about }) => ({
          id,
          name,
          version,
          license,
          entities,
          ...(about ? { about } : {}),
          enabled: !s.disabled.has(id),
        }));
    },
    async setPackEnabled(req) {
      if (!store().packs.some((p) => p.id === req.packId && !p.reader))
        return { ok: false, error: `No bundled pack “${req.packId}”.` };
      related.clear();
      return { ok: true, value: { entities: await hooks.setPackEnabled(req.packId, req.enabled) } };
    },
    async packsChanged() {
      related.clear();
      return { ok: true, value: { entities: await hooks.reloadPacks() } };
    },
  };
}
